using FireCommand.Geo.Graph;
using FireCommand.Geo.Snapping;
using NetTopologySuite.Algorithm.Hull;
using NetTopologySuite.Geometries;

namespace FireCommand.Geo.Routing;

/// <summary>What a station reaches within a time budget.</summary>
/// <param name="Budget">The budget in graph units.</param>
/// <param name="Area">Polygon around the reached roads (concave hull; x = longitude, y = latitude, SRID 4326).</param>
/// <param name="ReachedRoads">The reachable road network, partial pieces cut where the budget runs out.</param>
/// <param name="ReachedNodes">Nodes reached within the budget.</param>
/// <param name="ReachedRoadMeters">Length of <paramref name="ReachedRoads"/>, NaN when the graph has no lengths.</param>
public sealed record Isochrone(int Budget, Geometry Area, MultiLineString ReachedRoads, int ReachedNodes, double ReachedRoadMeters);

/// <summary>Builds isochrones. Thread-safe (uses the engine's pooled searches).</summary>
public static class Isochrones
{
    /// <summary>Longest hull edge, in degrees (~300 m): small enough to follow a valley road, large
    /// enough not to cut between the parallel streets of a block.</summary>
    private const double HullEdgeDegrees = 0.003;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>Everything reachable from <paramref name="from"/> within <paramref name="budget"/> graph units.</summary>
    public static Isochrone Compute(RoutingEngine engine, RoadPosition from, int budget)
    {
        var g = engine.Graph;
        if (!g.HasCoordinates) throw new InvalidOperationException("Isochrones need node coordinates.");
        var search = engine.Rent();
        try
        {
            search.Reset();
            foreach (var (node, time) in PositionSeeds.Departure(g, from, engine.OffRoadTime(from)))
                search.AddSource(node, time);
            var settled = new List<int>();
            var visitor = new Collect(settled);
            search.Run(SearchDirection.Forward, budget, ref visitor);

            var lines = new List<LineString>();
            var points = new List<Coordinate> { ToCoordinate(from.RoadPoint) };
            double meters = 0;
            if (!from.IsNode)
                foreach (var (node, _) in PositionSeeds.Departure(g, from, 0))
                    if (search.TimeTo(node) <= budget) AddLine(lines, from.RoadPoint, g.Coordinate(node));
            foreach (int u in settled)
            {
                int du = search.TimeTo(u);
                points.Add(ToCoordinate(g.Coordinate(u)));
                for (int e = g.FirstEntry[u]; e < g.FirstEntry[u + 1]; e++)
                {
                    uint h = g.EntryHead[e];
                    if ((h & RoadGraph.ForwardFlag) == 0) continue;
                    int v = (int)(h & RoadGraph.NodeMask), w = g.EntryTime[e];
                    double len = g.EntryLength?[e] ?? double.NaN;
                    if ((long)du + w <= budget)
                    {
                        // A two-way piece reached fully from both ends is drawn once.
                        bool reverseFull = (h & RoadGraph.BackwardFlag) != 0 && (long)search.TimeTo(v) + w <= budget;
                        if (reverseFull && v < u) continue;
                        AddLine(lines, g.Coordinate(u), g.Coordinate(v));
                        meters += len;
                    }
                    else if (w > 0)
                    {
                        double share = (double)(budget - du) / w;
                        var a = g.Coordinate(u); var b = g.Coordinate(v);
                        var end = new GeoPoint(a.Latitude + (b.Latitude - a.Latitude) * share, a.Longitude + (b.Longitude - a.Longitude) * share);
                        if (share > 0) AddLine(lines, a, end);
                        points.Add(ToCoordinate(end));
                        meters += share * len;
                    }
                }
            }
            var cloud = Factory.CreateMultiPointFromCoords(points.ToArray());
            Geometry area = points.Count >= 3 ? ConcaveHull.ConcaveHullByLength(cloud, HullEdgeDegrees) : cloud.Buffer(0.0005);
            if (area is not Polygon and not MultiPolygon) area = area.Buffer(0.0002);
            return new Isochrone(budget, area, Factory.CreateMultiLineString(lines.ToArray()), settled.Count, meters);
        }
        finally { engine.Return(search); }
    }

    private static void AddLine(List<LineString> lines, GeoPoint a, GeoPoint b) =>
        lines.Add(Factory.CreateLineString([ToCoordinate(a), ToCoordinate(b)]));

    internal static Coordinate ToCoordinate(GeoPoint p) => new(p.Longitude, p.Latitude);

    private readonly struct Collect(List<int> settled) : ISettleVisitor
    {
        public bool Settle(int node, int time)
        {
            settled.Add(node);
            return false;
        }
    }
}
