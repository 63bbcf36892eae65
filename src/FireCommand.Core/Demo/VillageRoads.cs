using FireCommand.Core.Map;

namespace FireCommand.Core.Demo;

/// <summary>
/// Village roads (乡道): each village joins the nearest point of the network built so far, nearest
/// villages first, so roads branch out from the county roads like real ones. A straight link to
/// the nearest point cannot cross an existing road (any crossing would be nearer), so the network
/// stays close to planar; the noder handles the few crossings that the wiggles add. Some villages
/// also get a second road to a neighbour, closing loops.
/// </summary>
internal static class VillageRoads
{
    private const double OnRoadKm = 0.04;

    public static void Build(RoadGraph graph, SettlementPlan settlements, Prng rng)
    {
        static bool Reachable(RoadEdge e) => e.Class != RoadClass.Expressway;
        var order = settlements.Villages
            .Select(v => (Village: v, Distance: graph.TryNearest(v.Km, 80, Reachable, out var hit) ? hit.DistanceKm : 80))
            .OrderBy(x => x.Distance).ThenBy(x => x.Village.Id)
            .Select(x => x.Village).ToList();

        var number = 1;
        var villageIndex = new PointGrid<SettlementSite>(4);
        foreach (var village in order)
        {
            villageIndex.Add(village.Km, village);
            if (!graph.TryNearest(village.Km, 80, Reachable, out var hit))
            {
                village.Junction = graph.AddJunction(village.Km);
                continue;
            }
            if (hit.DistanceKm < OnRoadKm)
            {
                village.Junction = graph.JunctionAt(hit);
                continue;
            }
            var attach = graph.JunctionAt(hit);
            village.Junction = graph.AddJunction(village.Km);
            AddRoad(graph, village.Junction, attach, village.IsMountain, ref number, rng);
        }

        var linked = new HashSet<(long, long)>();
        foreach (var village in settlements.Villages)
        {
            if (!rng.Chance(0.12)) continue;
            if (!villageIndex.TryNearest(village.Km, 7, v => v != village && v.Km.DistanceTo(village.Km) > 2.5, out var other, out _)) continue;
            var key = village.Id < other.Id ? (village.Id, other.Id) : (other.Id, village.Id);
            if (!linked.Add(key) || village.Junction == other.Junction) continue;
            AddRoad(graph, village.Junction, other.Junction, village.IsMountain || other.IsMountain, ref number, rng);
        }
    }

    private static void AddRoad(RoadGraph graph, int from, int to, bool mountain, ref int number, Prng rng)
    {
        var roadClass = mountain ? RoadClass.Mountain : RoadClass.Local;
        var shape = RoadEnds.Shape(graph.Junctions[from], graph.Junctions[to], roadClass, mountain, rng);
        graph.AddEdge(from, to, shape, roadClass, $"Y{number++:D3}乡道");
    }
}
