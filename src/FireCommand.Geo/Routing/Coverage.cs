using FireCommand.Geo.Graph;
using FireCommand.Geo.Snapping;

namespace FireCommand.Geo.Routing;

/// <summary>What one station covers as the nearest station.</summary>
/// <param name="StationIndex">Index in the caller's station list.</param>
/// <param name="NodesFirst">Nodes for which this station is the fastest and within the budget.</param>
/// <param name="RoadMetersFirst">Road length reached within the budget from nodes it serves first.</param>
public readonly record struct StationCoverage(int StationIndex, int NodesFirst, double RoadMetersFirst);

/// <summary>Coverage of a road network by a set of stations within a time budget.</summary>
/// <param name="Budget">Time budget in graph units.</param>
/// <param name="TimeToNode">Per node, travel time from the nearest station (<see cref="int.MaxValue"/> when unreachable).</param>
/// <param name="NearestStation">Per node, index of the nearest station (-1 when unreachable).</param>
/// <param name="DemandCoveredShare">Share of the demand weight at nodes within the budget (0..1).</param>
/// <param name="RoadMeters">Total road length (NaN when the graph has no lengths).</param>
/// <param name="UncoveredRoadMeters">Road length not reachable within the budget (NaN when unknown).</param>
/// <param name="Stations">Per station figures.</param>
/// <param name="UncoveredPieces">Road pieces not fully covered: (node A, node B, covered share 0..1).</param>
public sealed record CoverageResult(int Budget, int[] TimeToNode, int[] NearestStation, double DemandCoveredShare,
    double RoadMeters, double UncoveredRoadMeters, IReadOnlyList<StationCoverage> Stations,
    IReadOnlyList<(int A, int B, double CoveredShare)> UncoveredPieces);

/// <summary>
/// Multi-source coverage: one search from all stations at once gives every node the time from its
/// nearest station (the 5-minute standard of 建标152-2017 is about the first engine to arrive, so the
/// nearest is what counts). Demand defaults to road length around each node, a proxy for where people
/// and buildings are when no demand layer is given. Thread-safe.
/// </summary>
public static class Coverage
{
    /// <summary>Computes coverage.</summary>
    /// <param name="engine">The routing engine.</param>
    /// <param name="stations">Station positions.</param>
    /// <param name="budget">Time budget in graph units (e.g. 3000 deciseconds = 5 min).</param>
    /// <param name="demand">Optional weight per node; default: half the length of the roads at the node.</param>
    public static CoverageResult Compute(RoutingEngine engine, IReadOnlyList<RoadPosition> stations, int budget, double[]? demand = null)
    {
        var g = engine.Graph;
        int n = g.NodeCount;
        if (demand is not null && demand.Length != n) throw new ArgumentException($"Demand needs {n} weights.", nameof(demand));
        var time = new int[n]; var nearest = new int[n];
        var search = engine.Rent();
        try
        {
            search.Reset();
            for (int s = 0; s < stations.Count; s++)
                foreach (var (node, t) in PositionSeeds.Departure(g, stations[s], engine.OffRoadTime(stations[s])))
                    search.AddSource(node, t, -1 - s);
            var order = new List<int>(n);
            var visitor = new SettleOrder(order);
            search.Run(SearchDirection.Forward, int.MaxValue, ref visitor);
            Array.Fill(time, int.MaxValue);
            Array.Fill(nearest, -1);
            // Parents are settled before children, so one pass in settle order labels every node.
            foreach (int v in order)
            {
                time[v] = search.TimeTo(v);
                int p = search.ParentOf(v);
                nearest[v] = p < 0 ? -1 - p : nearest[p];
            }
        }
        finally { engine.Return(search); }

        demand ??= DefaultDemand(g);
        double total = 0, covered = 0;
        for (int v = 0; v < n; v++)
        {
            total += demand[v];
            if (time[v] <= budget) covered += demand[v];
        }
        var (roadMeters, uncoveredMeters, pieces, perStationMeters) = RoadCoverage(g, time, nearest, budget, stations.Count);
        var perStation = new StationCoverage[stations.Count];
        var nodesFirst = new int[stations.Count];
        for (int v = 0; v < n; v++) if (time[v] <= budget && nearest[v] >= 0) nodesFirst[nearest[v]]++;
        for (int s = 0; s < perStation.Length; s++) perStation[s] = new StationCoverage(s, nodesFirst[s], perStationMeters[s]);
        return new CoverageResult(budget, time, nearest, total > 0 ? covered / total : 0, roadMeters, uncoveredMeters, perStation, pieces);
    }

    private static double[] DefaultDemand(RoadGraph g)
    {
        var demand = new double[g.NodeCount];
        for (int v = 0; v < demand.Length; v++)
            for (int e = g.FirstEntry[v]; e < g.FirstEntry[v + 1]; e++)
                demand[v] += g.EntryLength is null ? 0.5 : g.EntryLength[e] / 2;
        return demand;
    }

    /// <summary>Per road piece, the share reached from either end within the budget.</summary>
    private static (double Total, double Uncovered, List<(int, int, double)> Pieces, double[] PerStation) RoadCoverage(
        RoadGraph g, int[] time, int[] nearest, int budget, int stationCount)
    {
        double total = 0, uncovered = 0;
        var pieces = new List<(int, int, double)>();
        var perStation = new double[stationCount];
        for (int a = 0; a < g.NodeCount; a++)
        {
            int e = g.FirstEntry[a], end = g.FirstEntry[a + 1];
            while (e < end)
            {
                int b = (int)(g.EntryHead[e] & RoadGraph.NodeMask);
                int ab = -1, ba = -1;
                double len = double.NaN;
                for (; e < end && (int)(g.EntryHead[e] & RoadGraph.NodeMask) == b; e++) // rows sorted by neighbour
                {
                    if ((g.EntryHead[e] & RoadGraph.ForwardFlag) != 0 && (ab < 0 || g.EntryTime[e] < ab)) ab = g.EntryTime[e];
                    if ((g.EntryHead[e] & RoadGraph.BackwardFlag) != 0 && (ba < 0 || g.EntryTime[e] < ba)) ba = g.EntryTime[e];
                    if (g.EntryLength is not null && !(g.EntryLength[e] >= len)) len = g.EntryLength[e];
                }
                if (b <= a) continue; // each piece once
                double fromA = Reach(time[a], ab, budget), fromB = Reach(time[b], ba, budget);
                double share = Math.Min(1, fromA + fromB);
                if (g.EntryLength is not null)
                {
                    total += len;
                    uncovered += (1 - share) * len;
                    if (nearest[a] >= 0) perStation[nearest[a]] += Math.Min(fromA, share) * len;
                    if (nearest[b] >= 0) perStation[nearest[b]] += Math.Min(fromB, share - Math.Min(fromA, share)) * len;
                }
                if (share < 1) pieces.Add((a, b, share));
            }
        }
        return g.EntryLength is null ? (double.NaN, double.NaN, pieces, perStation) : (total, uncovered, pieces, perStation);
    }

    private static double Reach(int start, int arcTime, int budget) =>
        arcTime < 0 || start > budget ? 0 : arcTime == 0 ? 1 : Math.Min(1, (double)(budget - start) / arcTime);

    private readonly struct SettleOrder(List<int> order) : ISettleVisitor
    {
        public bool Settle(int node, int time)
        {
            order.Add(node);
            return false;
        }
    }
}
