using System.Collections.Concurrent;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd;

/// <summary>
/// Bytes on the wire for the One Map and the overview, first visit and returning visit: each
/// response's encoded body plus its headers, as the browser reports them. Budgets: a returning
/// visitor's One Map ≤ 1 MB, the overview ≤ 300 KB. Bytes, not time, so the noisy machine does not
/// matter. Figures are written to the test output (docs/benchmarks.md, "Map data transferred").
/// </summary>
public sealed class OneMapTransferTests(KestrelHost host, ITestOutputHelper output) : IClassFixture<KestrelHost>
{
    private const long OneMapReturningBudget = 1_000_000;
    private const long OverviewReturningBudget = 300_000;

    private sealed class Meter
    {
        private readonly ConcurrentQueue<IRequest> _finished = new();

        public Meter(IPage page) => page.RequestFinished += (_, request) => _finished.Enqueue(request);

        public void Reset() => _finished.Clear();

        /// <summary>Total bytes and the largest responses, by path.</summary>
        public async Task<(long Total, List<(string Path, long Bytes)> Largest)> ReadAsync()
        {
            var rows = new List<(string Path, long Bytes)>();
            foreach (var request in _finished.ToArray())
            {
                var sizes = await request.SizesAsync();
                rows.Add((new Uri(request.Url).PathAndQuery, sizes.ResponseBodySize + sizes.ResponseHeadersSize));
            }
            return (rows.Sum(r => r.Bytes), [.. rows.OrderByDescending(r => r.Bytes).Take(6)]);
        }
    }

    private async Task<long> VisitAsync(IPage page, Meter meter, string url, string ready, string label)
    {
        meter.Reset();
        await page.GotoAsync(url);
        await Expect(page.Locator($"body[data-{ready}-ready='true']")).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 30_000 });
        var (total, largest) = await meter.ReadAsync();
        var line = $"{label}: {total:N0} bytes; largest: {string.Join(", ", largest.Select(l => $"{l.Path} {l.Bytes:N0}"))}";
        output.WriteLine(line);
        Console.WriteLine("transfer " + line);
        return total;
    }

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

        var mapFirst = await VisitAsync(page, meter, "/", "map", "One Map, first visit");
        var mapAgain = await VisitAsync(page, meter, "/", "map", "One Map, returning visit");
        var overviewFirst = await VisitAsync(page, meter, "/dashboard.html", "dashboard", "Overview, first visit");
        var overviewAgain = await VisitAsync(page, meter, "/dashboard.html", "dashboard", "Overview, returning visit");

        // The geography really is sent (a page that loaded nothing would pass any budget).
        Assert.True(mapFirst > 200_000, $"the first One Map visit moved only {mapFirst:N0} bytes");
        Assert.True(overviewFirst > mapAgain / 100, $"the first overview visit moved only {overviewFirst:N0} bytes");
        Assert.True(mapAgain <= OneMapReturningBudget, $"returning One Map: {mapAgain:N0} bytes > {OneMapReturningBudget:N0}");
        Assert.True(overviewAgain <= OverviewReturningBudget, $"returning overview: {overviewAgain:N0} bytes > {OverviewReturningBudget:N0}");
    }
}
