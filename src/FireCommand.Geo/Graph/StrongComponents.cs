namespace FireCommand.Geo.Graph;

/// <summary>
/// Strongly connected components (iterative Kosaraju, so a million-node road network cannot overflow
/// the call stack). A fire engine routed into a one-way pocket it cannot leave, or towards a node it
/// cannot reach, would get a wrong or missing time, so imports keep only the largest component.
/// Stateless and thread-safe.
/// </summary>
public static class StrongComponents
{
    /// <summary>Component number per node (0-based, arbitrary order) and the number of components.</summary>
    public static (int[] Component, int Count) Compute(RoadGraph graph)
    {
        int n = graph.NodeCount;
        var first = graph.FirstEntry; var heads = graph.EntryHead;
        var order = new int[n];
        int orderCount = 0;
        var visited = new bool[n];
        var stackNode = new int[n];
        var stackEntry = new int[n];
        for (int root = 0; root < n; root++)
        {
            if (visited[root]) continue;
            int sp = 0;
            stackNode[0] = root; stackEntry[0] = first[root]; visited[root] = true;
            while (sp >= 0)
            {
                int u = stackNode[sp];
                int e = stackEntry[sp];
                bool pushed = false;
                for (; e < first[u + 1]; e++)
                {
                    uint h = heads[e];
                    int v = (int)(h & RoadGraph.NodeMask);
                    if ((h & RoadGraph.ForwardFlag) == 0 || visited[v]) continue;
                    stackEntry[sp] = e + 1;
                    visited[v] = true;
                    sp++;
                    stackNode[sp] = v; stackEntry[sp] = first[v];
                    pushed = true;
                    break;
                }
                if (!pushed) { order[orderCount++] = u; sp--; }
            }
        }

        var component = new int[n];
        Array.Fill(component, -1);
        int count = 0;
        for (int i = n - 1; i >= 0; i--)
        {
            int root = order[i];
            if (component[root] >= 0) continue;
            int sp = 0;
            stackNode[0] = root; component[root] = count;
            while (sp >= 0)
            {
                int u = stackNode[sp--];
                for (int e = first[u]; e < first[u + 1]; e++)
                {
                    uint h = heads[e];
                    int v = (int)(h & RoadGraph.NodeMask);
                    if ((h & RoadGraph.BackwardFlag) == 0 || component[v] >= 0) continue;
                    component[v] = count;
                    stackNode[++sp] = v;
                }
            }
            count++;
        }
        return (component, count);
    }

    /// <summary>Sizes of the components, indexed by component number.</summary>
    public static int[] Sizes(int[] component, int count)
    {
        var sizes = new int[count];
        foreach (int c in component) sizes[c]++;
        return sizes;
    }
}
