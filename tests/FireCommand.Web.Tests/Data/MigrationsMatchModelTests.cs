using FireCommand.Core.Data;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FireCommand.Web.Tests.Data;

/// <summary>
/// Each provider's migrations build exactly the model the code declares: a change to an entity
/// without its migration (on either provider) fails here, not at an operator's first start.
/// </summary>
public abstract class MigrationsMatchModelTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    [Fact]
    public async Task Model_HasNoChangesMissingFromTheMigrations_AndEveryMigrationIsApplied()
    {
        using var client = Anonymous(); // skips (or fails under REQUIRE_ALL) when the database is missing
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
        Assert.Equal(Host.ProviderName == "Postgres" ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite",
            db.Database.ProviderName);
        Assert.False(db.Database.HasPendingModelChanges(),
            $"the {Host.ProviderName} model has changes no migration covers; add a migration for this provider");
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteMigrationsMatchModelTests(SqliteHost host) : MigrationsMatchModelTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrationsMatchModelTests(PostgresHost host) : MigrationsMatchModelTests<PostgresHost>(host);
