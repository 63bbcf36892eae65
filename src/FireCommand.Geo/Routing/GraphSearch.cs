using System.Runtime.CompilerServices;
using FireCommand.Geo.Graph;

namespace FireCommand.Geo.Routing;

/// <summary>Which way a search follows the arcs.</summary>
public enum SearchDirection
{
    /// <summary>From the sources along arcs: "how long from the station to everywhere".</summary>
    Forward = 0,
    /// <summary>Against the arcs: "how long from everywhere to the incident".</summary>
    Backward = 1,
}

/// <summary>Called for each node as it is settled; return true to stop the search.</summary>
internal interface ISettleVisitor
{
    bool Settle(int node, int time);
}

internal struct NoStop : ISettleVisitor
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool Settle(int node, int time) => false;
}

/// <summary>
/// Dijkstra's algorithm over a <see cref="RoadGraph"/> with its working arrays allocated once per
/// graph. A search stamp marks which entries belong to the current query, so a bounded search that
/// touches 2,000 nodes costs 2,000 nodes, not a reset of all of them. Several sources with start
/// times give multi-source searches (nearest station) and positions part-way along an arc.
/// </summary>
/// <remarks>Not thread-safe: one instance per thread; <see cref="RoutingEngine"/> pools them.</remarks>
public sealed class GraphSearch
{
    private readonly RoadGraph _graph;
    private readonly int[] _time;
    private readonly int[] _stamp;
    private readonly int[] _parent;
    private readonly IndexedHeap _heap;
    private int _current;
    private int[]? _nodeTags;

    /// <summary>Allocates working space for one graph (about 16 bytes per node).</summary>
    public GraphSearch(RoadGraph graph)
    {
        _graph = graph;
        int n = graph.NodeCount;
        _time = new int[n];
        _stamp = new int[n];
        _parent = new int[n];
        _heap = new IndexedHeap(n);
    }

    /// <summary>The graph this search runs on.</summary>
    public RoadGraph Graph => _graph;

    /// <summary>Nodes settled by the last <see cref="Run"/>.</summary>
    public int SettledCount { get; private set; }

    /// <summary>Per-node scratch values, all -1 between queries: a query that marks nodes (targets)
    /// must put back -1 before returning the search.</summary>
    internal int[] NodeTags
    {
        get
        {
            if (_nodeTags is null)
            {
                _nodeTags = new int[_graph.NodeCount];
                Array.Fill(_nodeTags, -1);
            }
            return _nodeTags;
        }
    }

    /// <summary>Starts a new query: forgets all times in O(1).</summary>
    public void Reset()
    {
        _heap.Clear();
        if (++_current == int.MaxValue)
        {
            Array.Clear(_stamp);
            _current = 1;
        }
    }

    /// <summary>Adds a source reached at <paramref name="startTime"/>; <paramref name="label"/> is what
    /// <see cref="ParentOf"/> reports for it (a negative number, e.g. -1 - stationIndex).</summary>
    public void AddSource(int node, int startTime, int label = -1)
    {
        if (label >= 0) throw new ArgumentOutOfRangeException(nameof(label), "Source labels are negative.");
        if (_stamp[node] != _current)
        {
            _stamp[node] = _current;
            _time[node] = startTime;
            _parent[node] = label;
            _heap.Push(node, startTime);
        }
        else if (startTime < _time[node])
        {
            _time[node] = startTime;
            _parent[node] = label;
            _heap.Decrease(node, startTime);
        }
    }

    /// <summary>Runs until the heap is empty or the next node is slower than <paramref name="limit"/>.</summary>
    public void Run(SearchDirection direction, int limit = int.MaxValue)
    {
        var stop = new NoStop();
        Run(direction, limit, ref stop);
    }

    /// <summary>Time to a node found by the last run, or <see cref="int.MaxValue"/> when not reached
    /// within its limit. Exact for every node whose time is within the limit.</summary>
    public int TimeTo(int node) => _stamp[node] == _current ? _time[node] : int.MaxValue;

    /// <summary>Predecessor on the fastest path (successor for backward searches), or the source's
    /// negative label.</summary>
    public int ParentOf(int node) => _stamp[node] == _current ? _parent[node] : int.MinValue;

    internal void Run<TVisitor>(SearchDirection direction, int limit, ref TVisitor visitor)
        where TVisitor : struct, ISettleVisitor
    {
        uint mask = direction == SearchDirection.Forward ? RoadGraph.ForwardFlag : RoadGraph.BackwardFlag;
        var first = _graph.FirstEntry; var heads = _graph.EntryHead; var times = _graph.EntryTime;
        var time = _time; var stamp = _stamp; var parent = _parent; var heap = _heap;
        int current = _current, settled = 0;
        while (heap.Count > 0)
        {
            if (heap.PeekKey() > limit) break;
            var (u, d) = heap.Pop();
            settled++;
            if (visitor.Settle(u, d)) break;
            int end = first[u + 1];
            for (int e = first[u]; e < end; e++)
            {
                uint h = heads[e];
                if ((h & mask) == 0) continue;
                int v = (int)(h & RoadGraph.NodeMask);
                // Sums stay below 2^31 for any real network (a week of driving in deciseconds is 6e6);
                // saturate anyway so a corrupt weight cannot wrap into a short time.
                long nd = (long)d + times[e];
                if (nd > int.MaxValue - 1) continue;
                if (stamp[v] != current)
                {
                    stamp[v] = current;
                    time[v] = (int)nd;
                    parent[v] = u;
                    heap.Push(v, (int)nd);
                }
                else if (nd < time[v])
                {
                    // Settled nodes never get here: with non-negative weights nd >= d >= their time.
                    time[v] = (int)nd;
                    parent[v] = u;
                    heap.Decrease(v, (int)nd);
                }
            }
        }
        SettledCount = settled;
    }
}
