using FireCommand.Core.Map;

namespace FireCommand.Core.Demo;

/// <summary>
/// Expressways (高速): a minimum spanning tree over the cities plus a couple of shortcuts, a few
/// routes running on out of the province, and interchanges with link roads (连接线) for the county
/// seats they pass. Expressways only meet other roads at interchanges.
/// </summary>
internal static class Expressways
{
    // Far-away termini for names like "G60沪昆高速"; expressway names pair the two end cities' first characters.
    private const string FarEnds = "沪昆京港澳渝蓉广深杭瑞厦汕泉宁武汉";
    private static readonly IReadOnlyList<string> NationalNumbers =
        ["G4", "G55", "G56", "G60", "G65", "G72", "G76", "G78", "G80", "G85", "G93", "G98", "G0421", "G5513", "G6021", "G7611"];

    public static void Build(RoadGraph graph, ProvinceShape shape, SettlementPlan settlements, Prng rng)
    {
        var cities = settlements.Cities;
        var numbers = NationalNumbers.ToList();
        rng.Shuffle(numbers);
        var provincial = MajorRoads.Numbers(rng, 11, 99, 40);
        var next = 0;
        string Name(string ends) => next < numbers.Count ? $"{numbers[next++]}{ends}高速" : $"S{provincial[next++ - numbers.Count]}{ends}高速";
        string Head(SettlementSite s) => s.Name.Root[..1];

        foreach (var (a, b) in Links(cities))
        {
            var from = RoadEnds.Toward(cities[a], cities[b].Km);
            var to = RoadEnds.Toward(cities[b], cities[a].Km);
            graph.AddEdge(from, to, RoadEnds.Shape(graph.Junctions[from], graph.Junctions[to], RoadClass.Expressway, false, rng),
                RoadClass.Expressway, Name(Head(cities[a]) + Head(cities[b])));
        }

        // Routes leaving the province: the map should not look like an island.
        var exits = rng.Between(2, 3);
        for (var i = 0; i < exits; i++)
        {
            var city = cities[rng.Below(cities.Count)];
            var direction = (city.Km.Length > 1 ? city.Km.Normalised() : Vec.FromAngle(0)) + Vec.FromAngle(rng.Range(0, 2 * DetMath.Pi)) * 0.7;
            direction = direction.Normalised();
            var end = city.Km;
            while (shape.Contains(end + direction)) end += direction;
            if (end.DistanceTo(city.Km) < city.City!.UrbanRadiusKm + 15) continue;
            var from = RoadEnds.Toward(city, end);
            var to = graph.AddJunction(end);
            graph.AddEdge(from, to, RoadEnds.Shape(graph.Junctions[from], end, RoadClass.Expressway, false, rng),
                RoadClass.Expressway, Name(Head(city) + rng.Pick(FarEnds)));
        }

        var interchanges = new List<Vec>();
        foreach (var seat in settlements.CountySeats)
        {
            if (!graph.TryNearest(seat.Km, 14, e => e.Class == RoadClass.Expressway, out var hit)) continue;
            if (interchanges.Any(p => p.DistanceTo(hit.Point) < 6)) continue;
            interchanges.Add(hit.Point);
            var exit = graph.JunctionAt(hit);
            var gate = RoadEnds.Toward(seat, hit.Point);
            graph.AddEdge(gate, exit, RoadEnds.Shape(graph.Junctions[gate], graph.Junctions[exit], RoadClass.Arterial, false, rng),
                RoadClass.Arterial, $"{seat.Name.Name}高速连接线");
        }
    }

    /// <summary>Prim's minimum spanning tree over the cities, plus the shortest extra links that pass no other city.</summary>
    private static List<(int A, int B)> Links(List<SettlementSite> cities)
    {
        var n = cities.Count;
        var inTree = new bool[n];
        inTree[0] = true;
        var links = new List<(int, int)>();
        for (var k = 1; k < n; k++)
        {
            var best = (A: -1, B: -1, D: double.MaxValue);
            for (var a = 0; a < n; a++)
            for (var b = 0; b < n; b++)
            {
                if (!inTree[a] || inTree[b]) continue;
                var d = cities[a].Km.DistanceTo(cities[b].Km);
                if (d < best.D) best = (a, b, d);
            }
            inTree[best.B] = true;
            links.Add((best.A, best.B));
        }
        var extras = n > 4 ? 2 : 1;
        var candidates = new List<(int A, int B, double D)>();
        for (var a = 0; a < n; a++)
        for (var b = a + 1; b < n; b++)
        {
            if (links.Contains((a, b)) || links.Contains((b, a))) continue;
            var (pa, pb) = (cities[a].Km, cities[b].Km);
            var clear = Enumerable.Range(0, n).All(c => c == a || c == b || cities[c].Km.DistanceToSegment(pa, pb, out _) > 30);
            if (clear && pa.DistanceTo(pb) < 240) candidates.Add((a, b, pa.DistanceTo(pb)));
        }
        links.AddRange(candidates.OrderBy(c => c.D).Take(extras).Select(c => (c.A, c.B)));
        return links;
    }
}
