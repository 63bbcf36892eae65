using System.Buffers.Binary;
using System.IO.Compression;
using Microsoft.Data.Sqlite;

namespace FireCommand.Web.Tests.Map.Tiles;

/// <summary>
/// Tile files for tests, written from the formats' own rules: single-colour 256×256 PNGs (signature,
/// IHDR, zlib IDAT, IEND, each chunk with its CRC-32) and an MBTiles 1.3 file (metadata and tiles
/// tables, rows counted TMS-style from the south).
/// </summary>
internal static class TestTiles
{
    public static readonly (byte R, byte G, byte B) Magenta = (255, 0, 255);
    public static readonly (byte R, byte G, byte B) Cyan = (0, 255, 255);

    public static byte[] SolidPng((byte R, byte G, byte B) colour, int size = 256)
    {
        var raw = new byte[size * (1 + 3 * size)];
        for (int row = 0; row < size; row++)
        {
            int at = row * (1 + 3 * size);
            raw[at] = 0; // filter: none
            for (int x = 0; x < size; x++)
            {
                raw[at + 1 + 3 * x] = colour.R;
                raw[at + 2 + 3 * x] = colour.G;
                raw[at + 3 + 3 * x] = colour.B;
            }
        }
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) z.Write(raw);

        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, size);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), size);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // colour type: RGB
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>
    /// An MBTiles file with every tile of zooms 0..<paramref name="maxZoom"/> in <paramref name="fill"/>,
    /// except the tiles in <paramref name="special"/>, keyed by zoom, column and TMS row (row 0 in the south).
    /// </summary>
    public static void WriteMbTiles(string path, int maxZoom, byte[] fill, string attribution,
        IReadOnlyDictionary<(int Z, int X, int TmsRow), byte[]>? special = null)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "CREATE TABLE metadata (name TEXT, value TEXT)");
        Execute(connection, "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
        Execute(connection, "CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)");
        foreach (var (name, value) in new[]
                 {
                     ("name", "test base map"), ("format", "png"), ("minzoom", "0"), ("maxzoom", maxZoom.ToString()),
                     ("bounds", "-180,-85.0511,180,85.0511"), ("attribution", attribution),
                 })
            Execute(connection, "INSERT INTO metadata VALUES ($a, $b)", ("$a", name), ("$b", value));

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO tiles VALUES ($z, $x, $row, $data)";
        var z = insert.Parameters.Add("$z", SqliteType.Integer);
        var x = insert.Parameters.Add("$x", SqliteType.Integer);
        var row = insert.Parameters.Add("$row", SqliteType.Integer);
        var data = insert.Parameters.Add("$data", SqliteType.Blob);
        for (int zoom = 0; zoom <= maxZoom; zoom++)
            for (int column = 0; column < 1 << zoom; column++)
                for (int tmsRow = 0; tmsRow < 1 << zoom; tmsRow++)
                {
                    z.Value = zoom;
                    x.Value = column;
                    row.Value = tmsRow;
                    data.Value = special?.GetValueOrDefault((zoom, column, tmsRow)) ?? fill;
                    insert.ExecuteNonQuery();
                }
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        png.Write(typed);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
