using System.Net;
using FireCommand.Web.Tests.Infrastructure;

namespace FireCommand.Web.Tests.Security;

/// <summary>
/// Login is rate-limited per client address across all accounts (the per-account back-off is in
/// <see cref="LoginThrottleTests"/>); a fresh platform without demo data keeps this test quick.
/// </summary>
public sealed class LoginRateLimitTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fc-rate-" + Guid.NewGuid().ToString("N"));
    private PlatformFactory _factory = null!;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        var settings = PlatformFactory.Defaults(_dir);
        settings["Demo:Enabled"] = "false";
        settings["Security:LoginAttemptsPerMinute"] = "3";
        _factory = new PlatformFactory(settings);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Login_BeyondTheLimit_Is429EvenWithTheRightPassword()
    {
        using var client = new ApiClient(_factory.CreateClient(new() { HandleCookies = true }));
        // A different name each time: the limit counts the address, not the account.
        for (var i = 0; i < 3; i++)
            await ApiClient.AssertProblemAsync(await client.LoginAsync("user" + i, "wrong-password-" + i), HttpStatusCode.Unauthorized);

        var limited = await client.LoginAsync(PlatformFactory.AdminUserName, PlatformFactory.AdminPassword);
        await ApiClient.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Login_WithoutDemoMode_HasOnlyTheAdmin()
    {
        using var client = new ApiClient(_factory.CreateClient(new() { HandleCookies = true }));
        var demo = await client.LoginAsync("viewer", PlatformFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}
