using Npgsql;

namespace FireCommand.Web.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL database of its own for one test host: created on the server named by
/// FIRECOMMAND_TEST_POSTGRES, dropped (with its open connections) when the host is done.
/// </summary>
public sealed class ScratchPostgresDatabase(string prefix)
{
    private readonly string _name = prefix + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Creates the database; on success returns null and fills <paramref name="settings"/>, else the reason to skip.</summary>
    public async Task<string?> CreateAsync(Dictionary<string, string?> settings)
    {
        var server = Requirements.PostgresServer;
        if (string.IsNullOrEmpty(server)) return "PostgreSQL not configured: set FIRECOMMAND_TEST_POSTGRES (./test.sh does)";
        try
        {
            await using var conn = new NpgsqlConnection(server);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException e)
        {
            return $"PostgreSQL at FIRECOMMAND_TEST_POSTGRES is unreachable: {e.Message}";
        }
        settings["Database:Provider"] = "Postgres";
        settings["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(server) { Database = _name }.ConnectionString;
        return null;
    }

    public async Task DropAsync()
    {
        if (string.IsNullOrEmpty(Requirements.PostgresServer)) return;
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(Requirements.PostgresServer);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
