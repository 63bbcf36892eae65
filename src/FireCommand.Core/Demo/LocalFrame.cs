using FireCommand.Core.Shared;
using NetTopologySuite.Geometries;

namespace FireCommand.Core.Demo;

/// <summary>
/// The generator lays the province out on a flat kilometre plane around its centre and maps it to
/// WGS-84 with an equirectangular projection. The map is affine, so straight lines, containment and
/// Voronoi cells keep their meaning; at 400 km across the scale error stays under 2 %, invisible on
/// a demo map. Immutable.
/// </summary>
internal sealed class LocalFrame
{
    // On the same sphere as Geodesy (R = 6371.0088 km), so planned distances and areas agree with
    // the haversine lengths and spherical areas stored on the entities.
    private const double KmPerDegreeLatitude = Geodesy.EarthRadiusMeters / 1000 * DetMath.Pi / 180;
    private const double KmPerDegreeLongitudeAtEquator = KmPerDegreeLatitude;

    /// <summary>The plane's own factory; its geometries never leave the generator.</summary>
    public static GeometryFactory Plane { get; } = new(new PrecisionModel(), 0);

    public LocalFrame(double centreLatitude, double centreLongitude)
    {
        CentreLatitude = centreLatitude;
        CentreLongitude = centreLongitude;
        KmPerDegreeLongitude = KmPerDegreeLongitudeAtEquator * DetMath.Cos(centreLatitude * DetMath.DegreesToRadians);
    }

    public double CentreLatitude { get; }
    public double CentreLongitude { get; }
    public double KmPerDegreeLongitude { get; }

    public Coordinate ToLonLat(Vec p) =>
        new(CentreLongitude + p.X / KmPerDegreeLongitude, CentreLatitude + p.Y / KmPerDegreeLatitude);

    public Vec ToKm(Coordinate c) =>
        new((c.X - CentreLongitude) * KmPerDegreeLongitude, (c.Y - CentreLatitude) * KmPerDegreeLatitude);

    public Point Point(Vec p) => Geography.Factory.CreatePoint(ToLonLat(p));

    /// <summary>Copies a plane geometry into WGS-84 (SRID 4326).</summary>
    public Geometry ToWgs84(Geometry planar)
    {
        var copy = Geography.Factory.CreateGeometry(planar);
        copy.Apply(new Projector(this));
        copy.GeometryChanged();
        return copy;
    }

    /// <summary>
    /// A 64-sided disc of <paramref name="radiusKm"/> around a plane point, drawn in WGS-84 with the
    /// longitude scale of its own latitude rather than the frame's centre latitude, so its area is
    /// right even 200 km north or south of the centre (that difference alone is ±2 %).
    /// </summary>
    public Polygon Disc(Vec centre, double radiusKm)
    {
        const int sides = 64;
        var c = ToLonLat(centre);
        var kmPerDegreeLongitude = KmPerDegreeLongitudeAtEquator * DetMath.Cos(c.Y * DetMath.DegreesToRadians);
        var ring = new Coordinate[sides + 1];
        for (var i = 0; i < sides; i++)
        {
            var d = Vec.FromAngle(2 * DetMath.Pi * i / sides) * radiusKm;
            ring[i] = new Coordinate(c.X + d.X / kmPerDegreeLongitude, c.Y + d.Y / KmPerDegreeLatitude);
        }
        ring[sides] = ring[0].Copy();
        return Geography.Factory.CreatePolygon(ring);
    }

    public LineString LineString(IReadOnlyList<Vec> points)
    {
        var coordinates = new Coordinate[points.Count];
        for (var i = 0; i < points.Count; i++) coordinates[i] = ToLonLat(points[i]);
        return Geography.Factory.CreateLineString(coordinates);
    }

    private sealed class Projector(LocalFrame frame) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var c = frame.ToLonLat(new Vec(seq.GetX(i), seq.GetY(i)));
            seq.SetX(i, c.X);
            seq.SetY(i, c.Y);
        }
    }
}
