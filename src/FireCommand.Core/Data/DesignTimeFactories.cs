using FireCommand.Core.Audit;
using FireCommand.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FireCommand.Core.Data;

/// <summary>Used only by `dotnet ef migrations add`; the running host configures contexts itself.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFireCommandDbContext>
{
    public SqliteFireCommandDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFireCommandDbContext>()
                .UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable("__ef_migrations")).Options,
            FixedJurisdictionScope.System, SystemActor.Instance, TimeProvider.System);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFireCommandDbContext>
{
    public PostgresFireCommandDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresFireCommandDbContext>()
                .UseNpgsql("Host=localhost;Database=design", o =>
                {
                    o.UseNetTopologySuite();
                    o.MigrationsHistoryTable("__ef_migrations");
                }).Options,
            FixedJurisdictionScope.System, SystemActor.Instance, TimeProvider.System);
}
