using FireCommand.Geo;
using FireCommand.Geo.Coordinates;

namespace FireCommand.Core.Map.Province;

/// <summary>
/// The coordinate system an input file of <c>province build</c> is written in. CGCS2000 differs from
/// WGS-84 by centimetres, well below what a fire map shows, so it is read as WGS-84 (as the national
/// surveying guidance allows at this scale); GCJ-02 and BD-09 are shifted back to WGS-84.
/// </summary>
public static class InputCoordinates
{
    /// <summary>The names the command line accepts.</summary>
    public const string Names = "wgs84|gcj02|bd09|cgcs2000";

    /// <exception cref="ArgumentException">Not one of <see cref="Names"/>.</exception>
    public static CoordinateSystem Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "wgs84" or "wgs-84" or "cgcs2000" => CoordinateSystem.Wgs84,
        "gcj02" or "gcj-02" => CoordinateSystem.Gcj02,
        "bd09" or "bd-09" => CoordinateSystem.Bd09,
        _ => throw new ArgumentException($"coordinate system '{text}' is not one of {Names}."),
    };

    /// <summary>Longitude/latitude in <paramref name="crs"/> → WGS-84.</summary>
    public static GeoPoint ToWgs84(double longitude, double latitude, CoordinateSystem crs) =>
        ChinaCoordinates.Convert(new GeoPoint(latitude, longitude), crs, CoordinateSystem.Wgs84);
}
