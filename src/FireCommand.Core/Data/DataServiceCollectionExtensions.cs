using FireCommand.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FireCommand.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FireCommandDbContext"/> on the provider chosen by configuration. The caller
    /// registers <see cref="IJurisdictionScope"/> and <see cref="Audit.IAuditActor"/> (per request).
    /// A relative data directory is resolved against <c>contentRoot</c>, not the working directory.
    /// The context's options depend on configuration alone, so they are built once for the process
    /// (a context is still made per request): building them per request, and looking up EF Core's
    /// internal services by their options, was a visible part of every API call's cost.
    /// </summary>
    public static IServiceCollection AddFireCommandData(this IServiceCollection services, IConfiguration configuration,
        string contentRoot)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton<JurisdictionDirectory>();
        services.AddSingleton(TimeProvider.System);

        if (options.IsPostgres)
        {
            var cs = options.ConnectionString
                     ?? throw new InvalidOperationException("Database:ConnectionString is required for Postgres.");
            services.AddDbContext<FireCommandDbContext, PostgresFireCommandDbContext>(o => o.UseNpgsql(cs, n =>
            {
                n.UseNetTopologySuite();
                n.MigrationsHistoryTable("__ef_migrations");
            }), optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            var cs = options.ConnectionString ?? SqliteFileConnectionString(Path.Combine(contentRoot, options.DataDirectory));
            // One file, one writer: this process's write transactions queue here instead of colliding in SQLite.
            var gate = new SqliteWriteGate();
            services.AddSingleton(gate);
            services.AddDbContext<FireCommandDbContext, SqliteFireCommandDbContext>(o =>
                gate.Apply(o.UseSqlite(cs, s => s.MigrationsHistoryTable("__ef_migrations"))), optionsLifetime: ServiceLifetime.Singleton);
        }
        return services;
    }

    private static string SqliteFileConnectionString(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        return $"Data Source={Path.Combine(dataDirectory, "firecommand.db")};Pooling=True";
    }
}
