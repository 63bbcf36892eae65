using FireCommand.Tests;
using FireCommand.Geo.Routing;
using FireCommand.Geo.Snapping;
using FireCommand.Geo.Tests.Support;

namespace FireCommand.Geo.Tests.Routing;

public class TravelTimesToTests
{
    [Theory]
    [InlineData("north-bayreuth")]
    [InlineData("shenzhen-futian")]
    [InlineData("monaco")]
    public void KFastestUnits_MatchBruteForce(string name)
    {
        var net = SharedGraphs.Get(name);
        var engine = new RoutingEngine(net);
        var reference = ReferenceDijkstra.From(net.Graph);
        var rng = new Random(7);
        for (int round = 0; round < 4; round++)
        {
            var incident = PositionReference.RandomPosition(engine, rng);
            var units = Enumerable.Range(0, 25).Select(_ => PositionReference.RandomPosition(engine, rng)).ToList();
            var expected = units.Select((u, i) => (i, PositionReference.Time(engine, reference, u, incident)))
                .Where(x => x.Item2 != long.MaxValue).OrderBy(x => x.Item2).ToList();

            var all = engine.TravelTimesTo(incident, units);
            Assert.Equal(expected.Select(x => x.Item2), all.Select(x => (long)x.Time));
            foreach (var r in all) Assert.Equal(expected.First(e => e.i == r.UnitIndex).Item2, r.Time);

            var top = engine.TravelTimesTo(incident, units, k: 5);
            Assert.Equal(expected.Take(5).Select(x => x.Item2), top.Select(x => (long)x.Time));

            int limit = (int)expected[expected.Count / 2].Item2;
            var bounded = engine.TravelTimesTo(incident, units, limit: limit);
            Assert.Equal(expected.Where(x => x.Item2 <= limit).Select(x => x.Item2), bounded.Select(x => (long)x.Time));
        }
    }

    [Fact]
    public void NewYork_TenNearestOfThreeHundred_MatchOneToAllFromIncident()
    {
        var net = SharedGraphs.NewYork();
        var engine = new RoutingEngine(net);
        var reverse = ReferenceDijkstra.Reverse(net.Graph);
        var rng = new Random(42);
        for (int q = 0; q < 3; q++)
        {
            int incident = rng.Next(net.Graph.NodeCount);
            var unitNodes = Enumerable.Range(0, 300).Select(_ => rng.Next(net.Graph.NodeCount)).ToList();
            var toIncident = reverse.FromSources((incident, 0));
            var expected = unitNodes.Select(u => toIncident[u]).Order().Take(10);
            var actual = engine.TravelTimesTo(engine.AtNode(incident), unitNodes.Select(engine.AtNode).ToList(), k: 10);
            Assert.Equal(expected, actual.Select(a => (long)a.Time));
            foreach (var a in actual) Assert.Equal(toIncident[unitNodes[a.UnitIndex]], a.Time);
        }
    }

    [Fact]
    public void UnitOnTheIncidentsOwnRoad_DrivesStraightThere()
    {
        var (g, _) = RandomGraphs.Grid(5);
        var engine = new RoutingEngine(new(g, [], "grid"));
        var (a, arc) = g.AllArcs().First(x => x.Arc.Time > 10 && g.ArcTime(x.Arc.Other, x.Tail) == x.Arc.Time);
        int lo = Math.Min(a, arc.Other), hi = Math.Max(a, arc.Other);
        var unit = new RoadPosition(lo, hi, 0.25, default, 0);
        var incident = new RoadPosition(lo, hi, 0.75, default, 0);
        var times = engine.TravelTimesTo(incident, [unit]);
        Assert.Equal((int)Math.Round(0.5 * arc.Time), Assert.Single(times).Time);
    }
}
