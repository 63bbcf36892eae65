namespace FireCommand.Web.Tests.Infrastructure;

/// <summary>All SQLite integration tests share one booted platform (seeded once).</summary>
[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteHost>
{
    public const string Name = "sqlite";
}

/// <summary>All PostgreSQL integration tests share one booted platform on a fresh database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresHost>
{
    public const string Name = "postgres";
}

/// <summary>Base of tests that run the same way on every database.</summary>
public abstract class PlatformTest<THost>(THost host) where THost : DatabaseHost
{
    protected THost Host { get; } = host;

    protected ApiClient Anonymous() => Host.NewClient();

    protected Task<ApiClient> Admin() => Host.NewClient().SignedInAs(PlatformFactory.AdminUserName, PlatformFactory.AdminPassword);

    protected Task<ApiClient> Demo(string userName) => Host.NewClient().SignedInAs(userName, PlatformFactory.DemoPassword);
}
