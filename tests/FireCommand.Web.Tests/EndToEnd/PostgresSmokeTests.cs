using FireCommand.Web.Tests.EndToEnd.DispatchConsole;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd;

/// <summary>
/// One pass through the UI on the production database: PostgreSQL with PostGIS behind the real
/// host, driven by Chromium. The other browser tests run on SQLite; this one catches what only the
/// production provider breaks on the way from the database to the screen.
/// </summary>
public sealed class PostgresSmokeTests(PostgresKestrelHost host) : IClassFixture<PostgresKestrelHost>
{
    [Fact]
    public async Task OnPostgres_LoginOpensTheMap_AndTheConsoleQueueShowsANewCall()
    {
        host.RequireStarted();
        await using var chromium = await Chromium.LaunchAsync();
        var session = await ConsoleSession.SignInAsync(chromium, host.BaseAddress, "dispatcher");
        var page = session.Page;

        await page.GotoAsync("/");
        await Expect(page.Locator("body[data-map-ready='true']")).ToBeVisibleAsync(ConsoleSession.Slow);
        await Expect(page.Locator("#map .leaflet-marker-icon, #map .leaflet-interactive").First).ToBeVisibleAsync(ConsoleSession.Slow);

        var station = (await session.GetAsync("/api/stations")).AsArray()[0]!;
        var (status, body) = await session.PostAsync("/api/alarms", new
        {
            source = "Call119", callerNumber = "13700000000", type = "Fire", address = "冒烟测试路 1 号",
            latitude = station["latitude"]!.GetValue<double>() + 0.002, longitude = station["longitude"]!.GetValue<double>() + 0.002,
        });
        Assert.Equal(201, status);
        var number = body!["incident"]!["number"]!.GetValue<string>();

        await session.OpenConsoleAsync();
        var row = page.Locator($".fc-queue__row[data-number='{number}']");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(row).ToHaveAttributeAsync("data-state", "Received");
        await Expect(page.Locator("#live-indicator[data-state='connected']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        session.Problems.AssertNone();
    }
}
