using FireCommand.Web.Tests.Dispatch;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd;

/// <summary>What lies over what on the One Map at the zoom it opens with.</summary>
public sealed class OneMapStackingTests(KestrelHost host) : IClassFixture<KestrelHost>
{
    [Fact]
    public async Task IncidentsAtOnePlace_FanOutWithACount_AboveStationsAndClusters()
    {
        using var api = await new ApiClient(new HttpClient { BaseAddress = host.BaseAddress })
            .SignedInAs(KestrelHost.AdminUserName, KestrelHost.AdminPassword);
        var (lat, lon, _) = await DispatchTestData.SomewhereAsync(api, 7);
        var first = await DispatchTestData.TakeAlarmAsync(api, lat, lon, "叠放测试路 1 号");
        var second = await DispatchTestData.TakeAlarmAsync(api, lat, lon, "叠放测试路 1 号");

        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        await page.GotoAsync("/login.html");
        await page.FillAsync("#login-user", KestrelHost.AdminUserName);
        await page.FillAsync("#login-password", KestrelHost.AdminPassword);
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("body[data-map-ready='true']")).ToBeVisibleAsync(new() { Timeout = 60_000 });

        var a = page.Locator($"[data-incident-id='{first["id"]}']");
        var b = page.Locator($"[data-incident-id='{second["id"]}']");
        var boxA = (await a.BoundingBoxAsync())!;
        var boxB = (await b.BoundingBoxAsync())!;
        // Side by side, not one hidden under the other.
        Assert.True(Math.Abs(boxA.X - boxB.X) >= boxA.Width * 0.6, $"pins at x {boxA.X} and {boxB.X}");
        var count = page.Locator($"[data-incident-id='{first["id"]}'] .fc-incident__stack, [data-incident-id='{second["id"]}'] .fc-incident__stack");
        await Expect(count).ToHaveCountAsync(1);
        await Expect(count).ToHaveTextAsync("×2");

        // Panes: incidents over clusters and markers, which are over station icons.
        var z = await page.EvaluateAsync<int[]>("""
            () => ['.leaflet-fc-incidents-pane', '.leaflet-marker-pane', '.leaflet-fc-stations-pane']
              .map((s) => Number(getComputedStyle(document.querySelector('#map ' + s)).zIndex))
            """);
        Assert.True(z[0] > z[1] && z[1] > z[2], $"incidents {z[0]}, markers {z[1]}, stations {z[2]}");
        Assert.True(await page.Locator("#map .leaflet-fc-stations-pane .fc-station").CountAsync() > 0);
    }
}
