using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FireCommand.Web.Tests.Infrastructure;

namespace FireCommand.Web.Tests.Security;

/// <summary>
/// Sessions end on the server: logout refuses the replayed cookie, and a password change, role
/// change or disabled account ends the user's other sessions. The session check runs on every
/// request here (interval zero), so no test waits for a clock.
/// </summary>
public sealed class SessionTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fc-session-" + Guid.NewGuid().ToString("N"));
    private PlatformFactory _factory = null!;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        var settings = PlatformFactory.Defaults(_dir);
        settings["Demo:Enabled"] = "false";
        settings["Security:SessionValidationInterval"] = "00:00:00";
        _factory = new PlatformFactory(settings);
        return ValueTask.CompletedTask;
    }

    private CookieBrowser NewBrowser() => new(_factory.CreateClient(new() { HandleCookies = false }), new CookieJar());

    private async Task<string> NewUserAsync(string password)
    {
        using var admin = await new ApiClient(_factory.CreateClient(new() { HandleCookies = true }))
            .SignedInAs(PlatformFactory.AdminUserName, PlatformFactory.AdminPassword);
        var name = "u" + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostAsync("/api/admin/users", new
        {
            userName = name, displayName = "值班员", role = "Dispatcher", jurisdictionId = 1, password,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await ApiClient.ReadJsonAsync(created))["id"]!.GetValue<string>() + "|" + name;
    }

    /// <summary>GET /api/auth/session answers 200 with or without a session.</summary>
    private static async Task<JsonNode> SessionStateAsync(CookieBrowser browser)
    {
        using var response = await browser.SendAsync(HttpMethod.Get, "/api/auth/session");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ApiClient.ReadJsonAsync(response);
    }

    [Fact]
    public async Task Logout_EndsTheSession_AReplayedCookieNeitherReadsNorWrites()
    {
        var browser = NewBrowser();
        Assert.Equal(HttpStatusCode.OK, await browser.LoginAsync(PlatformFactory.AdminUserName, PlatformFactory.AdminPassword));
        var stolen = browser.Replay(_factory.CreateClient(new() { HandleCookies = false }));
        Assert.Equal(HttpStatusCode.OK, (await stolen.SendAsync(HttpMethod.Get, "/api/auth/me")).StatusCode);
        var before = await SessionStateAsync(stolen);
        Assert.True(before["signedIn"]!.GetValue<bool>());
        Assert.Equal(PlatformFactory.AdminUserName, before["user"]!["userName"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(HttpMethod.Post, "/api/auth/logout", new { })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await stolen.SendAsync(HttpMethod.Get, "/api/auth/me")).StatusCode);
        var after = await SessionStateAsync(stolen);
        Assert.False(after["signedIn"]!.GetValue<bool>());
        Assert.Null(after["user"]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stolen.SendAsync(HttpMethod.Get, "/api/stations")).StatusCode);
        var write = await stolen.SendAsync(HttpMethod.Post, "/api/admin/users", new
        {
            userName = "replayed" + Guid.NewGuid().ToString("N")[..6], displayName = "x", role = "Viewer", jurisdictionId = 1,
            password = "Replayed#Pass-2026",
        });
        Assert.NotEqual(HttpStatusCode.Created, write.StatusCode);
        Assert.True(write.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest, write.StatusCode.ToString());
    }

    [Fact]
    public async Task PasswordChange_EndsTheUsersOtherSessions_AndKeepsThisOne()
    {
        var name = (await NewUserAsync("First#Pass-2026")).Split('|')[1];
        var here = NewBrowser();
        var there = NewBrowser();
        Assert.Equal(HttpStatusCode.OK, await here.LoginAsync(name, "First#Pass-2026"));
        Assert.Equal(HttpStatusCode.OK, await there.LoginAsync(name, "First#Pass-2026"));

        var changed = await here.SendAsync(HttpMethod.Post, "/api/auth/password",
            new { currentPassword = "First#Pass-2026", newPassword = "Second#Pass-2026" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await there.SendAsync(HttpMethod.Get, "/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.SendAsync(HttpMethod.Get, "/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.SendAsync(HttpMethod.Get, "/api/stations")).StatusCode);
    }

    [Fact]
    public async Task RoleChange_EndsTheUsersSessions_AndTheNewRoleHoldsAtTheNextLogin()
    {
        var (id, name) = (await NewUserAsync("Role#Pass-2026")).Split('|') is [var i, var n] ? (i, n) : default;
        var user = NewBrowser();
        Assert.Equal(HttpStatusCode.OK, await user.LoginAsync(name, "Role#Pass-2026"));

        using var admin = await new ApiClient(_factory.CreateClient(new() { HandleCookies = true }))
            .SignedInAs(PlatformFactory.AdminUserName, PlatformFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/admin/users/{id}", new { role = "Viewer" })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await user.SendAsync(HttpMethod.Get, "/api/auth/me")).StatusCode);
        var again = NewBrowser();
        Assert.Equal(HttpStatusCode.OK, await again.LoginAsync(name, "Role#Pass-2026"));
        var me = JsonNode.Parse(await (await again.SendAsync(HttpMethod.Get, "/api/auth/me")).Content.ReadAsStringAsync())!;
        Assert.Equal(["Viewer"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task DisablingAnAccount_EndsItsSessions_AndItsLoginAnswersLikeAWrongPassword()
    {
        var (id, name) = (await NewUserAsync("Gone#Pass-2026")).Split('|') is [var i, var n] ? (i, n) : default;
        var user = NewBrowser();
        Assert.Equal(HttpStatusCode.OK, await user.LoginAsync(name, "Gone#Pass-2026"));

        using var admin = await new ApiClient(_factory.CreateClient(new() { HandleCookies = true }))
            .SignedInAs(PlatformFactory.AdminUserName, PlatformFactory.AdminPassword);
        var disabled = await admin.PutAsync($"/api/admin/users/{id}", new { enabled = false });
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.False((await ApiClient.ReadJsonAsync(disabled))["enabled"]!.GetValue<bool>());

        Assert.Equal(HttpStatusCode.Unauthorized, (await user.SendAsync(HttpMethod.Get, "/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await NewBrowser().LoginAsync(name, "Gone#Pass-2026"));

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/admin/users/{id}", new { enabled = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await NewBrowser().LoginAsync(name, "Gone#Pass-2026"));
    }

    [Fact]
    public async Task UpdateUser_WithBadFields_NamesThem_AndAnAdminCannotDisableThemself()
    {
        using var admin = await new ApiClient(_factory.CreateClient(new() { HandleCookies = true }))
            .SignedInAs(PlatformFactory.AdminUserName, PlatformFactory.AdminPassword);
        var me = (await admin.GetJsonAsync("/api/admin/users")).AsArray().First(u => u!["userName"]!.GetValue<string>() == "admin")!;
        var id = me["id"]!.GetValue<string>();
        Assert.NotNull((await ApiClient.AssertProblemAsync(await admin.PutAsync($"/api/admin/users/{id}", new { role = "Pilot" }),
            HttpStatusCode.BadRequest))["errors"]!["role"]);
        Assert.NotNull((await ApiClient.AssertProblemAsync(await admin.PutAsync($"/api/admin/users/{id}", new { enabled = false }),
            HttpStatusCode.BadRequest))["errors"]!["enabled"]);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsync("/api/admin/users/no-such-user", new { role = "Viewer" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/auth/me")).StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}
