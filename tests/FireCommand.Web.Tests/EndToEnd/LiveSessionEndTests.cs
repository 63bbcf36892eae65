using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FireCommand.Web.Tests.EndToEnd.DispatchConsole;
using FireCommand.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd;

/// <summary>
/// A console whose session ends elsewhere (here: its cookie, copied, is logged out by another client,
/// as another tab or node would) loses its live channel and goes to the login page, instead of
/// showing a picture that no longer updates. The browser is not told of the logout: it still holds
/// the cookie when its channel is cut.
/// </summary>
public sealed class LiveSessionEndTests(KestrelHost host, ITestOutputHelper output) : IClassFixture<KestrelHost>
{
    [Fact]
    public async Task Console_WhoseSessionEndsElsewhere_LosesItsLiveChannel_AndGoesToTheLoginPage()
    {
        host.RequireStarted();
        await using var chromium = await Chromium.LaunchAsync();
        var session = await ConsoleSession.SignInAsync(chromium, host.BaseAddress, "dispatcher");
        var page = session.Page;
        await session.OpenConsoleAsync();
        await Expect(page.Locator("#live-indicator[data-state='connected']")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        var cookies = string.Join("; ", (await page.Context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));
        using (var other = new HttpClient { BaseAddress = host.BaseAddress })
        {
            other.DefaultRequestHeaders.Add("Cookie", cookies);
            var token = (await other.GetFromJsonAsync<JsonObject>("/api/auth/antiforgery"))!["token"]!.GetValue<string>();
            using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout") { Content = JsonContent.Create(new { }) };
            logout.Headers.Add("X-XSRF-TOKEN", token);
            Assert.Equal(HttpStatusCode.NoContent, (await other.SendAsync(logout)).StatusCode);
        }

        await Expect(page).ToHaveURLAsync(Urls.LoginPage, new() { Timeout = 60_000 });
        Assert.Contains("returnUrl=%2Fconsole.html", page.Url, StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "login-after-session-ended-zh", output);
    }
}
