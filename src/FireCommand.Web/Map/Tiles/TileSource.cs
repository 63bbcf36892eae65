namespace FireCommand.Web.Map.Tiles;

/// <summary>The image or vector format of a tile file's tiles.</summary>
public enum TileFormat
{
    Png,
    Jpeg,
    Webp,
    /// <summary>Mapbox vector tiles (protobuf), usually gzip-compressed in the file.</summary>
    Pbf,
}

/// <summary>
/// What a tile file says about itself: format, zoom range, bounds (WGS-84 degrees: west, south,
/// east, north; null when unknown) and the credit its producer wrote into it.
/// </summary>
public sealed record TileSetInfo(TileFormat Format, int MinZoom, int MaxZoom, double[]? Bounds, string? Attribution)
{
    public string ContentType => Format switch
    {
        TileFormat.Png => "image/png",
        TileFormat.Jpeg => "image/jpeg",
        TileFormat.Webp => "image/webp",
        _ => "application/vnd.mapbox-vector-tile",
    };
}

/// <summary>A tile as stored, with the HTTP content encoding it is stored in (gzip for most vector tiles), or null.</summary>
public sealed record StoredTile(byte[] Data, string? ContentEncoding);

/// <summary>
/// A local tile file (MBTiles, PMTiles) that the platform serves to signed-in users. Tiles are
/// addressed the XYZ way (y down from the north, as Leaflet asks). Implementations are thread-safe.
/// </summary>
public interface ITileSource : IDisposable
{
    TileSetInfo Info { get; }

    /// <summary>The tile z/x/y, or null when the file has none there.</summary>
    ValueTask<StoredTile?> GetTileAsync(int z, int x, int y, CancellationToken ct);
}
