using System.ComponentModel.DataAnnotations;

namespace FireCommand.Web.Map;

/// <summary>
/// One Map settings (section "Map"). The map is offline by default: roads come from the platform's
/// own data. A base map is configuration only and never fetched unless set: a tile file that the
/// platform serves itself (MBTiles, PMTiles), or a tile service the browser asks directly (an XYZ
/// URL such as Tianditu's, a provincial GIS or PGIS; a WMTS on a Web Mercator tile matrix set).
/// </summary>
public sealed class MapOptions
{
    public const string Section = "Map";

    public BaseLayerOptions BaseLayer { get; set; } = new();

    public sealed class BaseLayerOptions
    {
        /// <summary>
        /// None, Xyz, Wmts, MbTiles or PmTiles (any case). Left empty: Xyz when a <see cref="Url"/> is
        /// set, else None, which is how settings written before file base maps existed keep working.
        /// </summary>
        [RegularExpression("(?i)^(none|xyz|wmts|mbtiles|pmtiles)$", ErrorMessage = "Map:BaseLayer:Kind must be none, xyz, wmts, mbtiles or pmtiles.")]
        public string? Kind { get; set; }

        /// <summary>
        /// Xyz: a tile URL template with {z}/{x}/{y} (and optionally {s}). Wmts: a GetTile URL (KVP or
        /// RESTful) with {TileMatrix}, {TileRow} and {TileCol}, on a Web Mercator matrix set.
        /// </summary>
        [Url]
        public string? Url { get; set; }

        /// <summary>MbTiles or PmTiles: the file, absolute or relative to the working directory.</summary>
        public string? Path { get; set; }

        /// <summary>Credit shown on the map; for a file, its metadata's attribution when left empty.</summary>
        public string? Attribution { get; set; }

        /// <summary>"Wgs84" (Tianditu, OSM, most GIS exports) or "Gcj02" (AMap, Tencent): the client shifts our WGS-84 data to match.</summary>
        [RegularExpression("(?i)^(wgs84|gcj02)$", ErrorMessage = "Map:BaseLayer:CoordinateSystem must be wgs84 or gcj02.")]
        public string CoordinateSystem { get; set; } = "Wgs84";

        /// <summary>The deepest zoom the tiles exist for; the map enlarges them beyond it. For a file, its own maximum when smaller.</summary>
        [Range(1, 22)]
        public int MaxZoom { get; set; } = 18;

        /// <summary>The kind in effect (see <see cref="Kind"/>).</summary>
        public BaseMapKind EffectiveKind =>
            string.IsNullOrWhiteSpace(Kind)
                ? (string.IsNullOrWhiteSpace(Url) ? BaseMapKind.None : BaseMapKind.Xyz)
                : Enum.Parse<BaseMapKind>(Kind, ignoreCase: true);

        public bool IsGcj02 => string.Equals(CoordinateSystem, "gcj02", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Where the One Map's base map comes from.</summary>
public enum BaseMapKind
{
    None,
    Xyz,
    Wmts,
    MbTiles,
    PmTiles,
}
