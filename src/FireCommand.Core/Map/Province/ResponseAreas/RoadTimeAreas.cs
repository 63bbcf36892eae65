using FireCommand.Core.Shared;
using FireCommand.Geo.Graph;
using FireCommand.Geo.Routing;
using FireCommand.Geo.Snapping;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Union;
using NetTopologySuite.Triangulate;

namespace FireCommand.Core.Map.Province.ResponseAreas;

/// <summary>
/// Station response areas (责任区) as the road-time Voronoi of the stations: every road node belongs to
/// the station whose fire engine reaches it first (one multi-source Dijkstra from all stations on the
/// fire-engine graph), and each station's area is the union of the nearest-node cells of its nodes,
/// clipped to the corps' boundary. The cells tile the jurisdiction without gaps or overlaps, so the map
/// reads like the corps' own 责任区 map: every point belongs to the station that serves the road nearest
/// to it. A station whose engine reaches a piece beyond another station's area first (over a bridge, along
/// a motorway) gets that piece as a second part. Pure and deterministic.
/// </summary>
public static class RoadTimeAreas
{
    /// <summary>For each graph node the index of the station that reaches it first (-1 when none does), and
    /// the time in graph units.</summary>
    public static (int[] Station, int[] Time) Assign(RoutingEngine engine, IReadOnlyList<RoadPosition> stations)
    {
        var result = Coverage.Compute(engine, stations, budget: 0);
        return (result.NearestStation, result.TimeToNode);
    }

    /// <summary>Each station's area (null for a station that reaches no node first).</summary>
    public static MultiPolygon?[] Areas(RoadGraph graph, int[] nearestStation, int stationCount, Geometry clip)
    {
        // One site per distinct coordinate; two nodes on one spot (a bridge over a road) take the first.
        var owner = new Dictionary<(double, double), int>();
        var sites = new List<Coordinate>();
        for (var v = 0; v < graph.NodeCount; v++)
        {
            if (nearestStation[v] < 0) continue;
            var p = graph.Coordinate(v);
            if (owner.TryAdd((p.Longitude, p.Latitude), nearestStation[v])) sites.Add(new Coordinate(p.Longitude, p.Latitude));
        }
        var areas = new MultiPolygon?[stationCount];
        if (sites.Count == 0) return areas;
        var frame = new Envelope(clip.EnvelopeInternal);
        foreach (var c in sites) frame.ExpandToInclude(c);
        frame.ExpandBy(0.01);

        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(sites);
        builder.ClipEnvelope = frame;
        var diagram = builder.GetDiagram(Geography.Factory);
        var cells = new List<Geometry>[stationCount];
        for (var i = 0; i < diagram.NumGeometries; i++)
        {
            var cell = diagram.GetGeometryN(i);
            if (cell.UserData is not Coordinate site || !owner.TryGetValue((site.X, site.Y), out var s)) continue;
            (cells[s] ??= []).Add(cell);
        }
        for (var s = 0; s < stationCount; s++)
        {
            if (cells[s] is null) continue;
            var union = CascadedPolygonUnion.Union(cells[s]);
            areas[s] = Polygons(OverlayNGRobust.Overlay(union, clip, SpatialFunction.Intersection));
        }
        return areas;
    }

    /// <summary>The polygons of <paramref name="g"/> as a multipolygon; null when it has no area.</summary>
    internal static MultiPolygon? Polygons(Geometry g)
    {
        var parts = Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN).OfType<Polygon>().Where(p => !p.IsEmpty && p.Area > 0)
            .ToArray();
        return parts.Length == 0 ? null : Geography.Factory.CreateMultiPolygon(parts);
    }
}
