namespace FireCommand.Geo.Graph;

/// <summary>What <see cref="LargestComponent.Keep"/> removed.</summary>
/// <param name="Components">Strongly connected components before trimming.</param>
/// <param name="DroppedComponents">Components removed (all but the largest).</param>
/// <param name="DroppedNodes">Nodes removed with them.</param>
/// <param name="DroppedArcs">Directed arcs removed with them (including arcs between kept and dropped nodes).</param>
public readonly record struct ComponentTrim(int Components, int DroppedComponents, int DroppedNodes, int DroppedArcs);

/// <summary>Cuts a graph down to its largest strongly connected component. Stateless and thread-safe.</summary>
internal static class LargestComponent
{
    /// <summary>The trimmed graph and, per old node, its new index (-1 when dropped).</summary>
    public static (RoadGraph Graph, int[] NewIndex, ComponentTrim Trim) Keep(RoadGraph graph)
    {
        var (component, count) = StrongComponents.Compute(graph);
        if (count <= 1)
        {
            var identity = new int[graph.NodeCount];
            for (int i = 0; i < identity.Length; i++) identity[i] = i;
            return (graph, identity, new ComponentTrim(count, 0, 0, 0));
        }
        var sizes = StrongComponents.Sizes(component, count);
        int keep = Array.IndexOf(sizes, sizes.Max());
        var newIndex = new int[graph.NodeCount];
        int kept = 0;
        for (int v = 0; v < newIndex.Length; v++) newIndex[v] = component[v] == keep ? kept++ : -1;

        var arcs = new ArcList(graph.ArcCount);
        int dropped = 0;
        foreach (var (tail, arc) in graph.AllArcs())
        {
            int a = newIndex[tail], b = newIndex[arc.Other];
            if (a < 0 || b < 0) { dropped++; continue; }
            arcs.Add(a, b, arc.Time, (float)arc.LengthMeters);
        }
        int[]? lat = Select(graph.LatE7, newIndex, kept);
        int[]? lon = Select(graph.LonE7, newIndex, kept);
        long[]? ids = null;
        if (graph.ExternalIds is not null)
        {
            ids = new long[kept];
            for (int v = 0; v < newIndex.Length; v++) if (newIndex[v] >= 0) ids[newIndex[v]] = graph.ExternalIds[v];
        }
        var trimmed = GraphAssembler.Assemble(kept, arcs, graph.TimeUnit, graph.HasLengths, lat, lon, ids);
        return (trimmed, newIndex, new ComponentTrim(count, count - 1, graph.NodeCount - kept, dropped));
    }

    private static int[]? Select(int[]? values, int[] newIndex, int kept)
    {
        if (values is null) return null;
        var result = new int[kept];
        for (int v = 0; v < newIndex.Length; v++) if (newIndex[v] >= 0) result[newIndex[v]] = values[v];
        return result;
    }
}
