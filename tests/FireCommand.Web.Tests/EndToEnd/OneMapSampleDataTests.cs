using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd;

/// <summary>
/// The One Map page served by the real host, with the API answered from Fixtures/: exact counts per
/// layer, popups from the data, and lazy loading of layers that start hidden.
/// </summary>
public sealed class OneMapSampleDataTests(KestrelHost host, ITestOutputHelper output) : IClassFixture<KestrelHost>
{
    [Fact]
    public async Task Map_WithSampleLayers_CountsEveryFeature_AndLoadsHiddenLayersOnlyWhenShown()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        var problems = new PageProblems(page);
        var api = new SampleApi();
        await api.InstallAsync(page);
        await NoLiveChannelAsync(page);

        await page.GotoAsync("/");
        await Expect(page.Locator("body[data-map-ready='true']")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        var expected = new Dictionary<string, string>
        {
            ["incidents"] = "incidents", ["stations"] = "stations", ["units"] = "units", ["keyPlaces"] = "key-places",
            ["waterSources"] = "water-sources", ["settlements"] = "settlements", ["roads"] = "roads",
            ["jurisdictions"] = "jurisdictions",
        };
        foreach (var (layer, file) in expected)
        {
            var row = page.Locator($"#layer-panel [data-layer='{layer}']");
            await Expect(row).ToHaveAttributeAsync("data-state", "loaded");
            Assert.Equal(SampleApi.FeatureCount(file).ToString(), await row.GetAttributeAsync("data-count"));
        }
        Assert.Equal(SampleApi.FeatureCount("stations"), await page.Locator("#map .fc-station").CountAsync());
        Assert.Equal(SampleApi.FeatureCount("incidents"), await page.Locator("#map .leaflet-fc-incidents-pane .fc-incident").CountAsync());
        // Offline by default: the configuration names no base layer, so not one tile is requested.
        Assert.Contains("config", api.Requested);
        Assert.Equal(0, await page.Locator("#map .leaflet-tile").CountAsync());
        // Hydrants are clustered, and drawn only from street-level zooms (the overview would be noise).
        await page.ClickAsync(".leaflet-control-zoom-in");
        await Expect(page.Locator("#map .fc-cluster--water").First).ToBeVisibleAsync();

        // Station districts start hidden and are fetched only when switched on.
        Assert.DoesNotContain("station-districts", api.Requested);
        await Expect(page.Locator("#legend [data-layer='stationDistricts']")).ToHaveCountAsync(0);
        await page.Locator("#layer-panel input[name='layer-stationDistricts']").CheckAsync();
        await Expect(page.Locator("#layer-panel [data-layer='stationDistricts']")).ToHaveAttributeAsync(
            "data-count", SampleApi.FeatureCount("station-districts").ToString());
        Assert.Contains("station-districts", api.Requested);
        await Expect(page.Locator("#legend [data-layer='stationDistricts']")).ToHaveCountAsync(1);

        // The special station's popup shows its name, kind and jurisdiction from the data.
        var special = SampleApi.Load("stations")["features"]!.AsArray()
            .First(f => f!["properties"]!["kind"]!.GetValue<string>() == "Special")!["properties"]!;
        await page.Locator("#map .fc-station--Special").First.ClickAsync();
        var popup = page.Locator(".leaflet-popup");
        await Expect(popup.Locator(".fc-popup__title")).ToHaveTextAsync(special["name"]!.GetValue<string>());
        await Expect(popup.Locator(".fc-popup__subtitle")).ToHaveTextAsync("特勤站");
        await Expect(popup).ToContainTextAsync("江城市南区大队");
        await Screenshots.SaveAsync(page, "sample-map-popup-zh", output);

        // An incident's popup: number, type and subtype, fire level, state, address, the command view link.
        await page.Locator(".leaflet-popup-close-button").ClickAsync();
        await Expect(popup).ToHaveCountAsync(0);
        await page.Locator("#map [data-incident-id='101']").DispatchEventAsync("click");
        await Expect(popup.Locator(".fc-popup__title")).ToHaveTextAsync("20261101-00001");
        await Expect(popup.Locator(".fc-popup__subtitle")).ToHaveTextAsync("火灾扑救 · 住宅火灾");
        await Expect(popup.Locator(".fc-popup__level")).ToHaveTextAsync("3 级");
        await Expect(popup).ToContainTextAsync("处置中");
        await Expect(popup).ToContainTextAsync("示范省江城市东区解放路88号");
        await Expect(popup.Locator("a.fc-popup__link")).ToHaveAttributeAsync("href", "/incident.html?id=101");
        // A coded subtype is named in the current language.
        await page.Locator(".leaflet-popup-close-button").ClickAsync();
        await Expect(popup).ToHaveCountAsync(0);
        await page.Locator("#map [data-incident-id='102']").DispatchEventAsync("click");
        await Expect(popup.Locator(".fc-popup__subtitle")).ToHaveTextAsync("抢险救援 · 交通事故");

        // Coverage is fetched when switched on; its shares are the sample's, rounded to one decimal.
        Assert.DoesNotContain("coverage", api.Requested);
        await page.Locator("#layer-panel input[name='layer-coverage']").CheckAsync();
        await Expect(page.Locator("#layer-panel [data-layer='coverage'] .fc-layer-panel__count")).ToHaveTextAsync("81.3%");
        await Expect(page.Locator("#status-counts [data-layer='coverage']")).ToHaveTextAsync("5 分钟覆盖 人口 81.3% · 道路 43.8%");
        await Expect(page.Locator("#legend [data-layer='coverage'] .fc-legend__note")).ToHaveTextAsync(
            "按当前可用车辆 41 辆计算，5 分钟可达：人口 81.3%，道路 43.8%。");
        problems.AssertNone();
    }

    [Fact]
    public async Task Map_WithAConfiguredBaseLayer_DrawsItsTiles_AndCreditsTheProvider()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        var problems = new PageProblems(page);
        await new SampleApi().InstallAsync(page);
        await NoLiveChannelAsync(page);
        // Same-origin tile URL (answered here), so the test never leaves the machine.
        await page.RouteAsync("**/api/map/config", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "application/json",
            Body = """{"baseLayer":{"url":"/sample-tiles/{z}/{x}/{y}.png","attribution":"© 示例底图 <b>","coordinateSystem":"Gcj02","maxZoom":18}}""",
        }));
        var tiles = new List<string>();
        await page.RouteAsync("**/sample-tiles/**", route =>
        {
            lock (tiles) tiles.Add(new Uri(route.Request.Url).AbsolutePath);
            return route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "image/png", BodyBytes = OnePixelPng });
        });

        await page.GotoAsync("/");
        await Expect(page.Locator("body[data-map-ready='true']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("#map .leaflet-tile-loaded").First).ToBeAttachedAsync();
        lock (tiles) Assert.All(tiles, path => Assert.Matches(@"^/sample-tiles/\d+/\d+/\d+\.png$", path));
        await Expect(page.Locator("#map")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bfc-map--online\b"));
        // The provider's credit is shown as text, never as markup.
        await Expect(page.Locator(".leaflet-control-attribution")).ToContainTextAsync("© 示例底图 <b>");
        // The data still draws, shifted onto the tiles by the GCJ-02 CRS.
        Assert.Equal(SampleApi.FeatureCount("stations"), await page.Locator("#map .fc-station").CountAsync());
        problems.AssertNone();
    }

    /// <summary>
    /// The sample session is not a real one, so the hub would answer 401; the channel is cut instead
    /// (the map then says it is reconnecting, which is what it should say).
    /// </summary>
    private static Task NoLiveChannelAsync(IPage page) => page.RouteAsync("**/hubs/**", route => route.AbortAsync());

    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}
