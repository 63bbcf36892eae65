using FireCommand.Geo.Graph;

namespace FireCommand.Geo.Routing.Hierarchy;

/// <summary>
/// Node ordering and contraction. Priority = edge difference (shortcuts needed − arcs removed) +
/// contracted neighbours, kept with lazy updates: the popped node's priority is recomputed, and when it
/// is no longer the smallest it goes back into the queue. Witness searches run on the remaining graph
/// without the node, bounded by the longest candidate shortcut and by a settled-node count; a search
/// cut short only adds a shortcut that may be unneeded, never loses one, so the hierarchy stays exact.
/// </summary>
internal sealed class HierarchyBuilder
{
    private const int SimulateSettleLimit = 60;
    private const int ContractSettleLimit = 400;

    private readonly RoadGraph _graph;
    private readonly int _n;
    private readonly DynamicAdjacency[] _out;
    private readonly DynamicAdjacency[] _in;
    private readonly int[] _deleted;
    private readonly int[] _dist;
    private readonly int[] _stamp;
    private readonly IndexedHeap _heap;
    private int _current;

    public HierarchyBuilder(RoadGraph graph)
    {
        _graph = graph;
        _n = graph.NodeCount;
        _out = new DynamicAdjacency[_n];
        _in = new DynamicAdjacency[_n];
        for (int v = 0; v < _n; v++) { _out[v] = new DynamicAdjacency(); _in[v] = new DynamicAdjacency(); }
        for (int u = 0; u < _n; u++)
            for (int e = graph.FirstEntry[u]; e < graph.FirstEntry[u + 1]; e++)
            {
                uint h = graph.EntryHead[e];
                int v = (int)(h & RoadGraph.NodeMask);
                if ((h & RoadGraph.ForwardFlag) == 0 || v == u) continue; // loops never shorten a path
                _out[u].AddOrLower(v, graph.EntryTime[e]);
                _in[v].AddOrLower(u, graph.EntryTime[e]);
            }
        _deleted = new int[_n];
        _dist = new int[_n];
        _stamp = new int[_n];
        _heap = new IndexedHeap(_n);
    }

    public ContractionHierarchy Build()
    {
        var queue = new PriorityQueue<int, int>(_n);
        for (int v = 0; v < _n; v++) queue.Enqueue(v, Contract(v, simulate: true));
        var rank = new int[_n];
        var up = new List<(int, int)>[_n];
        var down = new List<(int, int)>[_n];
        int next = 0;
        while (queue.TryDequeue(out int v, out _))
        {
            int p = Contract(v, simulate: true);
            if (queue.TryPeek(out _, out int min) && p > min) { queue.Enqueue(v, p); continue; }
            rank[v] = next++;
            var u = new List<(int, int)>(_out[v].Count);
            for (int i = 0; i < _out[v].Count; i++) u.Add((_out[v].To(i), _out[v].Weight(i)));
            var d = new List<(int, int)>(_in[v].Count);
            for (int i = 0; i < _in[v].Count; i++) d.Add((_in[v].To(i), _in[v].Weight(i)));
            up[v] = u; down[v] = d;
            Contract(v, simulate: false);
        }
        var (upFirst, upHead, upTime) = Csr(up, rank);
        var (downFirst, downTail, downTime) = Csr(down, rank);
        return new ContractionHierarchy(_graph, rank, upFirst, upHead, upTime, downFirst, downTail, downTime);
    }

    /// <summary>CSR in rank space (node v stored at rank[v]): the top of the hierarchy, where every
    /// upward search ends, sits in a few contiguous cache lines.</summary>
    private static (int[], int[], int[]) Csr(List<(int, int)>[] lists, int[] rank)
    {
        int n = lists.Length;
        var byRank = new int[n];
        for (int v = 0; v < n; v++) byRank[rank[v]] = v;
        var first = new int[n + 1];
        for (int r = 0; r < n; r++) first[r + 1] = first[r] + lists[byRank[r]].Count;
        var head = new int[first[^1]]; var time = new int[first[^1]];
        for (int r = 0; r < n; r++)
        {
            var list = lists[byRank[r]];
            for (int i = 0; i < list.Count; i++) (head[first[r] + i], time[first[r] + i]) = (rank[list[i].Item1], list[i].Item2);
        }
        return (first, head, time);
    }

    /// <summary>Simulated: returns the priority. Real: adds the shortcuts and removes the node.</summary>
    private int Contract(int v, bool simulate)
    {
        var outs = _out[v]; var ins = _in[v];
        int shortcuts = 0, maxOut = 0;
        for (int j = 0; j < outs.Count; j++) maxOut = Math.Max(maxOut, outs.Weight(j));
        var added = simulate ? null : new List<(int From, int To, int W)>();
        for (int i = 0; i < ins.Count; i++)
        {
            int u = ins.To(i), wu = ins.Weight(i);
            Witness(u, v, (long)wu + maxOut, simulate ? SimulateSettleLimit : ContractSettleLimit);
            for (int j = 0; j < outs.Count; j++)
            {
                int x = outs.To(j);
                if (x == u) continue;
                long via = (long)wu + outs.Weight(j);
                if (_stamp[x] == _current && _dist[x] <= via) continue;
                shortcuts++;
                added?.Add((u, x, (int)Math.Min(via, int.MaxValue - 1)));
            }
        }
        if (added is null) return shortcuts - ins.Count - outs.Count + _deleted[v];
        for (int i = 0; i < ins.Count; i++) { _out[ins.To(i)].Remove(v); _deleted[ins.To(i)]++; }
        for (int j = 0; j < outs.Count; j++) { _in[outs.To(j)].Remove(v); _deleted[outs.To(j)]++; }
        foreach (var (a, b, w) in added) { _out[a].AddOrLower(b, w); _in[b].AddOrLower(a, w); }
        return 0;
    }

    /// <summary>Dijkstra from <paramref name="source"/> avoiding <paramref name="skip"/>, up to
    /// <paramref name="bound"/> or <paramref name="settleLimit"/> settled nodes.</summary>
    private void Witness(int source, int skip, long bound, int settleLimit)
    {
        if (++_current == int.MaxValue) { Array.Clear(_stamp); _current = 1; }
        _heap.Clear();
        _stamp[source] = _current; _dist[source] = 0;
        _heap.Push(source, 0);
        int settled = 0;
        while (_heap.Count > 0 && settled < settleLimit)
        {
            if (_heap.PeekKey() > bound) break;
            var (a, d) = _heap.Pop();
            settled++;
            var adj = _out[a];
            for (int i = 0; i < adj.Count; i++)
            {
                int b = adj.To(i);
                if (b == skip) continue;
                long nd = (long)d + adj.Weight(i);
                if (nd > bound) continue;
                if (_stamp[b] != _current) { _stamp[b] = _current; _dist[b] = (int)nd; _heap.Push(b, (int)nd); }
                else if (nd < _dist[b]) { _dist[b] = (int)nd; _heap.Decrease(b, (int)nd); }
            }
        }
    }
}
