namespace FireCommand.Geo.Graph;

/// <summary>
/// The routable road network as compressed sparse rows. Each node lists every edge that touches it
/// once, with flags saying whether the edge can be driven away from the node (forward) and/or
/// towards it (backward). Two-way roads with equal times in both directions — almost all of them —
/// are stored as one edge instead of two arcs in a forward and a backward graph, which keeps the
/// graph near the size of a forward-only CSR while still serving backward searches (incident →
/// units). Node coordinates are 1e-7 degree integers (1 cm), travel times integer
/// <see cref="TimeUnit"/>s, lengths metres.
/// </summary>
/// <remarks>Immutable after construction: safe to share between threads without locking.</remarks>
public sealed class RoadGraph
{
    internal const uint NodeMask = 0x3FFF_FFFF;
    internal const uint ForwardFlag = 0x4000_0000;
    internal const uint BackwardFlag = 0x8000_0000;
    /// <summary>Largest node count the 30-bit node field can address.</summary>
    public const int MaxNodes = (int)NodeMask;

    internal readonly int[] FirstEntry;
    internal readonly uint[] EntryHead;
    internal readonly int[] EntryTime;
    internal readonly float[]? EntryLength;
    internal readonly int[]? LatE7;
    internal readonly int[]? LonE7;
    internal readonly long[]? ExternalIds;

    internal RoadGraph(TravelTimeUnit unit, int arcCount, int[] firstEntry, uint[] entryHead, int[] entryTime,
        float[]? entryLength, int[]? latE7, int[]? lonE7, long[]? externalIds)
    {
        TimeUnit = unit;
        ArcCount = arcCount;
        FirstEntry = firstEntry;
        EntryHead = entryHead;
        EntryTime = entryTime;
        EntryLength = entryLength;
        LatE7 = latE7;
        LonE7 = lonE7;
        ExternalIds = externalIds;
    }

    /// <summary>Meaning of every weight in this graph.</summary>
    public TravelTimeUnit TimeUnit { get; }

    /// <summary>Number of nodes (junctions and shape points).</summary>
    public int NodeCount => FirstEntry.Length - 1;

    /// <summary>Number of directed arcs (a two-way road counts twice).</summary>
    public int ArcCount { get; }

    /// <summary>Number of stored adjacency entries (each edge appears at both of its ends).</summary>
    public int EntryCount => EntryHead.Length;

    /// <summary>True when every node has a coordinate (needed for snapping, geometry, isochrones).</summary>
    public bool HasCoordinates => LatE7 is not null;

    /// <summary>True when arc lengths in metres are known (OSM and platform graphs; DIMACS has none).</summary>
    public bool HasLengths => EntryLength is not null;

    /// <summary>Coordinate of a node. Throws when the graph has none.</summary>
    public GeoPoint Coordinate(int node) =>
        LatE7 is null || LonE7 is null
            ? throw new InvalidOperationException("This graph has no node coordinates.")
            : new GeoPoint(LatE7[node] * 1e-7, LonE7[node] * 1e-7);

    /// <summary>The id a node had in its source (OSM node id, DIMACS 1-based id, platform junction id).</summary>
    public long ExternalId(int node) => ExternalIds is null ? node + 1L : ExternalIds[node];

    private Dictionary<long, int>? _byExternalId;

    /// <summary>Finds the node with a source id (see <see cref="ExternalId"/>). The lookup table is built
    /// on first use; a race only builds it twice, so this stays thread-safe without a lock.</summary>
    public bool TryGetNode(long externalId, out int node)
    {
        if (ExternalIds is null)
        {
            node = (int)Math.Clamp(externalId - 1, -1, int.MaxValue);
            return externalId >= 1 && externalId <= NodeCount;
        }
        var map = Volatile.Read(ref _byExternalId);
        if (map is null)
        {
            map = new Dictionary<long, int>(ExternalIds.Length);
            for (int v = 0; v < ExternalIds.Length; v++) map.TryAdd(ExternalIds[v], v);
            Volatile.Write(ref _byExternalId, map);
        }
        return map.TryGetValue(externalId, out node);
    }

    /// <summary>Bytes held by the arrays of this graph (what it costs in memory, without object headers).</summary>
    public long MemoryBytes =>
        4L * FirstEntry.Length + 4L * EntryHead.Length + 4L * EntryTime.Length + 4L * (EntryLength?.Length ?? 0) +
        4L * (LatE7?.Length ?? 0) + 4L * (LonE7?.Length ?? 0) + 8L * (ExternalIds?.Length ?? 0);

    /// <summary>Bytes of a plain forward CSR of the same graph (offsets, heads, weights as 32-bit
    /// integers): the yardstick for <see cref="MemoryBytes"/>.</summary>
    public long RawCsrBytes => 4L * (NodeCount + 1) + 8L * ArcCount;

    /// <summary>Fastest direct arc time from <paramref name="from"/> to <paramref name="to"/>, or -1 when
    /// no arc leads there.</summary>
    public int ArcTime(int from, int to)
    {
        int best = -1;
        for (int e = FirstEntry[from]; e < FirstEntry[from + 1]; e++)
        {
            uint h = EntryHead[e];
            if ((h & NodeMask) == (uint)to && (h & ForwardFlag) != 0 && (best < 0 || EntryTime[e] < best))
                best = EntryTime[e];
        }
        return best;
    }

    /// <summary>Length in metres of the shortest direct arc between two nodes in either direction, or
    /// NaN when unknown.</summary>
    public double ArcLengthMeters(int a, int b)
    {
        if (EntryLength is null) return double.NaN;
        double best = double.NaN;
        for (int e = FirstEntry[a]; e < FirstEntry[a + 1]; e++)
            if ((EntryHead[e] & NodeMask) == (uint)b && !(EntryLength[e] >= best))
                best = EntryLength[e];
        return best;
    }

    /// <summary>The arcs leaving (<paramref name="reverse"/> false) or entering (true) a node.</summary>
    public IEnumerable<GraphArc> Arcs(int node, bool reverse = false)
    {
        uint flag = reverse ? BackwardFlag : ForwardFlag;
        for (int e = FirstEntry[node]; e < FirstEntry[node + 1]; e++)
        {
            uint h = EntryHead[e];
            if ((h & flag) != 0)
                yield return new GraphArc((int)(h & NodeMask), EntryTime[e], EntryLength?[e] ?? double.NaN);
        }
    }

    /// <summary>Every directed arc as (tail, head, time, length): for exports and reference checks.</summary>
    public IEnumerable<(int Tail, GraphArc Arc)> AllArcs()
    {
        for (int u = 0; u < NodeCount; u++)
            foreach (var arc in Arcs(u))
                yield return (u, arc);
    }
}

/// <summary>One directed arc seen from its tail (or, in a reverse listing, its head).</summary>
/// <param name="Other">The node at the other end.</param>
/// <param name="Time">Travel time in the graph's <see cref="RoadGraph.TimeUnit"/>.</param>
/// <param name="LengthMeters">Length in metres, NaN when unknown.</param>
public readonly record struct GraphArc(int Other, int Time, double LengthMeters);
