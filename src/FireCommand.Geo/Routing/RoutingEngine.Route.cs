using FireCommand.Geo.Snapping;

namespace FireCommand.Geo.Routing;

/// <summary>Kind of a route leg.</summary>
public enum RouteLegKind
{
    /// <summary>Straight line between the requested point and the road.</summary>
    OffRoad,
    /// <summary>Along a road piece (possibly part of one).</summary>
    Road,
}

/// <summary>One stretch of a route.</summary>
/// <param name="Kind">Off-road or road.</param>
/// <param name="From">Start point.</param>
/// <param name="To">End point.</param>
/// <param name="Time">Time in graph units.</param>
/// <param name="LengthMeters">Length, NaN when the graph has no lengths.</param>
public readonly record struct RouteLeg(RouteLegKind Kind, GeoPoint From, GeoPoint To, int Time, double LengthMeters);

/// <summary>A fastest route: total time, node sequence and legs whose times add up to the total.</summary>
/// <param name="Time">Total time in graph units.</param>
/// <param name="Nodes">Graph nodes passed, in order (empty when both ends are on the same piece).</param>
/// <param name="Legs">Legs in driving order.</param>
public sealed record Route(int Time, IReadOnlyList<int> Nodes, IReadOnlyList<RouteLeg> Legs)
{
    /// <summary>Polyline for the map: the start of every leg and the end of the last.</summary>
    public IReadOnlyList<GeoPoint> Geometry =>
        Legs.Count == 0 ? [] : [.. Legs.Select(l => l.From), Legs[^1].To];

    /// <summary>Total length in metres (NaN when unknown).</summary>
    public double LengthMeters => Legs.Sum(l => l.LengthMeters);
}

public sealed partial class RoutingEngine
{
    /// <summary>The fastest route between two positions, or null when the destination cannot be reached.</summary>
    public Route? Route(RoadPosition from, RoadPosition to)
    {
        int startOff = OffRoadTime(from), endOff = OffRoadTime(to);
        var targets = PositionSeeds.Arrival(Graph, to, 0);
        var search = Rent();
        try
        {
            search.Reset();
            foreach (var (node, time) in PositionSeeds.Departure(Graph, from, startOff)) search.AddSource(node, time);
            var visitor = new RouteVisitor(targets);
            search.Run(SearchDirection.Forward, int.MaxValue, ref visitor);
            int? direct = PositionSeeds.Direct(Graph, from, to) is { } d ? d + startOff : null;
            if (visitor.BestNode < 0 && direct is null) return null;
            var legs = new List<RouteLeg>();
            var start = from.RoadPoint;
            if (from.OffRoadMeters > 0) legs.Add(OffRoadLeg(start, from, startOff, toward: false));
            if (direct is { } dt && (visitor.BestNode < 0 || dt <= visitor.BestTime))
            {
                legs.Add(new RouteLeg(RouteLegKind.Road, from.RoadPoint, to.RoadPoint, dt - startOff, PieceLength(from, from.Fraction, to.Fraction)));
                AddEnd(legs, to, endOff);
                return new Route(dt + endOff, [], legs);
            }
            var nodes = new List<int>();
            for (int v = visitor.BestNode; v >= 0; v = search.ParentOf(v)) nodes.Add(v);
            nodes.Reverse();
            int first = nodes[0];
            if (!from.IsNode)
                legs.Add(new RouteLeg(RouteLegKind.Road, from.RoadPoint, NodePoint(first), search.TimeTo(first) - startOff,
                    PieceLength(from, from.Fraction, first == from.NodeA ? 0 : 1)));
            for (int i = 0; i + 1 < nodes.Count; i++)
                legs.Add(new RouteLeg(RouteLegKind.Road, NodePoint(nodes[i]), NodePoint(nodes[i + 1]),
                    search.TimeTo(nodes[i + 1]) - search.TimeTo(nodes[i]), Graph.ArcLengthMeters(nodes[i], nodes[i + 1])));
            int last = nodes[^1];
            if (!to.IsNode)
                legs.Add(new RouteLeg(RouteLegKind.Road, NodePoint(last), to.RoadPoint, visitor.BestTime - search.TimeTo(last),
                    PieceLength(to, last == to.NodeA ? 0 : 1, to.Fraction)));
            AddEnd(legs, to, endOff);
            return new Route(visitor.BestTime + endOff, nodes, legs);
        }
        finally { Return(search); }
    }

    private void AddEnd(List<RouteLeg> legs, RoadPosition to, int endOff)
    {
        if (to.OffRoadMeters > 0) legs.Add(OffRoadLeg(to.RoadPoint, to, endOff, toward: true));
    }

    private static RouteLeg OffRoadLeg(GeoPoint roadPoint, RoadPosition p, int time, bool toward) =>
        toward
            ? new(RouteLegKind.OffRoad, roadPoint, p.Requested, time, p.OffRoadMeters)
            : new(RouteLegKind.OffRoad, p.Requested, roadPoint, time, p.OffRoadMeters);

    private GeoPoint NodePoint(int node) => Graph.HasCoordinates ? Graph.Coordinate(node) : default;

    private double PieceLength(RoadPosition p, double fromFraction, double toFraction) =>
        p.IsNode ? 0 : Math.Abs(toFraction - fromFraction) * Graph.ArcLengthMeters(p.NodeA, p.NodeB);

    private struct RouteVisitor(List<(int Node, int Time)> targets) : ISettleVisitor
    {
        public int BestNode = -1;
        public int BestTime = int.MaxValue;

        public bool Settle(int node, int time)
        {
            // Nothing settled later can beat a best time already at or below the settled radius.
            if (BestNode >= 0 && time >= BestTime) return true;
            foreach (var (n, t) in targets)
                if (n == node && (long)time + t < BestTime) { BestTime = time + t; BestNode = node; }
            return false;
        }
    }
}
