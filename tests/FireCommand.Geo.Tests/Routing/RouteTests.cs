using FireCommand.Tests;
using FireCommand.Geo.Routing;
using FireCommand.Geo.Tests.Support;

namespace FireCommand.Geo.Tests.Routing;

public class RouteTests
{
    [Theory]
    [InlineData("north-bayreuth")]
    [InlineData("monaco")]
    public void RouteBetweenPoints_HasTheReferenceTime_AndLegsAddUp(string name)
    {
        var net = SharedGraphs.Get(name);
        var engine = new RoutingEngine(net);
        var reference = ReferenceDijkstra.From(net.Graph);
        var rng = new Random(99);
        for (int i = 0; i < 10; i++)
        {
            var from = PositionReference.RandomPosition(engine, rng);
            var to = PositionReference.RandomPosition(engine, rng);
            var route = engine.Route(from, to);
            long expected = PositionReference.Time(engine, reference, from, to);
            if (expected == long.MaxValue) { Assert.Null(route); continue; }
            Assert.NotNull(route);
            Assert.Equal(expected, route.Time);
            Assert.Equal(route.Time, route.Legs.Sum(l => l.Time));
            Assert.All(route.Legs, l => Assert.True(l.Time >= 0));
            Assert.Equal(from.Requested, route.Geometry[0]);
            Assert.Equal(to.Requested, route.Geometry[^1]);
            for (int k = 0; k + 1 < route.Nodes.Count; k++)
                Assert.True(net.Graph.ArcTime(route.Nodes[k], route.Nodes[k + 1]) >= 0, "route uses a missing or wrong-way arc");
        }
    }

    [Fact]
    public void NodeToNodeRoute_EqualsReferenceOnNewYork()
    {
        var net = SharedGraphs.NewYork();
        var engine = new RoutingEngine(net);
        var reference = ReferenceDijkstra.From(net.Graph);
        var rng = new Random(5);
        for (int i = 0; i < 3; i++)
        {
            int s = rng.Next(net.Graph.NodeCount), t = rng.Next(net.Graph.NodeCount);
            var route = engine.Route(engine.AtNode(s), engine.AtNode(t));
            Assert.NotNull(route);
            Assert.Equal(reference.FromSources((s, 0))[t], route.Time);
            Assert.Equal(s, route.Nodes[0]);
            Assert.Equal(t, route.Nodes[^1]);
        }
    }
}
