using FireCommand.Geo.Graph;
using FireCommand.Geo.Profiles;
using FireCommand.Geo.Routing;

namespace FireCommand.Geo.Tests.Graph;

public class RoadGraphBuilderTests
{
    [Fact]
    public void PlatformSegments_BuildARoutableGraphWithShapePoints()
    {
        var builder = new RoadGraphBuilder()
            .AddSegment(10, 20, [new(30.0, 114.0), new(30.0, 114.005), new(30.0, 114.01)], RoadKind.Arterial, oneWay: false)
            .AddSegment(20, 30, [new(30.0, 114.01), new(30.01, 114.01)], RoadKind.UrbanStreet, oneWay: true, maxSpeedKmh: 30)
            .AddSegment(30, 10, [new(30.01, 114.01), new(30.0, 114.0)], RoadKind.Mountain, oneWay: false);
        var (net, dropped) = builder.Build();
        var g = net.Graph;
        Assert.Equal(4, g.NodeCount); // three junctions and one shape point
        Assert.Equal(0, dropped.DroppedNodes);
        var id = Enumerable.Range(0, g.NodeCount).ToDictionary(v => g.ExternalId(v));
        Assert.Equal(-1, g.ArcTime(id[30], id[20]));
        double meters = g.Coordinate(id[20]).DistanceMetersTo(g.Coordinate(id[30]));
        Assert.Equal(FireEngineProfile.Default.TravelDeciseconds(meters, RoadKind.UrbanStreet, false, 30), g.ArcTime(id[20], id[30]));
        var engine = new RoutingEngine(net);
        var route = engine.Route(engine.AtNode(id[10]), engine.AtNode(id[30]));
        Assert.NotNull(route);
        Assert.Equal(4, route.Nodes.Count); // 10 → shape → 20 → 30 beats the slow mountain road
    }

    [Fact]
    public void EveryPlatformRoadClass_HasASpeed()
    {
        foreach (var kind in new[] { RoadKind.Expressway, RoadKind.Arterial, RoadKind.UrbanStreet, RoadKind.Local, RoadKind.Mountain })
            Assert.True(FireEngineProfile.Default.EffectiveSpeedKmh(kind, false, null) > 0);
        Assert.Empty(FireEngineProfile.Default.Validate());
    }

    [Theory]
    [InlineData("50", 50.0)]
    [InlineData("30 mph", 48.28032)]
    [InlineData("60 km/h", 60.0)]
    [InlineData("walk", 6.0)]
    [InlineData("none", null)]
    [InlineData("CN:urban", null)]
    public void MaxSpeed_IsParsed(string value, double? expected)
    {
        var parsed = FireCommand.Geo.Import.Osm.OsmWayRules.ParseMaxSpeed(value);
        if (expected is null) Assert.Null(parsed);
        else Assert.Equal(expected.Value, parsed!.Value, 4);
    }
}
