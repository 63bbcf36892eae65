using FireCommand.Geo.Graph;
using FireCommand.Geo.Routing;
using FireCommand.Geo.Routing.Hierarchy;
using FireCommand.Geo.Tests.Support;

namespace FireCommand.Geo.Tests.Routing.Hierarchy;

public class ContractionHierarchyTests
{
    private static RoutingEngine Engine(RoadGraph g) => new(new RoadNetwork(g, [], "grid"));

    /// <summary>Expected K-nearest list from plain Dijkstra: ties by unit index.</summary>
    private static List<UnitTravelTime> Expected(GraphSearch search, int incident, int[] units, int[]? offsets, int k)
    {
        search.Reset();
        search.AddSource(incident, 0);
        search.Run(SearchDirection.Backward);
        return units.Select((u, i) => (i, t: search.TimeTo(u) == int.MaxValue ? long.MaxValue : (long)search.TimeTo(u) + (offsets?[i] ?? 0)))
            .Where(x => x.t != long.MaxValue).OrderBy(x => x.t).ThenBy(x => x.i).Take(k)
            .Select(x => new UnitTravelTime(x.i, (int)x.t)).ToList();
    }

    [Fact]
    public void PairTimes_MatchDijkstra_OnRandomGraphs()
    {
        for (int seed = 0; seed < 40; seed++)
        {
            var (g, _) = RandomGraphs.Grid(seed, side: 10 + seed % 7);
            var ch = ContractionHierarchy.Build(g);
            var query = new NearestUnitsQuery(ch);
            var search = new GraphSearch(g);
            var rng = new Random(seed);
            for (int q = 0; q < 20; q++)
            {
                int s = rng.Next(g.NodeCount), t = rng.Next(g.NodeCount);
                search.Reset();
                search.AddSource(s, 0);
                search.Run(SearchDirection.Forward);
                var r = query.NearestUnits(t, [s], 1);
                int expected = search.TimeTo(t);
                if (expected == int.MaxValue) Assert.Empty(r);
                else Assert.Equal(expected, Assert.Single(r).Time);
                Assert.Equal(r, query.NearestFromIncident(t, [s], 1));
            }
        }
    }

    [Fact]
    public void KNearest_MatchesTravelTimesTo_OnRandomGraphs()
    {
        int cases = 0;
        for (int seed = 100; seed < 130; seed++)
        {
            var (g, _) = RandomGraphs.Grid(seed, side: 8 + seed % 9);
            var ch = ContractionHierarchy.Build(g);
            var query = new NearestUnitsQuery(ch);
            var engine = Engine(g);
            var search = new GraphSearch(g);
            var rng = new Random(seed);
            for (int q = 0; q < 12; q++, cases++)
            {
                int incident = rng.Next(g.NodeCount);
                var units = Enumerable.Range(0, rng.Next(1, 40)).Select(_ => rng.Next(g.NodeCount)).ToArray();
                int k = rng.Next(1, 12);
                var actual = query.NearestUnits(incident, units, k);
                var plain = engine.TravelTimesTo(engine.AtNode(incident), units.Select(engine.AtNode).ToList(), k: k);
                Assert.Equal(plain.Select(p => p.Time), actual.Select(a => a.Time));
                Assert.Equal(Expected(search, incident, units, null, k), actual);
                Assert.Equal(actual, query.NearestFromIncident(incident, units, k));
                foreach (var p in plain) Assert.Equal(search.TimeTo(units[p.UnitIndex]), p.Time);
            }
        }
        Assert.True(cases >= 300);
    }

    [Fact]
    public void StartOffsets_AreAdded()
    {
        for (int seed = 200; seed < 215; seed++)
        {
            var (g, _) = RandomGraphs.Grid(seed);
            var query = new NearestUnitsQuery(ContractionHierarchy.Build(g));
            var search = new GraphSearch(g);
            var rng = new Random(seed);
            for (int q = 0; q < 10; q++)
            {
                int incident = rng.Next(g.NodeCount);
                var units = Enumerable.Range(0, 30).Select(_ => rng.Next(g.NodeCount)).ToArray();
                var offsets = units.Select(_ => rng.Next(0, 100)).ToArray();
                var expected = Expected(search, incident, units, offsets, 7);
                Assert.Equal(expected, query.NearestUnits(incident, units, 7, offsets));
                Assert.Equal(expected, query.NearestFromIncident(incident, units, 7, offsets));
            }
        }
    }

    [Fact]
    public void UnreachableUnits_AreLeftOut()
    {
        var list = new ArcList();
        list.Add(0, 1, 5, 1); list.Add(1, 2, 5, 1); list.Add(3, 4, 1, 1); list.Add(2, 0, 2, 1);
        var g = GraphAssembler.Assemble(6, list, TravelTimeUnit.Deciseconds, true, null, null, null);
        var query = new NearestUnitsQuery(ContractionHierarchy.Build(g));
        var r = query.NearestUnits(2, [3, 0, 5, 1, 2], 10);
        Assert.Equal([new UnitTravelTime(4, 0), new UnitTravelTime(3, 5), new UnitTravelTime(1, 10)], r);
        Assert.Empty(query.NearestUnits(4, [0, 5], 3));
        Assert.Equal(r, query.NearestFromIncident(2, [3, 0, 5, 1, 2], 10));
        Assert.Empty(query.NearestFromIncident(4, [0, 5], 3));
    }

    [Fact]
    public void NorthBayreuth_KNearest_MatchesTravelTimesTo()
    {
        var net = SharedGraphs.Get("north-bayreuth");
        var engine = new RoutingEngine(net);
        var query = new NearestUnitsQuery(ContractionHierarchy.Build(net.Graph));
        var search = new GraphSearch(net.Graph);
        var rng = new Random(11);
        int n = net.Graph.NodeCount;
        for (int q = 0; q < 300; q++)
        {
            int incident = rng.Next(n);
            var units = Enumerable.Range(0, 50).Select(_ => rng.Next(n)).ToArray();
            var actual = query.NearestUnits(incident, units, 10);
            var plain = engine.TravelTimesTo(engine.AtNode(incident), units.Select(engine.AtNode).ToList(), k: 10);
            Assert.Equal(plain.Select(p => p.Time), actual.Select(a => a.Time));
            Assert.Equal(Expected(search, incident, units, null, 10), actual);
            Assert.Equal(actual, query.NearestFromIncident(incident, units, 10));
        }
    }

    /// <summary>Times roughly proportional to length (as on real roads), so the crow-flies bound of
    /// <see cref="NearestUnitsQuery.NearestFromIncident"/> is positive and actually prunes.</summary>
    [Fact]
    public void NearestFromIncident_WithCrowFliesPruning_MatchesDijkstra()
    {
        for (int seed = 300; seed < 330; seed++)
        {
            var (grid, arcs) = RandomGraphs.Grid(seed, side: 14);
            var rng = new Random(seed);
            var list = new ArcList();
            foreach (var (a, b, _) in arcs)
            {
                var (pa, pb) = (grid.Coordinate(a), grid.Coordinate(b));
                double metres = Math.Sqrt(Math.Pow((pa.Latitude - pb.Latitude) * 111_000, 2) + Math.Pow((pa.Longitude - pb.Longitude) * 96_000, 2));
                list.Add(a, b, (int)(metres / 10) + rng.Next(0, 15), (float)metres);
            }
            int n = grid.NodeCount;
            var lat = Enumerable.Range(0, n).Select(v => (int)Math.Round(grid.Coordinate(v).Latitude * 1e7)).ToArray();
            var lon = Enumerable.Range(0, n).Select(v => (int)Math.Round(grid.Coordinate(v).Longitude * 1e7)).ToArray();
            var g = GraphAssembler.Assemble(n, list, TravelTimeUnit.Deciseconds, true, lat, lon, null);
            var query = new NearestUnitsQuery(ContractionHierarchy.Build(g));
            var search = new GraphSearch(g);
            for (int q = 0; q < 15; q++)
            {
                int incident = rng.Next(n);
                var units = Enumerable.Range(0, 60).Select(_ => rng.Next(n)).ToArray();
                var offsets = q % 2 == 0 ? null : units.Select(_ => rng.Next(0, 30)).ToArray();
                int k = rng.Next(1, 8);
                var expected = Expected(search, incident, units, offsets, k);
                Assert.Equal(expected, query.NearestFromIncident(incident, units, k, offsets));
                Assert.Equal(expected, query.NearestUnits(incident, units, k, offsets));
            }
        }
    }
}
