using FireCommand.Core.Map;

namespace FireCommand.Core.Demo;

/// <summary>
/// Builds the whole road network: street grids in cities, county seats and market towns, expressways, national,
/// provincial and county roads, village and mountain roads; then nodes the crossings, cuts roads at
/// every junction and checks that one can drive from any junction to any other. Junction ids in the
/// output are the internal indices + 1.
/// </summary>
internal static class RoadNetworkBuilder
{
    public static List<RoadSegment> Build(AdminPlan admin, SettlementPlan settlements, int seed)
    {
        var rng = Prng.ForStage(seed, 4);
        var shape = admin.Shape;
        var graph = new RoadGraph();
        var noise = new ValueNoise(rng.NextUInt64());

        foreach (var city in settlements.Cities)
        {
            city.Grid = UrbanGrid.Build(graph, city.Km, city.City!.UrbanRadiusKm, rng.Range(0.48, 0.56), rng, noise);
            city.Junction = city.Grid.CentreJunction;
        }
        foreach (var seat in settlements.CountySeats)
        {
            seat.Grid = UrbanGrid.Build(graph, seat.Km, seat.Brigade.SeatRadiusKm, rng.Range(0.38, 0.46), rng, noise);
            seat.Junction = seat.Grid.CentreJunction;
        }
        foreach (var town in settlements.Towns)
        {
            // Market towns have a few streets of their own; small townships are a crossroads.
            if (town.Population >= 12_000)
            {
                town.Grid = UrbanGrid.Build(graph, town.Km, 0.45 + 0.5 * Math.Sqrt(town.Population / 20_000.0), rng.Range(0.28, 0.36), rng, noise);
                town.Junction = town.Grid.CentreJunction;
            }
            else
            {
                town.Junction = graph.AddJunction(town.Km);
            }
        }

        MajorRoads.Build(graph, shape, settlements, rng);
        Expressways.Build(graph, shape, settlements, rng);
        VillageRoads.Build(graph, settlements, rng);
        RoadNoder.Node(graph);
        var pieces = graph.Split();
        Reconnect(graph, pieces, settlements.Cities[0].Junction, rng);

        var segments = new List<RoadSegment>(pieces.Count);
        foreach (var piece in pieces)
        {
            var line = shape.Frame.LineString(piece.Points);
            segments.Add(new RoadSegment
            {
                Id = segments.Count + 1,
                Name = piece.Name,
                Class = piece.Class,
                FromJunction = piece.From + 1,
                ToJunction = piece.To + 1,
                OneWay = piece.OneWay,
                Geometry = line,
                LengthMeters = Math.Round(Geodesy.LengthMeters(line), 1),
            });
        }
        return segments;
    }

    /// <summary>
    /// Safety net: joins any island of the network to the main network with a short county road.
    /// The builders should never leave one; this keeps a future change from shipping a province
    /// where an incident is unreachable.
    /// </summary>
    private static void Reconnect(RoadGraph graph, List<RoadEdge> pieces, int anchor, Prng rng)
    {
        var sets = new UnionFind(graph.Junctions.Count);
        var used = new bool[graph.Junctions.Count];
        foreach (var p in pieces)
        {
            sets.Union(p.From, p.To);
            used[p.From] = used[p.To] = true;
        }
        var main = new PointGrid<int>(2);
        for (var j = 0; j < graph.Junctions.Count; j++)
            if (used[j] && sets.Find(j) == sets.Find(anchor)) main.Add(graph.Junctions[j], j);

        for (var j = 0; j < graph.Junctions.Count; j++)
        {
            if (!used[j] || sets.Find(j) == sets.Find(anchor)) continue;
            var root = sets.Find(j);
            var best = (From: -1, To: -1, D: double.MaxValue);
            for (var k = j; k < graph.Junctions.Count; k++)
            {
                if (!used[k] || sets.Find(k) != root) continue;
                if (main.TryNearest(graph.Junctions[k], 200, _ => true, out var m, out var d) && d < best.D) best = (k, m, d);
            }
            if (best.From < 0) continue;
            var (a, b) = (graph.Junctions[best.From], graph.Junctions[best.To]);
            pieces.Add(new RoadEdge
            {
                Index = pieces.Count, From = best.From, To = best.To, Class = RoadClass.Local, Name = null,
                Points = [a, .. ShapeLines.Meander(a, b, 0.05, 0.4, rng).Skip(1).SkipLast(1), b],
            });
            for (var k = j; k < graph.Junctions.Count; k++)
                if (used[k] && sets.Find(k) == root) main.Add(graph.Junctions[k], k);
            sets.Union(best.From, best.To);
        }
    }
}
