using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd;

/// <summary>The login page's failure messages and redirects, in a real browser on the real host.</summary>
public sealed class LoginPageTests(KestrelHost host, ITestOutputHelper output) : IClassFixture<KestrelHost>
{
    [Fact]
    public async Task Login_WithWrongPassword_SaysSoAndStaysOnTheLoginPage()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        var problems = new PageProblems(page);
        await page.GotoAsync("/login.html");

        // An unknown user, so the admin account's lockout counter is not touched.
        await page.FillAsync("#login-user", "nobody-" + Guid.NewGuid().ToString("N")[..8]);
        await page.FillAsync("#login-password", "wrong-password");
        await page.ClickAsync("#login-submit");

        await Expect(page.Locator("#login-error")).ToHaveTextAsync("用户名或密码错误。");
        Assert.EndsWith("/login.html", page.Url);
        await Expect(page.Locator("#login-password")).ToBeEmptyAsync();
        await Screenshots.SaveAsync(page, "login-wrong-password-zh", output);
        problems.AssertNone();
    }

    [Fact]
    public async Task Login_WhenRateLimited_AsksToWait_InTheChosenLanguage()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        // The host allows many attempts per minute so tests do not trip it; the 429 is staged here.
        await page.RouteAsync("**/api/auth/login", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 429,
            ContentType = "application/problem+json",
            Headers = new Dictionary<string, string> { ["Retry-After"] = "42" },
            Body = """{"title":"Too many requests","status":429}""",
        }));
        await page.GotoAsync("/login.html");
        await page.ClickAsync("button[data-lang='en']");
        await page.FillAsync("#login-user", KestrelHost.AdminUserName);
        await page.FillAsync("#login-password", "whatever");
        await page.ClickAsync("#login-submit");

        await Expect(page.Locator("#login-error")).ToHaveTextAsync("Too many attempts. Please try again in 42 s.");
        await page.ClickAsync("button[data-lang='zh-CN']");
        await Expect(page.Locator("#login-error")).ToHaveTextAsync("尝试次数过多，请 42 秒后再试。");
    }

    [Theory]
    [InlineData("//evil.example/phish")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task Login_WithForeignReturnUrl_GoesToTheMapInstead(string returnUrl)
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        await page.GotoAsync("/login.html?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.FillAsync("#login-user", KestrelHost.AdminUserName);
        await page.FillAsync("#login-password", KestrelHost.AdminPassword);
        await page.ClickAsync("#login-submit");
        await Expect(page).ToHaveURLAsync(Urls.MapPage, new() { Timeout = 30_000 });
        Assert.Equal(host.BaseAddress.Authority, new Uri(page.Url).Authority);
    }
}
