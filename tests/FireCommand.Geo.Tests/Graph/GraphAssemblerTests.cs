using FireCommand.Geo.Graph;
using FireCommand.Geo.Tests.Support;

namespace FireCommand.Geo.Tests.Graph;

public class GraphAssemblerTests
{
    [Fact]
    public void TwoWayRoadWithEqualTimes_IsStoredAsOneEdge()
    {
        var arcs = new ArcList();
        arcs.Add(0, 1, 10, 5f);
        arcs.Add(1, 0, 10, 5f);
        var g = GraphAssembler.Assemble(2, arcs, TravelTimeUnit.Deciseconds, true, null, null, null);
        Assert.Equal(2, g.ArcCount);
        Assert.Equal(2, g.EntryCount); // one entry at each end, not four
        Assert.Equal(10, g.ArcTime(0, 1));
        Assert.Equal(10, g.ArcTime(1, 0));
    }

    [Fact]
    public void OneWayAndUnequalDirections_KeepTheirOwnTimes()
    {
        var arcs = new ArcList();
        arcs.Add(0, 1, 10, float.NaN);
        arcs.Add(1, 2, 4, float.NaN);
        arcs.Add(2, 1, 9, float.NaN);
        var g = GraphAssembler.Assemble(3, arcs, TravelTimeUnit.Nominal, false, null, null, null);
        Assert.Equal(3, g.ArcCount);
        Assert.Equal(-1, g.ArcTime(1, 0));
        Assert.Equal(4, g.ArcTime(1, 2));
        Assert.Equal(9, g.ArcTime(2, 1));
        Assert.Equal([0, 2], g.Arcs(1, reverse: true).Select(a => a.Other).Order());
    }

    [Fact]
    public void SelfLoops_AreDropped_AndOutOfRangeNodes_AreRejected()
    {
        var arcs = new ArcList();
        arcs.Add(0, 0, 3, float.NaN);
        arcs.Add(0, 1, 3, float.NaN);
        Assert.Equal(1, GraphAssembler.Assemble(2, arcs, TravelTimeUnit.Nominal, false, null, null, null).ArcCount);
        arcs.Add(0, 5, 3, float.NaN);
        Assert.Throws<ArgumentException>(() => GraphAssembler.Assemble(2, arcs, TravelTimeUnit.Nominal, false, null, null, null));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomGraph_ListsExactlyTheInputArcs(int seed)
    {
        var (g, arcs) = RandomGraphs.Grid(seed);
        var expected = arcs.Where(a => a.From != a.To).Select(a => (a.From, a.To, a.W)).Order().ToList();
        var actual = g.AllArcs().Select(a => (a.Tail, a.Arc.Other, a.Arc.Time)).Order().ToList();
        Assert.Equal(expected, actual);
        var reverse = Enumerable.Range(0, g.NodeCount).SelectMany(v => g.Arcs(v, reverse: true).Select(a => (a.Other, v, a.Time))).Order();
        Assert.Equal(expected, reverse);
    }

    [Fact]
    public void NewYorkGraph_TakesAtMostTwiceTheRawCsrBytes()
    {
        // Two-way streets share one entry per end, so forward and backward search cost no more than
        // the forward CSR plus coordinates.
        var g = SharedGraphs.NewYork().Graph;
        Assert.True(g.MemoryBytes <= 2 * g.RawCsrBytes, $"{g.MemoryBytes} > 2 × {g.RawCsrBytes}");
    }
}
