using FireCommand.Core.Map.Province;
using FireCommand.Web.Cli;
using FireCommand.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd;

/// <summary>The platform in a browser, started on a province package built from the North Bayreuth extract.</summary>
public sealed class ProvinceKestrelHost : KestrelHost
{
    private const string Extract = "osm/north-bayreuth.osm.gz";

    public ProvincePackage? Package { get; private set; }

    protected override async Task<Dictionary<string, string?>?> PrepareAsync()
    {
        var osm = Path.Combine(FireCommand.Tests.SharedDataFiles.Root, Extract);
        if (!File.Exists(osm))
        {
            SkipReason = $"needs shared data file '{Extract}', missing from {FireCommand.Tests.SharedDataFiles.Root}";
            return null;
        }
        var packageDir = Path.Combine(DataDirectory, "package");
        var exit = await CliVerbs.RunAsync(["province", "build", "--osm", osm, "--out", packageDir, "--name", "North Bayreuth",
            "--admin-levels", "6=detachment,8=brigade"], TextWriter.Null, TextWriter.Null, CancellationToken.None);
        if (exit != 0) throw new InvalidOperationException($"province build exited {exit}");
        Package = ProvincePackage.Read(packageDir);
        var settings = (await base.PrepareAsync())!;
        settings["Province:Path"] = packageDir;
        return settings;
    }
}

public sealed class OneMapProvinceTests(ProvinceKestrelHost host, ITestOutputHelper output) : IClassFixture<ProvinceKestrelHost>
{
    [Fact]
    public async Task OneMap_OnAProvincePackage_DrawsThePackagesStationsAndRoads()
    {
        host.RequireStarted();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        var problems = new PageProblems(page);
        await page.GotoAsync("/login.html");
        await page.FillAsync("#login-user", KestrelHost.AdminUserName);
        await page.FillAsync("#login-password", KestrelHost.AdminPassword);
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("body[data-map-ready='true']")).ToBeVisibleAsync(new() { Timeout = 60_000 });

        var records = host.Package!.Records;
        await Expect(page.Locator("#map .leaflet-fc-stations-pane .fc-station")).ToHaveCountAsync(records.Stations.Count);
        await Expect(page.Locator("#layer-panel [data-layer='roads']")).ToHaveAttributeAsync("data-state", "loaded");
        Assert.True(int.Parse(await page.Locator("#layer-panel [data-layer='roads']").GetAttributeAsync("data-count") ?? "0") > 0);
        // No base map is configured: not one tile is asked for, the map is the package's own roads.
        Assert.Equal(0, await page.Locator("#map .leaflet-tile").CountAsync());
        await Expect(page.Locator("#base-switch")).ToHaveCountAsync(0);
        // OpenStreetMap's data is credited on the map (ODbL), not as the demo's.
        await Expect(page.Locator(".leaflet-control-attribution")).ToContainTextAsync("© OpenStreetMap 贡献者");
        await Expect(page.Locator(".leaflet-control-attribution")).Not.ToContainTextAsync("演示数据");
        await Screenshots.SaveAsync(page, "map-province-zh", output);

        // The response areas (责任区) the build computed from road times: one per station, on request.
        await page.Locator("#layer-panel input[name='layer-stationDistricts']").CheckAsync();
        await Expect(page.Locator("#layer-panel [data-layer='stationDistricts']")).ToHaveAttributeAsync(
            "data-count", records.Stations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 30_000 });
        await Screenshots.SaveAsync(page, "map-province-districts-zh", output);
        await page.Locator("#layer-panel input[name='layer-stationDistricts']").UncheckAsync();

        await page.EvaluateAsync("() => localStorage.setItem('firecommand.lang', 'en')");
        await page.ReloadAsync();
        await Expect(page.Locator("body[data-map-ready='true']")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.Locator("#layer-panel h2")).ToHaveTextAsync("Layers");
        await Expect(page.Locator(".leaflet-control-attribution")).ToContainTextAsync("Map data © OpenStreetMap contributors");
        await Screenshots.SaveAsync(page, "map-province-en", output);
        problems.AssertNone();
    }
}
