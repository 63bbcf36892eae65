using FireCommand.Geo.Graph;

namespace FireCommand.Geo.Tests.Graph;

public class StrongComponentsTests
{
    private static RoadGraph Build(int n, params (int, int)[] arcs)
    {
        var list = new ArcList();
        foreach (var (a, b) in arcs) list.Add(a, b, 1, 1f);
        var lat = Enumerable.Range(0, n).Select(i => i * 10).ToArray();
        return GraphAssembler.Assemble(n, list, TravelTimeUnit.Deciseconds, true, lat, lat, Enumerable.Range(100, n).Select(i => (long)i).ToArray());
    }

    [Fact]
    public void OneWayDeadEnd_FormsItsOwnComponent()
    {
        // 0 ⇄ 1 ⇄ 2 is a loop; 2 → 3 is a one-way street into a pocket 3 ⇄ 4 with no way back.
        var g = Build(5, (0, 1), (1, 0), (1, 2), (2, 1), (2, 3), (3, 4), (4, 3));
        var (component, count) = StrongComponents.Compute(g);
        Assert.Equal(2, count);
        Assert.Equal(component[0], component[2]);
        Assert.Equal(component[3], component[4]);
        Assert.NotEqual(component[0], component[3]);
    }

    [Fact]
    public void LargestComponent_KeepsTheBiggestPart_AndReportsTheRest()
    {
        var g = Build(6, (0, 1), (1, 2), (2, 0), (2, 3), (4, 5));
        var (kept, newIndex, trim) = LargestComponent.Keep(g);
        Assert.Equal(3, kept.NodeCount);
        Assert.Equal(3, kept.ArcCount);
        Assert.Equal(new ComponentTrim(4, 3, 3, 2), trim);
        Assert.Equal([0, 1, 2, -1, -1, -1], newIndex);
        Assert.Equal(102, kept.ExternalId(2));
        Assert.Equal(g.Coordinate(2), kept.Coordinate(2));
    }

    [Fact]
    public void LongChain_DoesNotOverflowTheStack()
    {
        int n = 300_000;
        var list = new ArcList(2 * n);
        for (int i = 0; i + 1 < n; i++) { list.Add(i, i + 1, 1, float.NaN); list.Add(i + 1, i, 1, float.NaN); }
        var g = GraphAssembler.Assemble(n, list, TravelTimeUnit.Nominal, false, null, null, null);
        Assert.Equal(1, StrongComponents.Compute(g).Count);
    }
}
