namespace FireCommand.Web.Tests.Infrastructure;

/// <summary>
/// Tests that need a service or shared data skip with a visible reason when it is missing, and
/// fail instead when FIRECOMMAND_REQUIRE_ALL=1 (CI sets it), so a green CI never hides a skip.
/// </summary>
public static class Requirements
{
    public static bool RequireAll => FireCommand.Tests.SharedDataFiles.RequireAll;

    public static void SkipOrFail(string reason) => FireCommand.Tests.SharedDataFiles.SkipOrFail(reason);

    /// <summary>Connection string of a PostgreSQL server with PostGIS that tests may create databases on.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable("FIRECOMMAND_TEST_POSTGRES");
}
