namespace FireCommand.Geo.Graph;

/// <summary>
/// Turns a list of directed arcs into a <see cref="RoadGraph"/>: pairs each arc with an opposite arc
/// of the same time and length into one two-way edge, and lays the edges out as CSR rows sorted by
/// neighbour. Self-loops are dropped (they never shorten a path). Stateless and thread-safe.
/// </summary>
internal static class GraphAssembler
{
    private struct Edge : IComparable<Edge>
    {
        public int A, B, Time; // A < B
        public float Length;
        public byte Dir; // 0: arc A→B, 1: arc B→A

        public readonly int CompareTo(Edge o)
        {
            int c = A.CompareTo(o.A);
            if (c != 0) return c;
            if ((c = B.CompareTo(o.B)) != 0) return c;
            if ((c = Time.CompareTo(o.Time)) != 0) return c;
            if ((c = Length.CompareTo(o.Length)) != 0) return c;
            return Dir.CompareTo(o.Dir);
        }
    }

    public static RoadGraph Assemble(int nodeCount, ArcList arcs, TravelTimeUnit unit, bool keepLengths,
        int[]? latE7, int[]? lonE7, long[]? externalIds)
    {
        if (nodeCount > RoadGraph.MaxNodes) throw new ArgumentOutOfRangeException(nameof(nodeCount), "Graph too large.");
        var edges = new Edge[arcs.Count];
        int count = 0;
        var tails = arcs.Tails; var heads = arcs.Heads; var times = arcs.Times; var lengths = arcs.Lengths;
        for (int i = 0; i < arcs.Count; i++)
        {
            int u = tails[i], v = heads[i];
            if ((uint)u >= (uint)nodeCount || (uint)v >= (uint)nodeCount)
                throw new ArgumentException($"Arc {i} refers to node {Math.Max(u, v)} outside 0..{nodeCount - 1}.");
            if (u == v) continue;
            edges[count++] = new Edge
            {
                A = Math.Min(u, v), B = Math.Max(u, v), Time = times[i],
                Length = keepLengths ? lengths[i] : 0f, Dir = (byte)(u < v ? 0 : 1),
            };
        }
        Array.Sort(edges, 0, count);

        // Within a run of equal (A, B, time, length) the forward arcs sort before the backward ones;
        // pair them off, the surplus stays one-way.
        var edgeFlags = new byte[count]; // per output edge: 1 = A→B, 2 = B→A
        var outEdges = new int[count];   // index into edges of the representative
        int edgeCount = 0, arcCount = 0;
        for (int i = 0; i < count;)
        {
            int j = i;
            while (j < count && edges[j].A == edges[i].A && edges[j].B == edges[i].B &&
                   edges[j].Time == edges[i].Time && edges[j].Length.Equals(edges[i].Length)) j++;
            int fwd = 0;
            while (i + fwd < j && edges[i + fwd].Dir == 0) fwd++;
            int bwd = j - i - fwd, pairs = Math.Min(fwd, bwd);
            for (int k = 0; k < Math.Max(fwd, bwd); k++)
            {
                outEdges[edgeCount] = i;
                edgeFlags[edgeCount++] = (byte)(k < pairs ? 3 : fwd > bwd ? 1 : 2);
            }
            arcCount += j - i;
            i = j;
        }

        var first = new int[nodeCount + 1];
        for (int k = 0; k < edgeCount; k++)
        {
            first[edges[outEdges[k]].A + 1]++;
            first[edges[outEdges[k]].B + 1]++;
        }
        for (int v = 0; v < nodeCount; v++) first[v + 1] += first[v];
        var fill = first.AsSpan(0, nodeCount).ToArray();
        var head = new uint[2 * edgeCount];
        var time = new int[2 * edgeCount];
        var length = keepLengths ? new float[2 * edgeCount] : null;
        // Edges are sorted by (A, B) so rows come out sorted by neighbour: all smaller neighbours
        // (edges where the node is B) are written before the larger ones (node is A).
        for (int k = 0; k < edgeCount; k++)
        {
            ref var e = ref edges[outEdges[k]];
            byte f = edgeFlags[k];
            uint atA = ((f & 1) != 0 ? RoadGraph.ForwardFlag : 0) | ((f & 2) != 0 ? RoadGraph.BackwardFlag : 0);
            uint atB = ((f & 2) != 0 ? RoadGraph.ForwardFlag : 0) | ((f & 1) != 0 ? RoadGraph.BackwardFlag : 0);
            int pa = fill[e.A]++, pb = fill[e.B]++;
            head[pa] = (uint)e.B | atA;
            head[pb] = (uint)e.A | atB;
            time[pa] = time[pb] = e.Time;
            if (length is not null) length[pa] = length[pb] = e.Length;
        }
        return new RoadGraph(unit, arcCount, first, head, time, length, latE7, lonE7, externalIds);
    }
}
