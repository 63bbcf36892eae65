using System.Text.RegularExpressions;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd;

/// <summary>The One Map in a real browser against the real platform with the demo province.</summary>
public sealed class OneMapTests(KestrelHost host, ITestOutputHelper output) : IClassFixture<KestrelHost>
{
    // The demo province has ~25k road lines and thousands of hydrants; drawing them is not instant.
    private static readonly LocatorAssertionsToBeVisibleOptions Slow = new() { Timeout = 60_000 };

    [Fact]
    public async Task Login_ThenMap_ShowsStationsAndSwitchesToEnglish()
    {
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
        var stations = page.Locator("#map .leaflet-marker-pane .fc-station");
        Assert.True(await stations.CountAsync() > 0, "no station markers on the map");
        var stationsRow = page.Locator("#layer-panel [data-layer='stations']");
        await Expect(stationsRow).ToHaveAttributeAsync("data-state", "loaded");
        Assert.True(int.Parse(await stationsRow.GetAttributeAsync("data-count") ?? "0") > 0);
        var legend = page.Locator("#legend");
        await Expect(legend).ToBeVisibleAsync();
        await Expect(legend.Locator("[data-layer='stations'] h3")).ToHaveTextAsync("消防站");
        await Expect(legend).ToContainTextAsync("特勤站");
        await Expect(legend).ToContainTextAsync("10 备勤");
        foreach (var layer in new[] { "units", "waterSources", "keyPlaces", "roads", "jurisdictions", "settlements" })
            await Expect(page.Locator($"#layer-panel [data-layer='{layer}']")).ToHaveAttributeAsync("data-state", "loaded", new() { Timeout = 60_000 });
        await Screenshots.SaveAsync(page, "map-zh", output);

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
        await Screenshots.SaveAsync(page, "map-en", output);

        await page.ReloadAsync();
        await Expect(page.Locator("body[data-map-ready='true']")).ToBeVisibleAsync(Slow);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(legend.Locator("[data-layer='stations'] h3")).ToHaveTextAsync("Stations");

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

        // The login page asks /api/auth/me once it is up; a 401 there proves the session is gone.
        var sessionGone = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/auth/me") && r.Status == 401);
        await page.ClickAsync("#logout");
        await sessionGone;
        Assert.Equal("/login.html", new Uri(page.Url).AbsolutePath);

        await page.GotoAsync("/index.html?layer=units");
        await Expect(page).ToHaveURLAsync(new Regex(@"/login\.html\?returnUrl=%2F%3Flayer%3Dunits$"));
        problems.AssertNone();
    }
}
