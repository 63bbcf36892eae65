namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>
/// Min-cost max-flow by successive shortest paths (Bellman–Ford queue variant, so residual arcs
/// with negative cost are fine). Each augmentation follows a cheapest path, which keeps the flow
/// of every value the cheapest of that value; stopping when no path is left gives the cheapest
/// maximum flow. Exact on integer costs. The networks here have a few hundred arcs and at most a
/// few dozen augmentations, so the simple variant is fast enough and easy to check.
/// </summary>
/// <remarks>Deterministic: a node's arcs are scanned newest first and the queue is FIFO. Not thread-safe.</remarks>
internal sealed class MinCostFlow(int nodeCount)
{
    private readonly List<int> _to = [], _cap = [], _next = [];
    private readonly List<long> _cost = [];
    private readonly int[] _first = Enumerable.Repeat(-1, nodeCount).ToArray();

    public int NodeCount => _first.Length;

    /// <summary>Adds an arc and its residual twin; returns the arc's index for <see cref="Flow"/>.</summary>
    public int AddArc(int from, int to, int capacity, long cost)
    {
        int index = _to.Count;
        Push(from, to, capacity, cost);
        Push(to, from, 0, -cost);
        return index;
    }

    /// <summary>Flow on an arc added by <see cref="AddArc"/>.</summary>
    public int Flow(int arc) => _cap[arc ^ 1];

    /// <summary>Pushes as much flow as possible from <paramref name="source"/> to <paramref name="sink"/> at least cost.</summary>
    public (int Flow, long Cost) Run(int source, int sink)
    {
        int n = NodeCount, flow = 0;
        long cost = 0;
        var dist = new long[n];
        var via = new int[n];
        var queued = new bool[n];
        var queue = new Queue<int>();
        while (true)
        {
            Array.Fill(dist, long.MaxValue);
            Array.Fill(via, -1);
            dist[source] = 0;
            queue.Enqueue(source);
            queued[source] = true;
            while (queue.TryDequeue(out int u))
            {
                queued[u] = false;
                for (int a = _first[u]; a >= 0; a = _next[a])
                {
                    if (_cap[a] == 0) continue;
                    int v = _to[a];
                    long d = dist[u] + _cost[a];
                    if (d >= dist[v]) continue;
                    dist[v] = d;
                    via[v] = a;
                    if (!queued[v]) { queued[v] = true; queue.Enqueue(v); }
                }
            }
            if (dist[sink] == long.MaxValue) return (flow, cost);
            int push = int.MaxValue;
            for (int v = sink; v != source; v = _to[via[v] ^ 1]) push = Math.Min(push, _cap[via[v]]);
            for (int v = sink; v != source; v = _to[via[v] ^ 1])
            {
                _cap[via[v]] -= push;
                _cap[via[v] ^ 1] += push;
            }
            flow += push;
            cost += push * dist[sink];
        }
    }

    private void Push(int from, int to, int capacity, long cost)
    {
        _to.Add(to);
        _cap.Add(capacity);
        _cost.Add(cost);
        _next.Add(_first[from]);
        _first[from] = _to.Count - 1;
    }
}
