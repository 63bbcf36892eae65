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

        await page.GotoAsync("/");
        await Expect(page.Locator("body[data-map-ready='true']")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        var expected = new Dictionary<string, string>
        {
            ["stations"] = "stations", ["units"] = "units", ["keyPlaces"] = "key-places",
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
        problems.AssertNone();
    }
}
