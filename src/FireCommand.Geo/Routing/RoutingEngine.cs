using System.Collections.Concurrent;
using FireCommand.Geo.Graph;
using FireCommand.Geo.Profiles;
using FireCommand.Geo.Snapping;

namespace FireCommand.Geo.Routing;

/// <summary>
/// The travel-time engine over one road network: snapping, unit-to-incident times, routes,
/// isochrones and coverage. Searches reuse pooled working arrays, so a query allocates little beyond
/// its answer.
/// </summary>
/// <remarks>Thread-safe: the graph and index are immutable and each call rents its own search.</remarks>
public sealed partial class RoutingEngine
{
    private readonly ConcurrentBag<GraphSearch> _pool = [];
    private readonly Lazy<RoadSnapper> _snapper;

    /// <summary>Creates an engine; <paramref name="profile"/> supplies the off-road speed.</summary>
    public RoutingEngine(RoadNetwork network, FireEngineProfile? profile = null)
    {
        Network = network;
        Profile = profile ?? FireEngineProfile.Default;
        _snapper = new Lazy<RoadSnapper>(() => new RoadSnapper(network.Graph), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The network queried.</summary>
    public RoadNetwork Network { get; }

    /// <summary>The graph queried.</summary>
    public RoadGraph Graph => Network.Graph;

    /// <summary>The speed profile (off-road speed).</summary>
    public FireEngineProfile Profile { get; }

    /// <summary>The spatial index, built on first use.</summary>
    public RoadSnapper Snapper => _snapper.Value;

    /// <summary>Snaps a point; see <see cref="RoadSnapper.Snap"/>.</summary>
    public SnapResult Snap(GeoPoint point, double maxOffRoadMeters = 500) => Snapper.Snap(point, maxOffRoadMeters);

    /// <summary>The position of a graph node.</summary>
    public RoadPosition AtNode(int node) =>
        RoadPosition.AtNode(node, Graph.HasCoordinates ? Graph.Coordinate(node) : default);

    /// <summary>Time of the off-road leg in graph units. DIMACS weights have no time meaning, so
    /// there the leg is free (and reported in metres only).</summary>
    public int OffRoadTime(RoadPosition p) =>
        Graph.TimeUnit == TravelTimeUnit.Deciseconds && p.OffRoadMeters > 0
            ? (int)Math.Round(p.OffRoadMeters / (Profile.OffRoadSpeedKmh / 3.6) * 10)
            : 0;

    /// <summary>Fastest time from one node to all nodes (<see cref="int.MaxValue"/> when unreachable),
    /// or to it from all nodes for <see cref="SearchDirection.Backward"/>.</summary>
    public int[] OneToAll(int node, SearchDirection direction = SearchDirection.Forward)
    {
        var search = Rent();
        try
        {
            search.Reset();
            search.AddSource(node, 0);
            search.Run(direction);
            var result = new int[Graph.NodeCount];
            for (int v = 0; v < result.Length; v++) result[v] = search.TimeTo(v);
            return result;
        }
        finally { Return(search); }
    }

    /// <summary>Fastest time between two nodes, or <see cref="int.MaxValue"/> when unreachable.</summary>
    public int NodeToNode(int from, int to)
    {
        var search = Rent();
        try
        {
            search.Reset();
            search.AddSource(from, 0);
            var stop = new StopAtNode(to);
            search.Run(SearchDirection.Forward, int.MaxValue, ref stop);
            return stop.Reached ? search.TimeTo(to) : int.MaxValue;
        }
        finally { Return(search); }
    }

    /// <summary>Times from one node to several targets with one search (stops when all are settled).
    /// Unreachable targets get <see cref="int.MaxValue"/>.</summary>
    public int[] OneToMany(int from, IReadOnlyList<int> targets)
    {
        var search = Rent();
        try
        {
            search.Reset();
            search.AddSource(from, 0);
            var pending = new HashSet<int>(targets);
            var stop = new StopWhenAllSettled(pending);
            search.Run(SearchDirection.Forward, int.MaxValue, ref stop);
            var result = new int[targets.Count];
            for (int i = 0; i < result.Length; i++)
                result[i] = pending.Contains(targets[i]) ? int.MaxValue : search.TimeTo(targets[i]);
            return result;
        }
        finally { Return(search); }
    }

    internal GraphSearch Rent() => _pool.TryTake(out var s) ? s : new GraphSearch(Graph);

    internal void Return(GraphSearch search) => _pool.Add(search);

    private struct StopAtNode(int target) : ISettleVisitor
    {
        public bool Reached;
        public bool Settle(int node, int time) => Reached = node == target;
    }

    private readonly struct StopWhenAllSettled(HashSet<int> pending) : ISettleVisitor
    {
        public bool Settle(int node, int time) => pending.Remove(node) && pending.Count == 0;
    }
}
