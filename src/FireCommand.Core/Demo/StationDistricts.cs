using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Triangulate;

namespace FireCommand.Core.Demo;

/// <summary>
/// Response districts (责任区): the Voronoi cell of each station among the stations of its brigade
/// (each place goes to the nearest station), clipped to the brigade boundary and to a disc sized by
/// the station's kind (<see cref="StationSite.DistrictRadiusKm"/>). What no disc covers is a coverage
/// hole, which is exactly what the planning module is meant to find. Area: see
/// <see cref="Geodesy.AreaSquareKilometers"/>.
/// </summary>
internal static class StationDistricts
{
    public static void Assign(AdminPlan admin, List<StationSite> sites)
    {
        var frame = admin.Shape.Frame;
        foreach (var members in sites.GroupBy(s => s.Brigade.Id).OrderBy(g => g.Key).Select(g => g.ToList()))
        {
            var brigade = members[0].Brigade.Boundary;
            var cells = Cells(members.Select(m => m.Km).ToList());
            for (var i = 0; i < members.Count; i++)
            {
                var site = members[i];
                var disc = frame.Disc(site.Km, site.DistrictRadiusKm);
                var local = cells is null ? disc : Intersection(frame.ToWgs84(cells[i]), disc);
                var district = PieceAt(Intersection(local, brigade), site.Station.Location)
                    ?? PieceAt(Intersection(disc, brigade), site.Station.Location)
                    ?? (Polygon)disc;
                site.Station.District = Shared.Geography.Factory.CreateMultiPolygon([district]);
                site.Station.DistrictAreaSquareKilometers = Math.Round(Geodesy.AreaSquareKilometers(district), 3);
            }
        }
    }

    private static Geometry Intersection(Geometry a, Geometry b) => OverlayNGRobust.Overlay(a, b, SpatialFunction.Intersection);

    /// <summary>The piece that holds the station, else the largest; null when nothing is left.</summary>
    private static Polygon? PieceAt(Geometry g, Point station)
    {
        var pieces = Partitioner.PolygonsOnly(g).Geometries.Cast<Polygon>().Where(p => p.IsValid && p.Area > 0).ToList();
        return pieces.FirstOrDefault(p => p.Covers(station)) ?? pieces.OrderByDescending(p => p.Area).FirstOrDefault();
    }

    /// <summary>Voronoi cells on the plane, in site order; null for a lone station, whose district is its disc.</summary>
    private static Polygon[]? Cells(List<Vec> sites)
    {
        if (sites.Count < 2) return null;
        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(sites.Select(s => new Coordinate(s.X, s.Y)).ToList());
        var envelope = new Envelope(sites.Min(s => s.X), sites.Max(s => s.X), sites.Min(s => s.Y), sites.Max(s => s.Y));
        envelope.ExpandBy(50);
        builder.ClipEnvelope = envelope;
        var diagram = builder.GetDiagram(LocalFrame.Plane);
        var cells = new Polygon[sites.Count];
        for (var i = 0; i < diagram.NumGeometries; i++)
        {
            var cell = (Polygon)diagram.GetGeometryN(i);
            var site = (Coordinate)cell.UserData;
            for (var s = 0; s < sites.Count; s++)
                if (sites[s].X == site.X && sites[s].Y == site.Y) cells[s] = cell;
        }
        return cells.All(c => c is not null) ? cells : null;
    }
}
