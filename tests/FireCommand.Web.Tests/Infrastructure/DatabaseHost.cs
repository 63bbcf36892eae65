using FireCommand.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FireCommand.Web.Tests.Infrastructure;

/// <summary>
/// One booted platform on one database for a test class: SQLite in a temp folder, or a fresh
/// PostgreSQL database created for the run and dropped afterwards.
/// </summary>
public abstract class DatabaseHost : IAsyncLifetime
{
    private PlatformFactory? _factory;
    protected string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "fc-test-" + Guid.NewGuid().ToString("N"));

    public PlatformFactory Factory => _factory ?? throw new InvalidOperationException(SkipReason ?? "Host not started.");

    /// <summary>Set when the database is not available; each test then skips (or fails under REQUIRE_ALL).</summary>
    public string? SkipReason { get; protected set; }

    public abstract string ProviderName { get; }

    /// <summary>Forces the interleaving of two dispatch orders when a test arms it.</summary>
    public DispatchInterleaving Interleaving { get; } = new();

    protected abstract Task<Dictionary<string, string?>?> PrepareAsync();

    public async ValueTask InitializeAsync()
    {
        var settings = await PrepareAsync();
        if (settings is null) return;
        _factory = new PlatformFactory(settings, services =>
        {
            services.ConfigureDbContext<SqliteFireCommandDbContext>(o => o.AddInterceptors(Interleaving.Interceptors));
            services.ConfigureDbContext<PostgresFireCommandDbContext>(o => o.AddInterceptors(Interleaving.Interceptors));
        });
        _ = _factory.Server; // boot now: migrate and seed once for the whole class
        if (_factory.Services.GetService<SqliteWriteGate>() is { } gate) Interleaving.Watch(gate);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        await CleanUpAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (DirectoryNotFoundException) { }
        GC.SuppressFinalize(this);
    }

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    /// <summary>A client that keeps cookies, like a browser.</summary>
    public ApiClient NewClient()
    {
        if (SkipReason is not null) Requirements.SkipOrFail(SkipReason);
        return new ApiClient(Factory.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false }));
    }
}

public sealed class SqliteHost : DatabaseHost
{
    public override string ProviderName => "Sqlite";

    protected override Task<Dictionary<string, string?>?> PrepareAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        var s = PlatformFactory.Defaults(DataDirectory);
        s["Database:Provider"] = "Sqlite";
        return Task.FromResult<Dictionary<string, string?>?>(s);
    }
}

public sealed class PostgresHost : DatabaseHost
{
    private readonly ScratchPostgresDatabase _database = new("fc_test_");

    public override string ProviderName => "Postgres";

    protected override async Task<Dictionary<string, string?>?> PrepareAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        var s = PlatformFactory.Defaults(DataDirectory);
        SkipReason = await _database.CreateAsync(s);
        return SkipReason is null ? s : null;
    }

    protected override async Task CleanUpAsync()
    {
        if (SkipReason is null) await _database.DropAsync();
    }
}
