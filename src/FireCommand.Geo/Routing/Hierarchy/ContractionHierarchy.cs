using FireCommand.Geo.Graph;

namespace FireCommand.Geo.Routing.Hierarchy;

/// <summary>
/// A contraction hierarchy of a <see cref="RoadGraph"/>: every node has a rank, and the original arcs
/// plus shortcuts are split into an upward graph (arcs to higher-ranked nodes, searched forward) and a
/// downward graph stored at the lower end (arcs from higher-ranked nodes, searched backward). The
/// fastest time from s to t is the minimum over meeting nodes m of up(s→m) + down(m→t). The arrays are
/// indexed by rank, not by graph node: queries translate with <see cref="Rank"/>.
/// </summary>
/// <remarks>Immutable after <see cref="Build"/>: safe to share between threads.</remarks>
public sealed class ContractionHierarchy
{
    internal readonly int[] Rank;
    internal readonly int[] UpFirst;
    internal readonly int[] UpHead;
    internal readonly int[] UpTime;
    internal readonly int[] DownFirst;
    internal readonly int[] DownTail;
    internal readonly int[] DownTime;

    internal ContractionHierarchy(RoadGraph graph, int[] rank, int[] upFirst, int[] upHead, int[] upTime,
        int[] downFirst, int[] downTail, int[] downTime)
    {
        Graph = graph;
        Rank = rank;
        UpFirst = upFirst; UpHead = upHead; UpTime = upTime;
        DownFirst = downFirst; DownTail = downTail; DownTime = downTime;
        CrowFlies = new CrowFliesBound(graph);
        NodeAtRank = new int[rank.Length];
        for (int v = 0; v < rank.Length; v++) NodeAtRank[rank[v]] = v;
    }

    /// <summary>Graph node of each rank (the inverse of <see cref="Rank"/>).</summary>
    internal int[] NodeAtRank { get; }

    internal CrowFliesBound CrowFlies { get; }

    /// <summary>The graph this hierarchy was built from.</summary>
    public RoadGraph Graph { get; }

    /// <summary>Number of nodes.</summary>
    public int NodeCount => Rank.Length;

    /// <summary>Arcs in the upward and downward graphs together (original arcs and shortcuts).</summary>
    public int ArcCount => UpHead.Length + DownTail.Length;

    /// <summary>Contracts every node of <paramref name="graph"/> (see <see cref="HierarchyBuilder"/>).</summary>
    public static ContractionHierarchy Build(RoadGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new HierarchyBuilder(graph).Build();
    }
}
