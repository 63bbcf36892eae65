using FireCommand.Geo.Graph;
using FireCommand.Geo.Snapping;

namespace FireCommand.Geo.Routing;

/// <summary>
/// Where a search starts or ends for a position part-way along a road piece: the piece's end nodes,
/// each with the share of the piece's time needed to get there (departing) or to come from there
/// (arriving), honouring one-way pieces. Stateless and thread-safe.
/// </summary>
internal static class PositionSeeds
{
    /// <summary>(node, time) pairs a vehicle leaving <paramref name="p"/> can reach first.</summary>
    public static List<(int Node, int Time)> Departure(RoadGraph g, RoadPosition p, int offRoad)
    {
        if (p.IsNode) return [(p.NodeA, offRoad)];
        var seeds = new List<(int, int)>(2);
        int ab = g.ArcTime(p.NodeA, p.NodeB), ba = g.ArcTime(p.NodeB, p.NodeA);
        if (ab >= 0) seeds.Add((p.NodeB, offRoad + Part(1 - p.Fraction, ab)));
        if (ba >= 0) seeds.Add((p.NodeA, offRoad + Part(p.Fraction, ba)));
        return seeds;
    }

    /// <summary>(node, time) pairs from which a vehicle reaches <paramref name="p"/> directly.</summary>
    public static List<(int Node, int Time)> Arrival(RoadGraph g, RoadPosition p, int offRoad)
    {
        if (p.IsNode) return [(p.NodeA, offRoad)];
        var seeds = new List<(int, int)>(2);
        int ab = g.ArcTime(p.NodeA, p.NodeB), ba = g.ArcTime(p.NodeB, p.NodeA);
        if (ab >= 0) seeds.Add((p.NodeA, offRoad + Part(p.Fraction, ab)));
        if (ba >= 0) seeds.Add((p.NodeB, offRoad + Part(1 - p.Fraction, ba)));
        return seeds;
    }

    /// <summary>Time along the same piece from <paramref name="from"/> to <paramref name="to"/> without
    /// passing a node, or null when they are on different pieces or the direction is not allowed.</summary>
    public static int? Direct(RoadGraph g, RoadPosition from, RoadPosition to)
    {
        if (from.IsNode || to.IsNode || from.NodeA != to.NodeA || from.NodeB != to.NodeB) return null;
        int time = to.Fraction >= from.Fraction ? g.ArcTime(from.NodeA, from.NodeB) : g.ArcTime(from.NodeB, from.NodeA);
        return time < 0 ? null : Part(Math.Abs(to.Fraction - from.Fraction), time);
    }

    public static int Part(double share, int time) => (int)Math.Round(share * time);
}
