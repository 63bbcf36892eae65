using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace FireCommand.Core.Shared;

/// <summary>WGS-84 geometry factory shared by every entity (SRID 4326, x = longitude, y = latitude).</summary>
public static class Geography
{
    public const int Wgs84 = 4326;

    /// <summary>Thread-safe: NTS geometry factories are immutable.</summary>
    public static GeometryFactory Factory { get; } =
        NtsGeometryServices.Instance.CreateGeometryFactory(srid: Wgs84);

    public static Point Point(double latitude, double longitude) =>
        Factory.CreatePoint(new Coordinate(longitude, latitude));

    /// <summary>True when the coordinate is a finite latitude/longitude pair on the globe.</summary>
    public static bool IsValid(double latitude, double longitude) =>
        double.IsFinite(latitude) && double.IsFinite(longitude) &&
        latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180;
}
