using FireCommand.Tests;
using FireCommand.Geo.Routing;
using FireCommand.Geo.Tests.Support;

namespace FireCommand.Geo.Tests.Routing;

/// <summary>The engine's times must equal a plain reference Dijkstra exactly, on random graphs and on
/// every shared graph.</summary>
public class ExactnessTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void RandomGraph_OneToAllBothDirections_MatchesReference(int seed)
    {
        var (g, arcs) = RandomGraphs.Grid(seed);
        var engine = new RoutingEngine(new(g, [], "random"));
        var forward = new ReferenceDijkstra(g.NodeCount, arcs);
        var backward = new ReferenceDijkstra(g.NodeCount, arcs.Select(a => (a.To, a.From, a.W)));
        for (int s = 0; s < g.NodeCount; s += 7)
        {
            Assert.Equal(Expected(forward.FromSources((s, 0))), engine.OneToAll(s));
            Assert.Equal(Expected(backward.FromSources((s, 0))), engine.OneToAll(s, SearchDirection.Backward));
        }
    }

    [Theory]
    [InlineData("ny", 12)]
    [InlineData("north-bayreuth", 40)]
    [InlineData("monaco", 40)]
    [InlineData("shenzhen-futian", 40)]
    public void SharedGraph_RandomPairs_MatchReference(string name, int pairs)
    {
        var g = SharedGraphs.Get(name).Graph;
        var engine = new RoutingEngine(SharedGraphs.Get(name));
        var reference = ReferenceDijkstra.From(g);
        var rng = new Random(20240917);
        for (int i = 0; i < pairs; i++)
        {
            int s = rng.Next(g.NodeCount), t = rng.Next(g.NodeCount);
            var expected = reference.FromSources((s, 0));
            Assert.Equal(expected[t], engine.NodeToNode(s, t));
            if (i < 3) Assert.Equal(Expected(expected), engine.OneToAll(s)); // whole trees, a few times
        }
    }

    private static int[] Expected(long[] d) => d.Select(x => x == long.MaxValue ? int.MaxValue : (int)x).ToArray();
}
