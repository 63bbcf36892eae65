using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd.Dashboard;

/// <summary>
/// The open overview learns of changes from the dispatch hub instead of asking: while nothing
/// happens it sends no request; a unit going off duty reaches its cards by push, and only then is
/// the coverage summary fetched again.
/// </summary>
public sealed class DashboardLiveTests(KestrelHost host) : IClassFixture<KestrelHost>
{
    // Longer than any polling period the page had (coverage every 10 s): a poll would show in it.
    private static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(12);

    [Fact]
    public async Task UnitStatusChange_ReachesTheOpenOverviewByPush_AndOnlyThenIsCoverageFetched()
    {
        using var api = await new ApiClient(new HttpClient { BaseAddress = host.BaseAddress })
            .SignedInAs(KestrelHost.AdminUserName, KestrelHost.AdminPassword);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        var requests = new ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            var path = new Uri(request.Url).AbsolutePath;
            if (path.StartsWith("/api/", StringComparison.Ordinal)) requests.Enqueue(path);
        };
        var handshake = new TaskCompletionSource();
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, _) => handshake.TrySetResult();

        await page.GotoAsync("/login.html");
        await page.FillAsync("#login-user", KestrelHost.AdminUserName);
        await page.FillAsync("#login-password", KestrelHost.AdminPassword);
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("#user-name")).Not.ToBeEmptyAsync(new() { Timeout = 30_000 });
        await page.GotoAsync("/dashboard.html");
        await Expect(page.Locator("body[data-dashboard-ready='true']")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await handshake.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var units = (await api.GetJsonAsync("/api/units")).AsArray();
        var available = units.Count(u => u!["status"]!.GetValue<int>() is 10 or 26);
        var kpi = page.Locator("[data-kpi='units'] .fc-kpi__value");
        await Expect(kpi).ToHaveTextAsync(available.ToString("N0", CultureInfo.InvariantCulture));

        // Nothing changes: the page stays silent.
        requests.Clear();
        await Task.Delay(QuietWindow);
        Assert.Empty(requests);

        // One available unit goes training: the figure drops by push, without reading the units list again.
        var unit = units.First(u => u!["status"]!.GetValue<int>() == 10)!["id"]!.GetValue<long>();
        var summary = page.WaitForRequestAsync(r => r.Url.Contains("/api/map/coverage/summary", StringComparison.Ordinal), new() { Timeout = 30_000 });
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/units/{unit}/status", new { status = 30 })).StatusCode);
        await Expect(kpi).ToHaveTextAsync((available - 1).ToString("N0", CultureInfo.InvariantCulture), new() { Timeout = 30_000 });
        await summary;
        Assert.DoesNotContain("/api/units", requests);
        Assert.DoesNotContain("/api/analytics/overview", requests);
    }
}
