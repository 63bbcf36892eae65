using FireCommand.Geo.Graph;

namespace FireCommand.Tests;

/// <summary>
/// The plainest correct shortest-path code: an explicit arc list per node and .NET's PriorityQueue
/// with lazy deletion. It shares nothing with the engine (not its CSR, heap or search stamps), so an
/// agreement between the two is evidence rather than an echo.
/// </summary>
internal sealed class ReferenceDijkstra
{
    private readonly List<(int To, int W)>[] _out;

    public ReferenceDijkstra(int nodeCount, IEnumerable<(int From, int To, int W)> arcs)
    {
        _out = new List<(int, int)>[nodeCount];
        for (int i = 0; i < nodeCount; i++) _out[i] = [];
        foreach (var (f, t, w) in arcs) _out[f].Add((t, w));
    }

    public static ReferenceDijkstra From(RoadGraph g) =>
        new(g.NodeCount, g.AllArcs().Select(a => (a.Tail, a.Arc.Other, a.Arc.Time)));

    public static ReferenceDijkstra Reverse(RoadGraph g) =>
        new(g.NodeCount, g.AllArcs().Select(a => (a.Arc.Other, a.Tail, a.Arc.Time)));

    /// <summary>long.MaxValue for unreachable nodes.</summary>
    public long[] FromSources(params (int Node, long Start)[] sources)
    {
        var dist = new long[_out.Length];
        Array.Fill(dist, long.MaxValue);
        var queue = new PriorityQueue<int, long>();
        foreach (var (node, start) in sources)
            if (start < dist[node]) { dist[node] = start; queue.Enqueue(node, start); }
        while (queue.TryDequeue(out int u, out long d))
        {
            if (d > dist[u]) continue;
            foreach (var (v, w) in _out[u])
                if (d + w < dist[v]) { dist[v] = d + w; queue.Enqueue(v, d + w); }
        }
        return dist;
    }
}
