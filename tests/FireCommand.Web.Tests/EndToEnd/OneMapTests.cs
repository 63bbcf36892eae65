using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FireCommand.Geo;
using FireCommand.Geo.Coordinates;
using FireCommand.Web.Tests.Dispatch;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd;

/// <summary>The One Map in a real browser against the real platform with the demo province.</summary>
public sealed class OneMapTests(KestrelHost host, ITestOutputHelper output) : IClassFixture<KestrelHost>
{
    // The demo province has ~25k road lines and thousands of hydrants; drawing them is not instant.
    private static readonly LocatorAssertionsToBeVisibleOptions Slow = new() { Timeout = 60_000 };
    private static readonly LocatorAssertionsToHaveAttributeOptions SlowAttribute = new() { Timeout = 60_000 };

    private const string IncidentPins = "#map .leaflet-fc-incidents-pane .fc-incident";

    [Fact]
    public async Task Login_ThenMap_ShowsStationsAndSwitchesToEnglish()
    {
        // Two open incidents (the test host simulates nothing), so the incidents layer has something to show.
        using var api = await SignedInApiAsync();
        var stationCount = (await api.GetJsonAsync("/api/stations")).AsArray().Count;
        var (lat, lon, _) = await DispatchTestData.SomewhereAsync(api);
        await DispatchTestData.TakeAlarmAsync(api, lat, lon, "测试路 1 号");
        var (lat2, lon2, _) = await DispatchTestData.SomewhereAsync(api, stationCount / 2);
        await TakeRescueAlarmAsync(api, lat2, lon2);

        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        var problems = new PageProblems(page);

        // No session: the map sends the user to the login page, in Chinese by default.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(Urls.LoginPage);
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        await Expect(page.Locator("#login-heading")).ToHaveTextAsync("用户登录");

        await page.FillAsync("#login-user", KestrelHost.AdminUserName);
        await page.FillAsync("#login-password", KestrelHost.AdminPassword);
        await page.ClickAsync("#login-submit");
        await Expect(page).ToHaveURLAsync(Urls.MapPage, new() { Timeout = 30_000 });
        await Expect(page.Locator("body[data-map-ready='true']")).ToBeVisibleAsync(Slow);

        // Header: who is signed in, with the role in Chinese.
        await Expect(page.Locator("#user-roles")).ToContainTextAsync("系统管理员");

        // Stations are drawn, counted in the layer panel and explained in the legend.
        var stations = page.Locator("#map .leaflet-fc-stations-pane .fc-station");
        Assert.True(await stations.CountAsync() > 0, "no station markers on the map");
        var stationsRow = page.Locator("#layer-panel [data-layer='stations']");
        await Expect(stationsRow).ToHaveAttributeAsync("data-state", "loaded");
        Assert.True(int.Parse(await stationsRow.GetAttributeAsync("data-count") ?? "0") > 0);
        var legend = page.Locator("#legend");
        await Expect(legend).ToBeVisibleAsync();
        await Expect(legend.Locator("[data-layer='stations'] h3")).ToHaveTextAsync("消防站");
        await Expect(legend).ToContainTextAsync("特勤站");
        await Expect(legend).ToContainTextAsync("10 备勤");
        foreach (var layer in new[] { "incidents", "units", "waterSources", "keyPlaces", "roads", "jurisdictions", "settlements" })
            await Expect(page.Locator($"#layer-panel [data-layer='{layer}']")).ToHaveAttributeAsync("data-state", "loaded", SlowAttribute);

        // Open incidents are pins with their fire level, explained in the legend; the live channel is up.
        var pins = page.Locator(IncidentPins);
        Assert.True(await pins.CountAsync() >= 2, "the open incidents are not on the map");
        await Expect(legend.Locator("[data-layer='incidents'] h3")).ToHaveTextAsync("警情");
        await Expect(legend).ToContainTextAsync("火灾扑救");
        await Expect(page.Locator("#status-live")).ToHaveTextAsync("实时连接正常");
        // The risk layer is offered, off until a user turns it on (OneMapRiskLayerTests covers it).
        await Expect(page.Locator("#layer-panel input[name='layer-risk']")).ToBeEnabledAsync();
        await Expect(page.Locator("#layer-panel [data-layer='risk']")).ToContainTextAsync("风险");
        await Screenshots.SaveAsync(page, "map-zh", output);

        // Incidents switch off and on like any layer.
        var incidentsBox = page.Locator("#layer-panel input[name='layer-incidents']");
        await incidentsBox.UncheckAsync();
        await Expect(pins).ToHaveCountAsync(0);
        await Expect(legend.Locator("[data-layer='incidents']")).ToHaveCountAsync(0);
        await incidentsBox.CheckAsync();
        await Expect(pins.First).ToBeVisibleAsync();

        // Coverage starts off; switched on it is fetched and its covered shares appear in the legend
        // and the status line, the same figures the API computed.
        var coverageRow = page.Locator("#layer-panel [data-layer='coverage']");
        await Expect(coverageRow).ToHaveAttributeAsync("data-state", "idle");
        await page.Locator("#layer-panel input[name='layer-coverage']").CheckAsync();
        await Expect(coverageRow).ToHaveAttributeAsync("data-state", "loaded", SlowAttribute);
        var coverage = (await api.GetJsonAsync("/api/map/coverage?minutes=5")).AsObject();
        var status = page.Locator("#status-counts [data-layer='coverage']");
        await Expect(status).ToHaveTextAsync(new Regex(@"^5 分钟覆盖 人口 \d+\.\d% · 道路 \d+\.\d%$"));
        var shares = Percents(await status.TextContentAsync());
        Assert.Equal(coverage["coveredPopulationShare"]!.GetValue<double>() * 100, shares[0], 0.051);
        Assert.Equal(coverage["coveredRoadShare"]!.GetValue<double>() * 100, shares[1], 0.051);
        var note = legend.Locator("[data-layer='coverage'] .fc-legend__note");
        await Expect(note).ToContainTextAsync(new Regex(@"人口 \d+\.\d%，道路 \d+\.\d%"));
        Assert.Equal(shares, Percents(await note.TextContentAsync()));
        Assert.Equal(shares[0], Percents(await coverageRow.Locator(".fc-layer-panel__count").TextContentAsync())[0]);

        // Closer in, the reached roads read as streets: that is the coverage screenshot (hydrant
        // clusters hidden for it, the pointer parked on the status line so no tooltip covers it).
        var water = page.Locator("#layer-panel input[name='layer-waterSources']");
        await water.UncheckAsync();
        var zoom = page.Locator(".fc-status__zoom");
        var overview = await zoom.TextContentAsync();
        // A city clear of the legend (left) and the layer panel (right), which keep the wheel to themselves.
        var cities = await Task.WhenAll((await page.Locator("#map .fc-place--City .fc-place__dot").AllAsync()).Select(c => c.BoundingBoxAsync()));
        var city = cities.FirstOrDefault(b => b is { X: > 360 and < 1300, Y: > 100 and < 820 });
        Assert.NotNull(city);
        await page.Mouse.MoveAsync(city.X + 4, city.Y + 4);
        await page.Mouse.WheelAsync(0, -330);
        await Expect(zoom).Not.ToHaveTextAsync(overview!);
        await page.Mouse.MoveAsync(800, 890);
        await Screenshots.SaveAsync(page, "map-coverage-zh", output);
        await water.CheckAsync();
        await page.Locator("#layer-panel input[name='layer-coverage']").UncheckAsync();
        await Expect(page.Locator("#status-counts [data-layer='coverage']")).ToHaveCountAsync(0);

        // Toggling a layer off removes its markers and its legend section; on brings both back.
        var stationsBox = page.Locator("#layer-panel input[name='layer-stations']");
        await stationsBox.UncheckAsync();
        await Expect(stations).ToHaveCountAsync(0);
        await Expect(legend.Locator("[data-layer='stations']")).ToHaveCountAsync(0);
        await stationsBox.CheckAsync();
        await Expect(legend.Locator("[data-layer='stations']")).ToHaveCountAsync(1);
        Assert.True(await stations.CountAsync() > 0, "station markers did not come back");

        // English: the legend, the header and <html lang> follow, and the choice survives a reload.
        await page.ClickAsync("button[data-lang='en']");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(legend.Locator("[data-layer='stations'] h3")).ToHaveTextAsync("Stations");
        await Expect(legend).ToContainTextAsync("10 Available");
        await Expect(page.Locator(".fc-header__name")).ToHaveTextAsync("FireCommand");
        await Expect(page.Locator("#user-roles")).ToContainTextAsync("Administrator");
        await Expect(legend.Locator("[data-layer='incidents'] h3")).ToHaveTextAsync("Incidents");
        await Expect(page.Locator("#status-live")).ToHaveTextAsync("Live");

        // The reload also brings back the whole-province view for the English screenshot.
        await page.ReloadAsync();
        await Expect(page.Locator("body[data-map-ready='true']")).ToBeVisibleAsync(Slow);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(legend.Locator("[data-layer='stations'] h3")).ToHaveTextAsync("Stations");
        await Expect(page.Locator("#status-live")).ToHaveTextAsync("Live");
        await Screenshots.SaveAsync(page, "map-en", output);

        // A station popup names the station and its kind in the current language.
        // Dispatched rather than clicked: whichever station comes first may sit under the legend card.
        await stations.First.DispatchEventAsync("click");
        await Expect(page.Locator(".leaflet-popup .fc-popup__title")).Not.ToBeEmptyAsync();
        await Expect(page.Locator(".leaflet-popup .fc-popup__subtitle")).ToContainTextAsync("station", new() { IgnoreCase = true });

        problems.AssertNone();
    }

    [Fact]
    public async Task Logout_ReturnsToLogin_AndTheMapAsksForLoginAgain()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        var problems = new PageProblems(page);

        await page.GotoAsync("/login.html");
        await page.FillAsync("#login-user", KestrelHost.AdminUserName);
        await page.FillAsync("#login-password", KestrelHost.AdminPassword);
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("#user-name")).Not.ToBeEmptyAsync(new() { Timeout = 30_000 });

        // Signed in, the login page sends the user straight on to where they were going.
        await page.GotoAsync("/login.html?returnUrl=%2Fdashboard.html");
        await Expect(page).ToHaveURLAsync(new Regex(@"/dashboard\.html$"));
        await page.GotoAsync("/index.html");
        await Expect(page.Locator("#user-name")).Not.ToBeEmptyAsync(new() { Timeout = 30_000 });

        // The login page asks whether anybody is signed in once it is up; "no" proves the session is gone.
        var sessionAnswer = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/auth/session"));
        await page.ClickAsync("#logout");
        var session = JsonNode.Parse(await (await sessionAnswer).TextAsync())!;
        Assert.False(session["signedIn"]!.GetValue<bool>());
        Assert.Equal("/login.html", new Uri(page.Url).AbsolutePath);

        await page.GotoAsync("/index.html?layer=units");
        await Expect(page).ToHaveURLAsync(new Regex(@"/login\.html\?returnUrl=%2F%3Flayer%3Dunits$"));
        problems.AssertNone();
    }

    [Fact]
    public async Task Map_ShowsANewIncidentLive_WithItsPopup_AndDropsItWhenClosed()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        var problems = new PageProblems(page);
        await SignInAsync(page);
        await page.GotoAsync("/");
        await Expect(page.Locator("body[data-map-ready='true']")).ToBeVisibleAsync(Slow);
        await Expect(page.Locator("#status-live")).ToHaveTextAsync("实时连接正常");

        // Taken after the map loaded: only the live channel can bring it.
        using var api = await SignedInApiAsync();
        var (lat, lon, _) = await DispatchTestData.SomewhereAsync(api, 3);
        var incident = await DispatchTestData.TakeAlarmAsync(api, lat, lon, "实时测试路 9 号");
        var id = incident["id"]!.GetValue<long>();
        var pin = page.Locator($"{IncidentPins} [data-incident-id='{id}']");
        await Expect(pin).ToHaveCountAsync(1);
        await Expect(page.Locator("#layer-panel [data-layer='incidents']")).ToHaveAttributeAsync(
            "data-count", new Regex("^[1-9][0-9]*$"));
        // Taken, not yet dispatched: the fire level on the badge and the "awaiting dispatch" ring.
        await Expect(pin.Locator(".fc-incident__level")).ToHaveTextAsync(incident["fireLevel"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator($"{IncidentPins}.fc-incident--Received:has([data-incident-id='{id}'])")).ToHaveCountAsync(1);

        await pin.DispatchEventAsync("click");
        var popup = page.Locator(".leaflet-popup");
        await Expect(popup.Locator(".fc-popup__title")).ToHaveTextAsync(incident["number"]!.GetValue<string>());
        await Expect(popup.Locator(".fc-popup__subtitle")).ToContainTextAsync("火灾扑救");
        await Expect(popup).ToContainTextAsync("实时测试路 9 号");
        await Expect(popup).ToContainTextAsync("已接警");
        await Expect(popup.Locator(".fc-popup__elapsed")).ToHaveTextAsync(new Regex(@"^\d+ (秒|分 \d\d 秒)$"));
        await Expect(popup.Locator("a.fc-popup__link")).ToHaveAttributeAsync("href", $"/incident.html?id={id}");
        await Screenshots.SaveAsync(page, "map-incident-popup-zh", output);

        // Closed elsewhere: the pin goes, with its popup.
        var closed = await api.PostAsync($"/api/incidents/{id}/close", new { outcome = "测试结束", falseAlarm = false });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        await Expect(pin).ToHaveCountAsync(0);
        await Expect(popup).ToHaveCountAsync(0);
        problems.AssertNone();
    }

    /// <summary>
    /// map/gcj02.js shifts our WGS-84 data onto GCJ-02 tiles; it must agree with the server's
    /// ChinaCoordinates, which converts what phones and AMap send us, or a hydrant would sit beside its street.
    /// </summary>
    [Fact]
    public async Task Gcj02InTheBrowser_MatchesTheServer()
    {
        (double Lat, double Lon)[] points =
        [
            (39.9042, 116.4074), (28.2282, 112.9388), (43.8256, 87.6168), (45.8038, 126.5340),
            (18.2528, 109.5119), (22.5431, 114.0579), (31.2304, 121.4737), (29.6520, 91.1721),
            (35.6762, 139.6503), // Tokyo: outside China, unchanged on both sides
        ];
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        var problems = new PageProblems(page);
        await page.GotoAsync("/login.html");

        var results = await page.EvaluateAsync<JsonElement>("""
            async (points) => {
              const gcj = await import('/map/gcj02.js');
              return points.map(([lat, lon]) => ({ forward: gcj.wgs84ToGcj02(lat, lon), back: gcj.gcj02ToWgs84(...gcj.wgs84ToGcj02(lat, lon)) }));
            }
            """, points.Select(p => new[] { p.Lat, p.Lon }).ToArray());

        for (var i = 0; i < points.Length; i++)
        {
            var expected = ChinaCoordinates.Wgs84ToGcj02(new GeoPoint(points[i].Lat, points[i].Lon));
            var forward = results[i].GetProperty("forward");
            Assert.Equal(expected.Latitude, forward[0].GetDouble(), 1e-9);
            Assert.Equal(expected.Longitude, forward[1].GetDouble(), 1e-9);
            var back = ChinaCoordinates.Gcj02ToWgs84(expected);
            Assert.Equal(back.Latitude, results[i].GetProperty("back")[0].GetDouble(), 1e-9);
            Assert.Equal(back.Longitude, results[i].GetProperty("back")[1].GetDouble(), 1e-9);
        }
        // The shift is real inside China (hundreds of metres), so equal results are not two no-ops.
        var beijing = ChinaCoordinates.Wgs84ToGcj02(new GeoPoint(points[0].Lat, points[0].Lon));
        Assert.True(Math.Abs(beijing.Longitude - points[0].Lon) > 0.001);
        problems.AssertNone();
    }

    private async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/login.html");
        await page.FillAsync("#login-user", KestrelHost.AdminUserName);
        await page.FillAsync("#login-password", KestrelHost.AdminPassword);
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("#user-name")).Not.ToBeEmptyAsync(new() { Timeout = 30_000 });
    }

    private async Task<ApiClient> SignedInApiAsync() =>
        await new ApiClient(new HttpClient { BaseAddress = host.BaseAddress }).SignedInAs(KestrelHost.AdminUserName, KestrelHost.AdminPassword);

    private static async Task TakeRescueAlarmAsync(ApiClient api, double lat, double lon)
    {
        var response = await api.PostAsync("/api/alarms", new
        {
            source = "Police110", callerNumber = "13900000000", latitude = lat, longitude = lon, address = "测试公路 K12",
            type = "Rescue", subtype = "traffic", description = "两车相撞", trapped = 1, injured = 2,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>The percentages in a text, in order ("人口 72.6% · 道路 23.1%" → [72.6, 23.1]).</summary>
    private static double[] Percents(string? text) =>
        [.. Regex.Matches(text ?? "", @"(\d+(?:\.\d+)?)%").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];
}
