using System.Net;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FireCommand.Web.Tests.Security;

/// <summary>
/// With the production-like validation interval (10 s), a node re-checks a session when the
/// interval has passed and the session goes on; a logout on the same node is refused at once, not
/// only after the interval. The clock is moved by hand.
/// </summary>
public sealed class SessionRefreshTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fc-refresh-" + Guid.NewGuid().ToString("N"));
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private PlatformFactory _factory = null!;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        var settings = PlatformFactory.Defaults(_dir);
        settings["Demo:Enabled"] = "false";
        settings["Security:SessionValidationInterval"] = "00:00:10";
        _factory = new PlatformFactory(settings, s => s.AddSingleton<TimeProvider>(_clock));
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task AfterTheInterval_TheSessionIsRecheckedAndGoesOn_AndALogoutIsRefusedAtOnce()
    {
        var browser = new CookieBrowser(_factory.CreateClient(new() { HandleCookies = false }), new CookieJar());
        Assert.Equal(HttpStatusCode.OK, await browser.LoginAsync(PlatformFactory.AdminUserName, PlatformFactory.AdminPassword));
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(HttpMethod.Get, "/api/auth/me")).StatusCode);

        // The security stamp check re-issues the cookie from the database; the session id must survive it.
        for (var i = 0; i < 2; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(11));
            Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(HttpMethod.Get, "/api/auth/me")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(HttpMethod.Get, "/api/stations")).StatusCode);
        }

        // Within the interval, so the session check is cached on this node; the logout must still win.
        var stolen = browser.Replay(_factory.CreateClient(new() { HandleCookies = false }));
        Assert.Equal(HttpStatusCode.OK, (await stolen.SendAsync(HttpMethod.Get, "/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(HttpMethod.Post, "/api/auth/logout", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stolen.SendAsync(HttpMethod.Get, "/api/auth/me")).StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}
