using FireCommand.Tests;
using FireCommand.Geo.Graph;
using FireCommand.Geo.Routing;
using FireCommand.Geo.Snapping;

namespace FireCommand.Geo.Tests.Support;

/// <summary>Brute-force time between two road positions: every combination of the pieces' ends,
/// distances from <see cref="ReferenceDijkstra"/>, plus the direct drive along a shared piece.</summary>
internal static class PositionReference
{
    public static long Time(RoutingEngine engine, ReferenceDijkstra reference, RoadPosition from, RoadPosition to)
    {
        var g = engine.Graph;
        long best = long.MaxValue;
        foreach (var (a, ca) in Exits(g, from))
        {
            var d = reference.FromSources((a, 0));
            foreach (var (b, cb) in Entries(g, to))
                if (d[b] != long.MaxValue) best = Math.Min(best, ca + d[b] + cb);
        }
        if (!from.IsNode && !to.IsNode && from.NodeA == to.NodeA && from.NodeB == to.NodeB)
        {
            int t = to.Fraction >= from.Fraction ? g.ArcTime(from.NodeA, from.NodeB) : g.ArcTime(from.NodeB, from.NodeA);
            if (t >= 0) best = Math.Min(best, (long)Math.Round(Math.Abs(to.Fraction - from.Fraction) * t));
        }
        return best == long.MaxValue ? best : best + engine.OffRoadTime(from) + engine.OffRoadTime(to);
    }

    /// <summary>Time from a position to every node (long.MaxValue when unreachable).</summary>
    public static long[] ToAllNodes(RoutingEngine engine, ReferenceDijkstra reference, RoadPosition from) =>
        reference.FromSources(Exits(engine.Graph, from).Select(e => (e.Item1, e.Item2 + engine.OffRoadTime(from))).ToArray());

    private static IEnumerable<(int, long)> Exits(RoadGraph g, RoadPosition p)
    {
        if (p.IsNode) { yield return (p.NodeA, 0); yield break; }
        int ab = g.ArcTime(p.NodeA, p.NodeB), ba = g.ArcTime(p.NodeB, p.NodeA);
        if (ab >= 0) yield return (p.NodeB, (long)Math.Round((1 - p.Fraction) * ab));
        if (ba >= 0) yield return (p.NodeA, (long)Math.Round(p.Fraction * ba));
    }

    private static IEnumerable<(int, long)> Entries(RoadGraph g, RoadPosition p)
    {
        if (p.IsNode) { yield return (p.NodeA, 0); yield break; }
        int ab = g.ArcTime(p.NodeA, p.NodeB), ba = g.ArcTime(p.NodeB, p.NodeA);
        if (ab >= 0) yield return (p.NodeA, (long)Math.Round(p.Fraction * ab));
        if (ba >= 0) yield return (p.NodeB, (long)Math.Round((1 - p.Fraction) * ba));
    }

    /// <summary>A random point near the graph's nodes, snapped.</summary>
    public static RoadPosition RandomPosition(RoutingEngine engine, Random rng)
    {
        while (true)
        {
            var n = engine.Graph.Coordinate(rng.Next(engine.Graph.NodeCount));
            var p = new GeoPoint(n.Latitude + (rng.NextDouble() - 0.5) * 0.002, n.Longitude + (rng.NextDouble() - 0.5) * 0.002);
            if (engine.Snap(p).Position is { } pos) return pos;
        }
    }
}
