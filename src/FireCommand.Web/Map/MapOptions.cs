using System.ComponentModel.DataAnnotations;

namespace FireCommand.Web.Map;

/// <summary>
/// One Map settings (section "Map"). The map is offline by default: roads come from the platform's
/// own data. An online base layer (a Tianditu or OSM tile URL, or a GCJ-02 layer such as AMap) is
/// configuration only and never fetched unless set.
/// </summary>
public sealed class MapOptions
{
    public const string Section = "Map";

    public BaseLayerOptions BaseLayer { get; set; } = new();

    public sealed class BaseLayerOptions
    {
        /// <summary>Tile URL template ({z}/{x}/{y}); empty for none.</summary>
        [Url]
        public string? Url { get; set; }

        public string? Attribution { get; set; }

        /// <summary>"Wgs84" (Tianditu, OSM) or "Gcj02" (AMap, Tencent): the client shifts our WGS-84 data to match.</summary>
        [RegularExpression("^(Wgs84|Gcj02)$")]
        public string CoordinateSystem { get; set; } = "Wgs84";

        [Range(1, 22)]
        public int MaxZoom { get; set; } = 18;
    }
}
