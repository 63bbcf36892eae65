namespace FireCommand.Core.Demo;

/// <summary>
/// Strings graph edges into long, fairly straight routes so a national road keeps its number
/// from town to town (G320 runs through, it does not change name at every junction).
/// </summary>
internal static class RouteNamer
{
    /// <summary>Groups edge indices into routes; routes come out longest first.</summary>
    public static List<List<int>> Chains(IReadOnlyList<Vec> nodes, IReadOnlyList<(int A, int B)> edges)
    {
        var incident = new List<int>[nodes.Count];
        for (var i = 0; i < nodes.Count; i++) incident[i] = [];
        for (var e = 0; e < edges.Count; e++)
        {
            incident[edges[e].A].Add(e);
            incident[edges[e].B].Add(e);
        }
        double Length(int e) => nodes[edges[e].A].DistanceTo(nodes[edges[e].B]);
        var used = new bool[edges.Count];
        var chains = new List<(List<int> Edges, double Length)>();
        foreach (var start in Enumerable.Range(0, edges.Count).OrderByDescending(Length).ThenBy(e => e))
        {
            if (used[start]) continue;
            used[start] = true;
            var chain = new LinkedList<int>();
            chain.AddFirst(start);
            Extend(edges[start].B, edges[start].A, e => chain.AddLast(e));
            Extend(edges[start].A, edges[start].B, e => chain.AddFirst(e));
            chains.Add((chain.ToList(), chain.Sum(Length)));
        }
        return chains.OrderByDescending(c => c.Length).Select(c => c.Edges).ToList();

        void Extend(int at, int cameFrom, Action<int> add)
        {
            while (true)
            {
                var heading = (nodes[at] - nodes[cameFrom]).Normalised();
                var best = -1;
                // Carry on only if the road turns less than about 40° (cos 40° ≈ 0.77).
                var bestStraightness = 0.77;
                foreach (var next in incident[at])
                {
                    if (used[next]) continue;
                    var other = edges[next].A == at ? edges[next].B : edges[next].A;
                    var straightness = (nodes[other] - nodes[at]).Normalised().Dot(heading);
                    if (straightness > bestStraightness) (best, bestStraightness) = (next, straightness);
                }
                if (best < 0) return;
                used[best] = true;
                add(best);
                cameFrom = at;
                at = edges[best].A == at ? edges[best].B : edges[best].A;
            }
        }
    }
}
