using System.Net;
using FireCommand.Web.Hosting;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FireCommand.Web.Tests.Hosting;

/// <summary>The first admin's generated password outlives neither its change nor a restart.</summary>
public sealed class OneTimePasswordRestartTests : IAsyncLifetime
{
    private sealed class Captured : IOneTimePasswordSink
    {
        public List<(string User, string Password)> Shown { get; } = [];
        public void Show(string userName, string password) => Shown.Add((userName, password));
    }

    private const string Chosen = "Chosen#Admin-2026";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fc-otp-restart-" + Guid.NewGuid().ToString("N"));

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        return ValueTask.CompletedTask;
    }

    private (PlatformFactory Factory, Captured Sink) Start()
    {
        var settings = PlatformFactory.Defaults(_dir);
        settings.Remove("Security:AdminPassword");
        settings["Demo:Enabled"] = "false";
        var sink = new Captured();
        var factory = new PlatformFactory(settings, s => s.AddSingleton<IOneTimePasswordSink>(sink));
        _ = factory.Server;
        return (factory, sink);
    }

    private static ApiClient Client(PlatformFactory factory) => new(factory.CreateClient(new() { HandleCookies = true }));

    [Fact]
    public async Task AfterTheChangeAndARestart_NoNewPasswordIsShown_TheOldOneIsRefused_TheChosenOneWorks()
    {
        string generated;
        var (first, firstSink) = Start();
        await using (first)
        {
            (_, generated) = Assert.Single(firstSink.Shown);
            using var admin = Client(first);
            Assert.Equal(HttpStatusCode.OK, (await admin.LoginAsync("admin", generated)).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent,
                (await admin.PostAsync("/api/auth/password", new { currentPassword = generated, newPassword = Chosen })).StatusCode);
            using var stale = Client(first);
            Assert.Equal(HttpStatusCode.Unauthorized, (await stale.LoginAsync("admin", generated)).StatusCode);
        }

        var (second, secondSink) = Start();
        await using (second)
        {
            Assert.Empty(secondSink.Shown);
            using var old = Client(second);
            Assert.Equal(HttpStatusCode.Unauthorized, (await old.LoginAsync("admin", generated)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/stations")).StatusCode);
            using var admin = Client(second);
            var login = await admin.LoginAsync("admin", Chosen);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            Assert.False((await ApiClient.ReadJsonAsync(login))["mustChangePassword"]!.GetValue<bool>());
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/stations")).StatusCode);
        }
    }

    [Fact]
    public async Task WithoutTheChange_ARestartShowsNoNewPassword_AndTheShownOneStillMustBeChanged()
    {
        var (first, firstSink) = Start();
        string generated;
        await using (first) (_, generated) = Assert.Single(firstSink.Shown);

        var (second, secondSink) = Start();
        await using (second)
        {
            Assert.Empty(secondSink.Shown);
            using var admin = Client(second);
            var login = await admin.LoginAsync("admin", generated);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            Assert.True((await ApiClient.ReadJsonAsync(login))["mustChangePassword"]!.GetValue<bool>());
        }
    }

    public ValueTask DisposeAsync()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (DirectoryNotFoundException) { }
        return ValueTask.CompletedTask;
    }
}
