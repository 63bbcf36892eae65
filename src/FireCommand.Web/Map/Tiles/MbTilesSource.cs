using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FireCommand.Web.Map.Tiles;

/// <summary>
/// Tiles from an MBTiles file (SQLite: a <c>tiles</c> table or view and a <c>metadata</c> table, spec
/// 1.3). MBTiles numbers rows the TMS way, from the south, so y is flipped. Opened read-only: the
/// platform never writes into the corps' file. Thread-safe: each read uses its own pooled connection.
/// </summary>
public sealed class MbTilesSource : ITileSource
{
    private readonly string _connectionString;

    private MbTilesSource(string connectionString, TileSetInfo info)
    {
        _connectionString = connectionString;
        Info = info;
    }

    public TileSetInfo Info { get; }

    /// <summary>Opens the file and reads its metadata; a file that is not MBTiles is an <see cref="InvalidDataException"/> saying why.</summary>
    public static MbTilesSource Open(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"MBTiles file '{path}' does not exist.", path);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString();
        using var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            if (Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'tiles' AND type IN ('table', 'view')") is not 1L)
                throw new InvalidDataException($"'{path}' is not an MBTiles file: it has no tiles table.");
        }
        catch (SqliteException e)
        {
            throw new InvalidDataException($"'{path}' is not an MBTiles file: {e.Message}", e);
        }
        var metadata = ReadMetadata(connection);
        var format = metadata.GetValueOrDefault("format")?.ToLowerInvariant() switch
        {
            "png" => TileFormat.Png,
            "jpg" or "jpeg" => TileFormat.Jpeg,
            "webp" => TileFormat.Webp,
            "pbf" or "mvt" => TileFormat.Pbf,
            null => SniffFormat(connection) ?? throw new InvalidDataException($"'{path}' names no tile format and holds no tile."),
            var other => throw new InvalidDataException($"'{path}': tile format '{other}' is not one of png, jpg, webp, pbf."),
        };
        var (lowest, highest) = ZoomRange(connection);
        int minZoom = Int(metadata.GetValueOrDefault("minzoom")) ?? lowest;
        int maxZoom = Int(metadata.GetValueOrDefault("maxzoom")) ?? highest;
        var info = new TileSetInfo(format, minZoom, maxZoom, Bounds(metadata.GetValueOrDefault("bounds")),
            metadata.GetValueOrDefault("attribution"));
        return new MbTilesSource(connectionString, info);
    }

    public async ValueTask<StoredTile?> GetTileAsync(int z, int x, int y, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT tile_data FROM tiles WHERE zoom_level = $z AND tile_column = $x AND tile_row = $y";
        command.Parameters.AddWithValue("$z", z);
        command.Parameters.AddWithValue("$x", x);
        command.Parameters.AddWithValue("$y", (1L << z) - 1 - y);
        if (await command.ExecuteScalarAsync(ct) is not byte[] data || data.Length == 0) return null;
        // Vector tiles are gzip-compressed in most MBTiles files; the header says so, not the metadata.
        return new StoredTile(data, data is [0x1F, 0x8B, ..] ? "gzip" : null);
    }

    private static Dictionary<string, string> ReadMetadata(SqliteConnection connection)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'metadata'") is not 1L) return result;
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, value FROM metadata";
        using var reader = command.ExecuteReader();
        while (reader.Read())
            if (!reader.IsDBNull(0) && !reader.IsDBNull(1)) result[reader.GetString(0)] = reader.GetString(1);
        return result;
    }

    private static (int Min, int Max) ZoomRange(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT min(zoom_level), max(zoom_level) FROM tiles";
        using var reader = command.ExecuteReader();
        reader.Read();
        return reader.IsDBNull(0) ? (0, 0) : (reader.GetInt32(0), reader.GetInt32(1));
    }

    private static TileFormat? SniffFormat(SqliteConnection connection) =>
        Scalar(connection, "SELECT tile_data FROM tiles LIMIT 1") switch
        {
            byte[] and [0x89, 0x50, 0x4E, 0x47, ..] => TileFormat.Png,
            byte[] and [0xFF, 0xD8, ..] => TileFormat.Jpeg,
            byte[] and [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => TileFormat.Webp,
            byte[] => TileFormat.Pbf,
            _ => null,
        };

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static double[]? Bounds(string? text)
    {
        var parts = text?.Split(',');
        if (parts is not { Length: 4 }) return null;
        var values = new double[4];
        for (int i = 0; i < 4; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])) return null;
        return values;
    }

    // Nothing held open: connections come from the pool per read.
    public void Dispose() => SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
}
