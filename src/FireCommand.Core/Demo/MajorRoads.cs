using FireCommand.Core.Map;

namespace FireCommand.Core.Demo;

/// <summary>
/// National, provincial and county roads between cities, county seats and towns. The links are a
/// relative neighbourhood graph (each place joins its "natural" neighbours, with no redundant
/// parallel roads and no crossings between straight links); the links on the shortest paths
/// between neighbouring county seats become arterials (国道/省道), the rest county roads (县道).
/// </summary>
internal static class MajorRoads
{
    public static void Build(RoadGraph graph, ProvinceShape shape, SettlementPlan settlements, Prng rng)
    {
        var urban = settlements.Urban.ToList();
        var majors = urban.Concat(settlements.Towns).ToList();
        var points = majors.Select(m => m.Km).ToList();
        var links = RelativeNeighbourhood(points, Enumerable.Range(0, points.Count).ToList());
        var isArterial = ArterialLinks(points, links, urban.Count);

        var names = new string?[links.Count];
        var arterialIds = Enumerable.Range(0, links.Count).Where(i => isArterial[i]).ToList();
        var arterialChains = RouteNamer.Chains(points, arterialIds.Select(i => links[i]).ToList());
        var national = Numbers(rng, 105, 360, arterialChains.Count);
        var provincial = Numbers(rng, 201, 399, arterialChains.Count);
        for (var c = 0; c < arterialChains.Count; c++)
        {
            var name = c < Math.Max(2, arterialChains.Count / 4) ? $"G{national[c]}国道" : $"S{provincial[c]}省道";
            foreach (var e in arterialChains[c]) names[arterialIds[e]] = name;
        }
        var localIds = Enumerable.Range(0, links.Count).Where(i => !isArterial[i]).ToList();
        var localChains = RouteNamer.Chains(points, localIds.Select(i => links[i]).ToList());
        var county = Numbers(rng, 1, 199, localChains.Count);
        for (var c = 0; c < localChains.Count; c++)
            foreach (var e in localChains[c]) names[localIds[e]] = $"X{county[c]:D3}县道";

        for (var i = 0; i < links.Count; i++)
        {
            var (a, b) = (majors[links[i].A], majors[links[i].B]);
            var from = RoadEnds.Toward(a, b.Km);
            var to = RoadEnds.Toward(b, a.Km);
            var (pa, pb) = (graph.Junctions[from], graph.Junctions[to]);
            var mountain = shape.MountainFactor(Vec.Lerp(pa, pb, 0.5)) > 0.5;
            var roadClass = isArterial[i] ? RoadClass.Arterial : mountain ? RoadClass.Mountain : RoadClass.Local;
            graph.AddEdge(from, to, RoadEnds.Shape(pa, pb, roadClass, mountain, rng), roadClass, names[i]);
        }
    }

    /// <summary>Pairs (a, b) with no third point closer to both than they are to each other. O(n³), fine for a few hundred places.</summary>
    public static List<(int A, int B)> RelativeNeighbourhood(IReadOnlyList<Vec> points, IReadOnlyList<int> members)
    {
        var links = new List<(int, int)>();
        for (var x = 0; x < members.Count; x++)
        for (var y = x + 1; y < members.Count; y++)
        {
            var (a, b) = (members[x], members[y]);
            var dab = points[a].DistanceTo(points[b]);
            var blocked = false;
            foreach (var c in members)
            {
                if (c == a || c == b) continue;
                if (Math.Max(points[a].DistanceTo(points[c]), points[b].DistanceTo(points[c])) < dab)
                {
                    blocked = true;
                    break;
                }
            }
            if (!blocked) links.Add((a, b));
        }
        return links;
    }

    /// <summary>Marks the links on the shortest paths between county seats that neighbour each other.</summary>
    private static bool[] ArterialLinks(IReadOnlyList<Vec> points, List<(int A, int B)> links, int seatCount)
    {
        var adjacency = new List<(int To, int Link)>[points.Count];
        for (var i = 0; i < points.Count; i++) adjacency[i] = [];
        for (var l = 0; l < links.Count; l++)
        {
            adjacency[links[l].A].Add((links[l].B, l));
            adjacency[links[l].B].Add((links[l].A, l));
        }
        var arterial = new bool[links.Count];
        var seatPairs = RelativeNeighbourhood(points, Enumerable.Range(0, seatCount).ToList());
        foreach (var (s, t) in seatPairs)
        {
            var distance = Enumerable.Repeat(double.MaxValue, points.Count).ToArray();
            var via = Enumerable.Repeat(-1, points.Count).ToArray();
            var done = new bool[points.Count];
            distance[s] = 0;
            while (true)
            {
                var u = -1;
                for (var i = 0; i < points.Count; i++)
                    if (!done[i] && distance[i] < double.MaxValue && (u < 0 || distance[i] < distance[u])) u = i;
                if (u < 0 || u == t) break;
                done[u] = true;
                foreach (var (v, l) in adjacency[u])
                {
                    var d = distance[u] + points[u].DistanceTo(points[v]);
                    if (d < distance[v]) (distance[v], via[v]) = (d, l);
                }
            }
            for (var at = t; via[at] >= 0 && at != s;)
            {
                var l = via[at];
                arterial[l] = true;
                at = links[l].A == at ? links[l].B : links[l].A;
            }
        }
        return arterial;
    }

    /// <summary>Distinct road numbers drawn from [min, max], in random order.</summary>
    public static List<int> Numbers(Prng rng, int min, int max, int count)
    {
        var all = Enumerable.Range(min, max - min + 1).ToList();
        rng.Shuffle(all);
        while (all.Count < count) all.Add(all.Count + max + 1);
        return all;
    }
}
