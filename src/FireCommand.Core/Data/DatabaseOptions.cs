using System.ComponentModel.DataAnnotations;

namespace FireCommand.Core.Data;

/// <summary>Storage configuration (section "Database").</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"Sqlite" (embedded default) or "Postgres".</summary>
    [Required, RegularExpression("^(Sqlite|Postgres)$", ErrorMessage = "Database:Provider must be Sqlite or Postgres.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Folder of the SQLite file when no connection string is given.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>ADO.NET connection string; for SQLite defaults to a file in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations at start (on for the embedded default).</summary>
    public bool MigrateOnStart { get; set; } = true;

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);
}
