using System.Text.Json;
using FireCommand.Geo.Tiles;

namespace FireCommand.Web.Map.Tiles;

/// <summary>Tiles from a local PMTiles v3 archive, through <see cref="PmTilesReader"/>. Thread-safe.</summary>
public sealed class PmTilesSource : ITileSource
{
    private readonly PmTilesReader _reader;
    private readonly string? _encoding;

    private PmTilesSource(PmTilesReader reader, TileSetInfo info, string? encoding)
    {
        _reader = reader;
        Info = info;
        _encoding = encoding;
    }

    public TileSetInfo Info { get; }

    public static PmTilesSource Open(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"PMTiles file '{path}' does not exist.", path);
        var reader = PmTilesReader.Open(path);
        try
        {
            var h = reader.Header;
            var format = h.TileType switch
            {
                PmTilesTileType.Png => TileFormat.Png,
                PmTilesTileType.Jpeg => TileFormat.Jpeg,
                PmTilesTileType.Webp => TileFormat.Webp,
                PmTilesTileType.Mvt => TileFormat.Pbf,
                var other => throw new InvalidDataException($"'{path}': PMTiles tile type {other} is not one of png, jpeg, webp, mvt."),
            };
            // Tiles are passed on as stored; the browser decompresses what the header names.
            var encoding = h.TileCompression switch
            {
                PmTilesCompression.None or PmTilesCompression.Unknown => null,
                PmTilesCompression.Gzip => "gzip",
                PmTilesCompression.Brotli => "br",
                _ => "zstd",
            };
            double[]? bounds = h.MinLongitude < h.MaxLongitude && h.MinLatitude < h.MaxLatitude
                ? [h.MinLongitude, h.MinLatitude, h.MaxLongitude, h.MaxLatitude]
                : null;
            var info = new TileSetInfo(format, h.MinZoom, h.MaxZoom, bounds, Attribution(reader.ReadMetadata()));
            return new PmTilesSource(reader, info, encoding);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    public ValueTask<StoredTile?> GetTileAsync(int z, int x, int y, CancellationToken ct) =>
        ValueTask.FromResult(_reader.ReadTile(z, (uint)x, (uint)y) is { Length: > 0 } data ? new StoredTile(data, _encoding) : null);

    private static string? Attribution(string metadataJson)
    {
        try
        {
            using var doc = JsonDocument.Parse(metadataJson);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                   && doc.RootElement.TryGetProperty("attribution", out var a) && a.ValueKind == JsonValueKind.String
                ? a.GetString()
                : null;
        }
        catch (JsonException)
        {
            // Metadata is descriptive only; a file with unreadable metadata still has good tiles.
            return null;
        }
    }

    public void Dispose() => _reader.Dispose();
}
