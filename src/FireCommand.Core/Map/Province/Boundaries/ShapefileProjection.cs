using System.Text.RegularExpressions;

namespace FireCommand.Core.Map.Province.Boundaries;

/// <summary>
/// Reads a Shapefile's .prj (ESRI WKT) far enough to tell geographic WGS-84/CGCS2000, which are taken as
/// they are, from everything else, which is refused with its name: a projected grid (Gauss-Krüger, UTM,
/// Web Mercator) or an older datum (Beijing 1954, Xi'an 1980) would need a reprojection this platform
/// does not guess at.
/// </summary>
internal static partial class ShapefileProjection
{
    private static readonly string[] AcceptedDatums =
        ["WGS_1984", "WGS 1984", "WGS 84", "WGS84", "CGCS2000", "CGCS_2000", "CHINA_2000", "CHINA GEODETIC COORDINATE SYSTEM 2000",
         "CHINA_GEODETIC_COORDINATE_SYSTEM_2000"];

    /// <summary>Null when the .prj is absent or geographic WGS-84/CGCS2000; else why the file is refused.</summary>
    public static string? Refusal(string? wkt)
    {
        if (string.IsNullOrWhiteSpace(wkt)) return null;
        var text = wkt.Trim();
        var upper = text.ToUpperInvariant();
        var name = Name().Match(text) is { Success: true } m ? m.Groups[1].Value : "unnamed";
        if (upper.StartsWith("PROJCS", StringComparison.Ordinal) || upper.StartsWith("PROJCRS", StringComparison.Ordinal))
            return $".prj is the projected coordinate system '{name}'; export the file as geographic longitude/latitude " +
                   "(WGS-84 or CGCS2000, e.g. EPSG:4326 or EPSG:4490) first";
        if (!upper.StartsWith("GEOGCS", StringComparison.Ordinal) && !upper.StartsWith("GEOGCRS", StringComparison.Ordinal))
            return $".prj is not a coordinate system this platform reads ('{Shorten(text)}')";
        if (!AcceptedDatums.Any(d => upper.Contains(d, StringComparison.Ordinal)))
            return $".prj is the geographic system '{name}', not WGS-84 or CGCS2000; convert it to CGCS2000 (EPSG:4490) first";
        return null;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex("^\\s*\\w+\\[\\s*\"([^\"]*)\"")]
    private static partial Regex Name();
}
