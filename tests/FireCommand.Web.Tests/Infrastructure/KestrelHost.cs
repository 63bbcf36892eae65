using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FireCommand.Web.Tests.Infrastructure;

/// <summary>
/// The real platform on a real socket (Kestrel on a free loopback port) with a temp SQLite
/// database and the demo province, for tests that drive a browser.
/// </summary>
public class KestrelHost : IAsyncLifetime
{
    public const string AdminUserName = PlatformFactory.AdminUserName;
    public const string AdminPassword = PlatformFactory.AdminPassword;
    public const string DemoPassword = PlatformFactory.DemoPassword;

    private PlatformFactory? _factory;

    protected string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "fc-e2e-" + Guid.NewGuid().ToString("N"));

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The running host's services, for what a test reaches outside HTTP (a gateway's port, the device message sink).</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The host is not started.");

    /// <summary>Set when the database is not available; tests call <see cref="RequireStarted"/> first.</summary>
    public string? SkipReason { get; protected set; }

    public void RequireStarted()
    {
        if (SkipReason is not null) Requirements.SkipOrFail(SkipReason);
    }

    protected virtual Task<Dictionary<string, string?>?> PrepareAsync()
    {
        var settings = PlatformFactory.Defaults(DataDirectory);
        settings["Database:Provider"] = "Sqlite";
        return Task.FromResult<Dictionary<string, string?>?>(settings);
    }

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        var settings = await PrepareAsync();
        if (settings is null) return;
        _factory = new PlatformFactory(settings);
        _factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        BaseAddress = new Uri(address);
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        await CleanUpAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (DirectoryNotFoundException) { }
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same on a fresh PostgreSQL database, created for the class and dropped afterwards.</summary>
public sealed class PostgresKestrelHost : KestrelHost
{
    private readonly ScratchPostgresDatabase _database = new("fc_e2e_");

    protected override async Task<Dictionary<string, string?>?> PrepareAsync()
    {
        var settings = PlatformFactory.Defaults(DataDirectory);
        SkipReason = await _database.CreateAsync(settings);
        return SkipReason is null ? settings : null;
    }

    protected override async Task CleanUpAsync()
    {
        if (SkipReason is null) await _database.DropAsync();
    }
}
