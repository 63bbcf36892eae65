namespace FireCommand.Web.Map;

/// <summary>
/// The road layer by zoom band: <c>/api/map/roads/bands</c> lists the bands and the data version;
/// <c>/api/map/roads/bands/{band}?v=</c> is one band, <c>/api/map/roads/bands/{band}/{x}/{y}?v=</c>
/// one tile of a tiled band. With the current version in the URL the answer is cached for good (a
/// reload of the geography changes the version, hence the URL); with another or none it is
/// revalidated, so a page that raced a reload still gets the current roads.
/// </summary>
public static class RoadLayerEndpoints
{
    public sealed record BandInfo(int Index, int MinZoom, int? MaxZoom, string[] Classes, double TolerancePixels, int? TileZoom);

    public sealed record Manifest(string Version, IReadOnlyList<BandInfo> Bands);

    public static RouteGroupBuilder MapRoadBands(this RouteGroupBuilder map)
    {
        map.MapGet("/roads/bands", (RoadLayerCache cache) => TypedResults.Ok(new Manifest(cache.Current.Version,
            [.. RoadBands.All.Select(b => new BandInfo(b.Index, b.MinZoom, b.MaxZoom,
                [.. b.Classes.Select(c => c.ToString())], b.TolerancePixels, b.TileZoom))])));
        map.MapGet("/roads/bands/{band:int}", IResult (int band, string? v, RoadLayerCache cache) =>
        {
            var errors = new Shared.Validation();
            if (band < 0 || band >= RoadBands.All.Count) errors.Add("band", $"band must be between 0 and {RoadBands.All.Count - 1}.");
            else if (RoadBands.All[band].TileZoom is not null) errors.Add("band", $"band {band} is served per tile: /api/map/roads/bands/{band}/{{x}}/{{y}}.");
            if (!errors.IsValid) return errors.Problem();
            var layers = cache.Current;
            return new GeoJsonResult(layers.Band(band), CacheFor(layers, v));
        });
        map.MapGet("/roads/bands/{band:int}/{x:int}/{y:int}", IResult (int band, int x, int y, string? v, RoadLayerCache cache) =>
        {
            var errors = new Shared.Validation();
            if (band < 0 || band >= RoadBands.All.Count || RoadBands.All[band].TileZoom is not { } zoom)
            {
                var tiled = RoadBands.All.Where(b => b.TileZoom is not null).Select(b => b.Index);
                return errors.Add("band", $"band must be a tiled band ({string.Join(", ", tiled)}).").Problem();
            }
            var size = 1 << zoom;
            if (x < 0 || x >= size) errors.Add("x", $"x must be between 0 and {size - 1} at tile zoom {zoom}.");
            if (y < 0 || y >= size) errors.Add("y", $"y must be between 0 and {size - 1} at tile zoom {zoom}.");
            if (!errors.IsValid) return errors.Problem();
            var layers = cache.Current;
            return new GeoJsonResult(layers.Tile(band, x, y), CacheFor(layers, v));
        });
        return map;
    }

    private static string CacheFor(RoadLayerCache.Layers layers, string? version) =>
        version == layers.Version ? GeoJsonResult.Immutable : GeoJsonResult.Revalidate;
}
