using System.Net;
using FireCommand.Web.Hosting;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FireCommand.Web.Tests.Security;

/// <summary>
/// The first admin's generated password is shown once, kept in a 0600 file until it is changed, and
/// must be changed before anything else.
/// </summary>
public sealed class OneTimePasswordTests : IAsyncLifetime
{
    private sealed class Captured : IOneTimePasswordSink
    {
        public List<(string User, string Password)> Shown { get; } = [];
        public void Show(string userName, string password) => Shown.Add((userName, password));
    }

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fc-otp-" + Guid.NewGuid().ToString("N"));
    private readonly Captured _sink = new();
    private PlatformFactory _factory = null!;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        var settings = PlatformFactory.Defaults(_dir);
        settings.Remove("Security:AdminPassword");
        settings["Demo:Enabled"] = "false";
        _factory = new PlatformFactory(settings, s => s.AddSingleton<IOneTimePasswordSink>(_sink));
        _ = _factory.Server;
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task GeneratedPassword_IsShownOnce_AndOnlyThePasswordChangeIsAllowedUntilChanged()
    {
        var (user, password) = Assert.Single(_sink.Shown);
        Assert.Equal("admin", user);
        // Also kept in a file of the data directory that only the service user may read.
        var file = Path.Combine(_dir, OneTimePasswordFile.FileName);
        Assert.Contains(password, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            // The cookie-signing keys, unencrypted without a certificate, are the service user's alone too.
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
                File.GetUnixFileMode(Path.Combine(_dir, "keys")));
        }
        using var client = new ApiClient(_factory.CreateClient(new() { HandleCookies = true }));
        var login = await client.LoginAsync(user, password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.True((await ApiClient.ReadJsonAsync(login))["mustChangePassword"]!.GetValue<bool>());

        var blocked = await client.GetAsync("/api/stations");
        var problem = await ApiClient.AssertProblemAsync(blocked, HttpStatusCode.Forbidden);
        Assert.Equal("Password change required", problem["title"]!.GetValue<string>());

        var changed = await client.PostAsync("/api/auth/password", new { currentPassword = password, newPassword = "Chosen#Admin-2026" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.False(File.Exists(file), "the one-time password file outlived the password");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/stations")).StatusCode);
        Assert.False((await client.GetJsonAsync("/api/auth/me"))["mustChangePassword"]!.GetValue<bool>());
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}
