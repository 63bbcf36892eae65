using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Map.Tiles;

/// <summary>
/// The configured base map: the tile file opened at start (a missing or unreadable file stops the
/// start with the reason), and what the One Map is told about it. Singleton; thread-safe.
/// </summary>
public sealed partial class BaseMap : IDisposable
{
    /// <summary>Where the platform serves a tile file's tiles; {z}/{x}/{y} as Leaflet fills them in.</summary>
    public const string TileUrlTemplate = "/api/map/tiles/{z}/{x}/{y}";

    public BaseMap(IOptions<MapOptions> options)
    {
        var o = options.Value.BaseLayer;
        Kind = o.EffectiveKind;
        Source = Kind switch
        {
            BaseMapKind.MbTiles => MbTilesSource.Open(System.IO.Path.GetFullPath(o.Path!)),
            BaseMapKind.PmTiles => PmTilesSource.Open(System.IO.Path.GetFullPath(o.Path!)),
            _ => null,
        };
        View = Describe(o, Kind, Source?.Info);
    }

    public BaseMapKind Kind { get; }

    /// <summary>The tile file, when the platform serves one; null for none or a tile service.</summary>
    public ITileSource? Source { get; }

    /// <summary>What GET /api/map/config hands the One Map; null when there is no base map.</summary>
    public BaseLayerView? View { get; }

    /// <summary>The base layer as the One Map uses it: a URL template for Leaflet and how to draw it.</summary>
    public sealed record BaseLayerView(string Kind, string Url, string? Attribution, string CoordinateSystem,
        int MinZoom, int MaxZoom, double[]? Bounds, string Format);

    private static BaseLayerView? Describe(MapOptions.BaseLayerOptions o, BaseMapKind kind, TileSetInfo? file)
    {
        var crs = o.IsGcj02 ? "Gcj02" : "Wgs84";
        return kind switch
        {
            BaseMapKind.None => null,
            BaseMapKind.Xyz => new BaseLayerView("xyz", o.Url!, o.Attribution, crs, 0, o.MaxZoom, null, "image"),
            BaseMapKind.Wmts => new BaseLayerView("wmts", WmtsTemplate(o.Url!), o.Attribution, crs, 0, o.MaxZoom, null, "image"),
            _ => new BaseLayerView(kind.ToString().ToLowerInvariant(), TileUrlTemplate,
                // A file's own credit is often HTML (a link); the map shows credits as text.
                o.Attribution ?? (file!.Attribution is { } a ? Tags().Replace(a, "").Trim() : null),
                crs, file!.MinZoom, Math.Min(o.MaxZoom, file.MaxZoom), file.Bounds, file.Format.ToString().ToLowerInvariant()),
        };
    }

    /// <summary>
    /// A WMTS GetTile URL as a Leaflet template. On a Web Mercator matrix set (Tianditu's "w",
    /// GoogleMapsCompatible) the matrix is the zoom, the column x and the row y, counted from the north.
    /// </summary>
    public static string WmtsTemplate(string url) =>
        WmtsPlaceholder().Replace(url, m => m.Groups[1].Value.ToLowerInvariant() switch
        {
            "tilematrix" => "{z}",
            "tilecol" => "{x}",
            _ => "{y}",
        });

    [GeneratedRegex(@"\{(TileMatrix|TileCol|TileRow)\}", RegexOptions.IgnoreCase)]
    private static partial Regex WmtsPlaceholder();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    public void Dispose() => Source?.Dispose();
}
