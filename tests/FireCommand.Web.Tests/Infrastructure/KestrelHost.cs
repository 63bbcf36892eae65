using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FireCommand.Web.Tests.Infrastructure;

/// <summary>
/// The real platform on a real socket (Kestrel on a free loopback port) with a temp SQLite
/// database and the demo province, for tests that drive a browser.
/// </summary>
public sealed class KestrelHost : IAsyncLifetime
{
    public const string AdminUserName = PlatformFactory.AdminUserName;
    public const string AdminPassword = PlatformFactory.AdminPassword;
    public const string DemoPassword = PlatformFactory.DemoPassword;

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "fc-e2e-" + Guid.NewGuid().ToString("N"));
    private PlatformFactory? _factory;

    public Uri BaseAddress { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        var settings = PlatformFactory.Defaults(_dataDirectory);
        settings["Database:Provider"] = "Sqlite";
        _factory = new PlatformFactory(settings);
        _factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        BaseAddress = new Uri(address);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}
