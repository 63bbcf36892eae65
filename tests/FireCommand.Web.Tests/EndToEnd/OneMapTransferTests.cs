using System.Collections.Concurrent;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd;

/// <summary>
/// Bytes on the wire for the One Map and the overview, first visit and returning visit: each
/// response's encoded body plus its headers, as the browser reports them. Budgets: a returning
/// visitor's One Map ≤ 1 MB, the overview ≤ 300 KB on the first visit and after. Bytes, not time, so the noisy machine does not
/// matter. Figures are written to the test output (docs/benchmarks.md, "Map data transferred").
/// </summary>
public sealed class OneMapTransferTests(KestrelHost host, ITestOutputHelper output) : IClassFixture<KestrelHost>
{
    private const long OneMapReturningBudget = 1_000_000;
    private const long OverviewBudget = 300_000;

    private sealed class Meter
    {
        private readonly ConcurrentQueue<IRequest> _finished = new();

        public Meter(IPage page) => page.RequestFinished += (_, request) => _finished.Enqueue(request);

        public void Reset() => _finished.Clear();

        /// <summary>Every response's bytes, by path and query, largest first.</summary>
        public async Task<List<(string Path, long Bytes)>> ReadAsync()
        {
            var rows = new List<(string Path, long Bytes)>();
            foreach (var request in _finished.ToArray())
            {
                var sizes = await request.SizesAsync();
                rows.Add((new Uri(request.Url).PathAndQuery, sizes.ResponseBodySize + sizes.ResponseHeadersSize));
            }
            return [.. rows.OrderByDescending(r => r.Bytes)];
        }
    }

    private async Task<(long Total, List<(string Path, long Bytes)> Rows)> VisitAsync(IPage page, Meter meter, string url, string ready, string label)
    {
        meter.Reset();
        await page.GotoAsync(url);
        await Expect(page.Locator($"body[data-{ready}-ready='true']")).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 30_000 });
        var rows = await meter.ReadAsync();
        var total = rows.Sum(r => r.Bytes);
        var line = $"{label}: {total:N0} bytes; largest: {string.Join(", ", rows.Take(6).Select(l => $"{l.Path} {l.Bytes:N0}"))}";
        output.WriteLine(line);
        Console.WriteLine("transfer " + line);
        return (total, rows);
    }

    private static void AssertSent(List<(string Path, long Bytes)> rows, string path, long atLeast) =>
        Assert.True(rows.Any(r => r.Path.StartsWith(path, StringComparison.Ordinal) && r.Bytes >= atLeast),
            $"{path} did not bring {atLeast:N0} bytes: {string.Join(", ", rows.Select(r => $"{r.Path} {r.Bytes:N0}"))}");

    [Fact]
    public async Task OneMapAndOverview_StayWithinTheirTransferBudgets()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        var meter = new Meter(page);
        await page.GotoAsync("/login.html");
        await page.FillAsync("#login-user", KestrelHost.AdminUserName);
        await page.FillAsync("#login-password", KestrelHost.AdminPassword);
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("#user-name")).Not.ToBeEmptyAsync(new() { Timeout = 30_000 });
        // Signing in lands on the One Map, which may already have loaded (and cached) its layers:
        // a first visit starts from an empty browser cache.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 60_000 });
        var devTools = await page.Context.NewCDPSessionAsync(page);
        await devTools.SendAsync("Network.clearBrowserCache");

        var (_, mapFirst) = await VisitAsync(page, meter, "/", "map", "One Map, first visit");
        var (mapAgain, _) = await VisitAsync(page, meter, "/", "map", "One Map, returning visit");
        var (overviewFirst, overviewRows) = await VisitAsync(page, meter, "/dashboard.html", "dashboard", "Overview, first visit");
        var (overviewAgain, _) = await VisitAsync(page, meter, "/dashboard.html", "dashboard", "Overview, returning visit");

        // The geography really is sent (a page that loaded nothing would pass any budget).
        AssertSent(mapFirst, "/api/map/jurisdictions", 20_000);
        AssertSent(mapFirst, "/api/map/roads/bands/0?v=", 2_000);
        AssertSent(mapFirst, "/api/map/water-sources", 20_000);
        AssertSent(overviewRows, "/api/analytics/overview", 1_000);
        Assert.True(overviewFirst <= OverviewBudget, $"first overview visit: {overviewFirst:N0} bytes > {OverviewBudget:N0}");
        Assert.True(mapAgain <= OneMapReturningBudget, $"returning One Map: {mapAgain:N0} bytes > {OneMapReturningBudget:N0}");
        Assert.True(overviewAgain <= OverviewBudget, $"returning overview: {overviewAgain:N0} bytes > {OverviewBudget:N0}");
    }

    // The map object is not a global; the test takes it from Leaflet's own init hook (as in OneMapMarkupTests).
    private const string CaptureMap = """
        (() => {
          let leaflet;
          Object.defineProperty(window, 'L', {
            configurable: true,
            get: () => leaflet,
            set: (value) => {
              leaflet = value;
              value?.Map?.addInitHook?.(function () { window.__fcMap = this; });
            },
          });
        })();
        """;

    private const string DrawnRoadClasses = """
        () => {
          const classes = new Set();
          window.__fcMap.eachLayer((layer) => { if (layer.feature?.properties?.cls) classes.add(layer.feature.properties.cls); });
          return [...classes].sort();
        }
        """;

    [Fact]
    public async Task ZoomingIn_FetchesTheStreetTilesOnce_AndZoomingOutNeedsNoRequest()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        await page.AddInitScriptAsync(CaptureMap);
        var roadRequests = new ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            var path = new Uri(request.Url).AbsolutePath;
            if (path.StartsWith("/api/map/roads", StringComparison.Ordinal)) roadRequests.Enqueue(path);
        };
        await page.GotoAsync("/login.html");
        await page.FillAsync("#login-user", KestrelHost.AdminUserName);
        await page.FillAsync("#login-password", KestrelHost.AdminPassword);
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("body[data-map-ready='true']")).ToBeVisibleAsync(new() { Timeout = 90_000 });

        // The province view: the band list and the major-class band, nothing else.
        Assert.True(await page.EvaluateAsync<double>("() => window.__fcMap.getZoom()") < 9);
        Assert.Equal(["/api/map/roads/bands", "/api/map/roads/bands/0"], roadRequests.ToArray());
        Assert.Equal(["Arterial", "Expressway"], await page.EvaluateAsync<string[]>(DrawnRoadClasses));

        // Street zoom over a city station: tiles of the street band, each once, with the minor streets.
        roadRequests.Clear();
        await page.EvaluateAsync("""
            async () => {
              const stations = await (await fetch('/api/map/stations')).json();
              const [lon, lat] = stations.features[0].geometry.coordinates;
              window.__fcMap.setView([lat, lon], 15, { animate: false });
            }
            """);
        await page.WaitForFunctionAsync($"() => ({DrawnRoadClasses})().includes('UrbanStreet')", null, new() { Timeout = 30_000 });
        var street = roadRequests.ToArray();
        Assert.NotEmpty(street);
        Assert.All(street, path => Assert.Matches(@"^/api/map/roads/bands/3/\d+/\d+$", path));
        Assert.Equal(street.Length, street.Distinct().Count());

        // Back to the province view: the band is still in memory, so no request and the minor roads are gone.
        roadRequests.Clear();
        await page.EvaluateAsync("() => { window.__fcMap.setZoom(7, { animate: false }); }");
        await page.WaitForFunctionAsync($"() => !({DrawnRoadClasses})().includes('UrbanStreet')", null, new() { Timeout = 30_000 });
        Assert.Empty(roadRequests);
    }
}
