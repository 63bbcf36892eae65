using FireCommand.Geo.Routing;
using FireCommand.Geo.Snapping;
using FireCommand.Geo.Tests.Support;

namespace FireCommand.Geo.Tests.Snapping;

public class RoadSnapperTests
{
    [Theory]
    [InlineData("shenzhen-futian")]
    [InlineData("north-bayreuth")]
    public void Snap_FindsTheNearestPiece_LikeAScanOfAllPieces(string name)
    {
        var net = SharedGraphs.Get(name);
        var snapper = new RoadSnapper(net.Graph);
        var g = net.Graph;
        var rng = new Random(3);
        for (int i = 0; i < 60; i++)
        {
            var n = g.Coordinate(rng.Next(g.NodeCount));
            var p = new GeoPoint(n.Latitude + (rng.NextDouble() - 0.5) * 0.004, n.Longitude + (rng.NextDouble() - 0.5) * 0.004);
            var result = snapper.Snap(p, 5000);
            double brute = g.AllArcs().Min(a => SegmentDistance(p, g.Coordinate(a.Tail), g.Coordinate(a.Arc.Other)));
            Assert.True(result.IsOnRoad);
            Assert.Equal(brute, result.NearestRoadMeters, 0.5); // projection vs sphere differ by centimetres
            Assert.Equal(p, result.Position!.Value.Requested);
        }
    }

    [Fact]
    public void PointFarFromAnyRoad_IsReportedNotSnapped()
    {
        var net = SharedGraphs.OsmFile("north-bayreuth").Network;
        var snapper = new RoadSnapper(net.Graph);
        var result = snapper.Snap(new GeoPoint(50.2, 11.55), maxOffRoadMeters: 500); // ~15 km north of the extract
        Assert.False(result.IsOnRoad);
        Assert.True(result.NearestRoadMeters > 500);
    }

    [Fact]
    public void OffRoadLeg_CostsTimeAtOffRoadSpeed()
    {
        var net = SharedGraphs.OsmFile("north-bayreuth").Network;
        var engine = new RoutingEngine(net);
        var node = net.Graph.Coordinate(100);
        var pos = engine.Snap(new GeoPoint(node.Latitude + 0.0005, node.Longitude), 500).Position!.Value;
        Assert.Equal((int)Math.Round(pos.OffRoadMeters / (10 / 3.6) * 10), engine.OffRoadTime(pos));
    }

    private static double SegmentDistance(GeoPoint p, GeoPoint a, GeoPoint b)
    {
        double k = Math.Cos(p.Latitude * Math.PI / 180);
        double ax = (a.Longitude - p.Longitude) * k, ay = a.Latitude - p.Latitude;
        double bx = (b.Longitude - p.Longitude) * k, by = b.Latitude - p.Latitude;
        double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
        double t = len2 > 0 ? Math.Clamp(-(ax * dx + ay * dy) / len2, 0, 1) : 0;
        var q = new GeoPoint(a.Latitude + t * (b.Latitude - a.Latitude), a.Longitude + t * (b.Longitude - a.Longitude));
        return p.DistanceMetersTo(q);
    }
}
