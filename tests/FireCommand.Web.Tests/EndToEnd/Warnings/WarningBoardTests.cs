using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FireCommand.Core.Sensing;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static FireCommand.Web.Tests.Sensing.SensingTestData;

namespace FireCommand.Web.Tests.EndToEnd.Warnings;

/// <summary>
/// The early-warning board (预警中心) in Chromium at 1366 × 768, as a 白江市 dispatcher: a detector's
/// fire fed to the device message sink appears live, waiting for verification with its countdown;
/// verifying it makes it a confirmed fire with its incident; a second one is dismissed as false and
/// leaves the open list; a device's message log opens from its alarm. Screens in both languages.
/// </summary>
public sealed partial class WarningBoardTests(KestrelHost host, ITestOutputHelper output) : IClassFixture<KestrelHost>
{
    private const string Dispatcher = "dispatcher1";

    // English names of states and severities are also English words ("Confirmed", "Major"), so in
    // English only the codes that are no words are looked for; in Chinese any Latin enum name is raw.
    [GeneratedRegex(@"\b(PendingVerification|Active|Confirmed|Cleared|Dismissed|Critical|Major|Warning|Info|Telemetry|Event|Status)\b|\b[a-z]+_[a-z_]+\b")]
    private static partial Regex RawNamesInChinese();

    [GeneratedRegex(@"\bPendingVerification\b|\bTelemetry\b|\b[a-z]+_[a-z_]+\b")]
    private static partial Regex RawNamesInEnglish();

    private static Regex RawNames(string language) => language == "zh-CN" ? RawNamesInChinese() : RawNamesInEnglish();

    private static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    private Task FeedAsync(params DeviceMessage[] batch) =>
        host.Services.GetRequiredService<IDeviceMessageSink>().AcceptAsync(batch, CancellationToken.None);

    private static async Task<long> AlarmIdAsync(ApiClient client, long place, long device, string component, string type = "fire") =>
        (await AlarmsAsync(client, place)).OfComponent(device, component, type)["id"]!.GetValue<long>();

    [Theory]
    [InlineData("zh-CN", 0, "warnings-board-zh")]
    [InlineData("en", 1, "warnings-board-en")]
    public async Task PendingFire_AppearsLive_IsVerified_AndAnotherIsDismissed(string language, int nth, string screenshot)
    {
        host.RequireStarted();
        using var admin = await new ApiClient(new HttpClient { BaseAddress = host.BaseAddress })
            .SignedInAs(KestrelHost.AdminUserName, KestrelHost.AdminPassword);
        using var dispatcher = await new ApiClient(new HttpClient { BaseAddress = host.BaseAddress })
            .SignedInAs(Dispatcher, KestrelHost.DemoPassword);
        var place = (await dispatcher.GetJsonAsync("/api/key-places")).AsArray()[nth * 3 + 1]!["id"]!.GetValue<long>();
        var panel = await RegisterAsync(admin, place);
        var (panelId, panelKey) = (panel["id"]!.GetValue<long>(), panel["deviceKey"]!.GetValue<string>());
        var other = await RegisterAsync(admin, place);
        await RegisterAsync(admin, place); // never reports: offline on the health card
        var t = Now();
        // Standing content before the board opens: a fault and a shielded zone on the second panel.
        await FeedAsync(Event(other["deviceKey"]!.GetValue<string>(), "fault", "1-1/1-0002", t),
            Event(other["deviceKey"]!.GetValue<string>(), "shielded", "1-1/1-0003", t));

        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        await page.SetViewportSizeAsync(1366, 768);
        var problems = new PageProblems(page);
        await page.GotoAsync("/login.html");
        await page.EvaluateAsync("(lang) => localStorage.setItem('firecommand.lang', lang)", language);
        await page.FillAsync("#login-user", Dispatcher);
        await page.FillAsync("#login-password", KestrelHost.DemoPassword);
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("#user-name")).Not.ToBeEmptyAsync(new() { Timeout = 30_000 });
        await page.ClickAsync("#app-nav a[href='/warnings.html']");
        await Expect(page.Locator("body[data-board-ready='true']")).ToBeAttachedAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("#live-indicator")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 30_000 });
        await Expect(page.Locator("#app-nav [aria-current='page']")).ToHaveTextAsync(language == "zh-CN" ? "预警中心" : "Early warning");

        // A detector's fire, fed as a transport would, appears without a reload.
        await FeedAsync(Event(panelKey, "fire", "1-1/1-0001", t.AddSeconds(1)));
        var firstId = await AlarmIdAsync(admin, place, panelId, "1-1/1-0001");
        var first = page.Locator($"tr[data-alarm-id='{firstId}']");
        await Expect(first).ToHaveAttributeAsync("data-state", "PendingVerification", new() { Timeout = 30_000 });
        await Expect(first.Locator("[data-countdown]")).ToHaveTextAsync(new Regex(language == "zh-CN" ? "\\d+ ?(秒|分)" : "\\d+ ?(s|min)"));
        await Expect(first.Locator(".fc-pill--PendingVerification")).ToHaveTextAsync(language == "zh-CN" ? "待核实" : "To verify");

        // Verify: a confirmed fire, with its incident.
        await first.Locator("button[data-action='verify']").ClickAsync();
        await Expect(first).ToHaveAttributeAsync("data-state", "Confirmed");
        // The incident follows the confirmation (a second push once it is filed).
        await Expect(first.Locator(".fc-alarms__sub")).ToContainTextAsync(new Regex("#\\d+"), new() { Timeout = 30_000 });
        var incidentId = (await dispatcher.GetJsonAsync($"/api/sensing/alarms/{firstId}"))["alarm"]!["incidentId"];
        Assert.NotNull(incidentId);
        await Expect(first.Locator(".fc-alarms__sub")).ToContainTextAsync($"#{incidentId}");
        await Expect(first.Locator("button[data-action='dismiss']")).ToHaveCountAsync(0);

        // A second detector in another zone waits on its own; the board as the guide shows it.
        await FeedAsync(Event(panelKey, "fire", "1-1/1-0003", t.AddSeconds(2)));
        var secondId = await AlarmIdAsync(admin, place, panelId, "1-1/1-0003");
        var second = page.Locator($"tr[data-alarm-id='{secondId}']");
        await Expect(second).ToHaveAttributeAsync("data-state", "PendingVerification", new() { Timeout = 30_000 });
        await Expect(page.Locator("#unhealthy-devices li")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("#risk-places li")).Not.ToHaveCountAsync(0);
        var text = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotMatch(RawNames(language), text);
        Assert.DoesNotContain("warnings.", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b(null|undefined|NaN)\b", text);
        // 1366 × 768: the page itself does not scroll (each card does), and the header stays one line.
        var fits = await page.EvaluateAsync<bool>(
            "() => document.scrollingElement.scrollWidth <= innerWidth && document.scrollingElement.scrollHeight <= innerHeight");
        Assert.True(fits, "the board overflows a 1366 × 768 screen");
        Assert.True((await page.Locator("#fc-header").BoundingBoxAsync())!.Height <= 50, "the header wraps at 1366 px");
        await Screenshots.SaveAsync(page, screenshot, output);

        // Dismissed as false: it leaves the open list, and the server holds it as dismissed.
        await second.Locator("button[data-action='dismiss']").ClickAsync();
        await Expect(second).ToHaveCountAsync(0);
        Assert.Equal("Dismissed", (await dispatcher.GetJsonAsync($"/api/sensing/alarms/{secondId}"))["alarm"]!["state"]!.GetValue<string>());

        // The device's message log, from the confirmed alarm's row: every message the panel sent.
        await first.Locator("button[data-action='messages']").ClickAsync();
        var drawer = page.Locator("#warn-detail[data-kind='device']");
        await Expect(drawer).ToBeVisibleAsync();
        await Expect(drawer.Locator("tbody tr")).ToHaveCountAsync(2);
        var log = await drawer.InnerTextAsync();
        Assert.DoesNotMatch(RawNames(language), log);
        problems.AssertNone();
    }

    [Fact]
    public async Task EveryPage_WritesTheSharedHeader_WithItsOwnTitleAndNavigation()
    {
        host.RequireStarted();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        var problems = new PageProblems(page);
        await page.GotoAsync("/login.html");
        await page.FillAsync("#login-user", KestrelHost.AdminUserName);
        await page.FillAsync("#login-password", KestrelHost.AdminPassword);
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("#user-name")).Not.ToBeEmptyAsync(new() { Timeout = 30_000 });
        var pages = new (string Path, string Title, string Current)[]
        {
            ("/", "一张图", "一张图"), ("/console.html", "接处警台", "接处警"), ("/warnings.html", "预警中心", "预警中心"),
            ("/dashboard.html", "态势总览", "态势总览"), ("/admin.html", "联动单位", "联动单位"),
        };
        foreach (var (path, title, current) in pages)
        {
            await page.GotoAsync(path);
            var header = page.Locator("#fc-header");
            // The map pages load the province's roads first; on a busy machine that takes a while.
            await Expect(header.Locator("#user-name")).Not.ToBeEmptyAsync(new() { Timeout = 60_000 });
            await Expect(header.Locator(".fc-header__page")).ToHaveTextAsync(title);
            await Expect(header.Locator("#app-nav [aria-current='page']")).ToHaveTextAsync(current);
            await Expect(header.Locator("#app-nav a")).ToHaveCountAsync(5);
            await Expect(header.Locator("#language-toggle button")).ToHaveCountAsync(2);
            await Expect(page.Locator(".fc-header")).ToHaveCountAsync(1);
        }
        // The toggle in the shared header switches the page it is on.
        await Header(page).Locator("#language-toggle button[data-lang='en']").ClickAsync();
        await Expect(Header(page).Locator(".fc-header__page")).ToHaveTextAsync("Partner systems");
        await Header(page).Locator("#language-toggle button[data-lang='zh-CN']").ClickAsync();
        await Header(page).Locator("#logout").ClickAsync();
        await page.WaitForURLAsync(new Regex("/login\\.html"), new() { Timeout = 60_000 });
        problems.AssertNone();

        static ILocator Header(IPage page) => page.Locator("#fc-header");
    }
}
