using FireCommand.Core.Map;
using FireCommand.Core.Tests.Demo;
using FireCommand.Geo;
using FireCommand.Geo.Routing;
using FireCommand.Geo.Snapping;

namespace FireCommand.Core.Tests.Map;

[Collection(DemoProvinceCollection.Name)]
public class ProvinceRoadGraphTests(DemoProvinceFixture provinces)
{
    [Fact]
    public void DemoProvince_BuildsOneConnectedGraph_ThatEveryStationReaches()
    {
        var province = provinces.Get(1);
        var (network, dropped) = ProvinceRoadGraph.Build(province.RoadSegments);

        Assert.Equal(0, dropped.DroppedNodes);
        var junctions = province.RoadSegments.SelectMany(s => new[] { s.FromJunction, s.ToJunction }).Distinct().Count();
        Assert.True(network.Graph.NodeCount >= junctions, $"{network.Graph.NodeCount} nodes for {junctions} junctions");

        var snapper = new RoadSnapper(network.Graph);
        var offRoad = province.Stations
            .Where(s => !snapper.Snap(new GeoPoint(s.Location.Y, s.Location.X), maxOffRoadMeters: 2000).IsOnRoad)
            .Select(s => s.Name).ToList();
        Assert.True(offRoad.Count == 0, "stations with no road within 2 km: " + string.Join(", ", offRoad));
    }

    [Fact]
    public void Expressways_AreFasterThanMountainRoads_OfTheSameLength()
    {
        var province = provinces.Get(1);
        var (network, _) = ProvinceRoadGraph.Build(province.RoadSegments);
        var g = network.Graph;
        double SecondsPerKm(RoadClass c)
        {
            var (time, meters) = (0.0, 0.0);
            var engine = new RoutingEngine(network);
            foreach (var s in province.RoadSegments.Where(s => s.Class == c).Take(200))
            {
                Assert.True(g.TryGetNode(s.FromJunction, out var from));
                Assert.True(g.TryGetNode(s.ToJunction, out var to));
                // The fastest path is never slower than the segment itself, so this bounds the class speed from below.
                time += engine.NodeToNode(from, to) / 10.0;
                meters += s.LengthMeters;
            }
            return time / (meters / 1000);
        }
        Assert.True(SecondsPerKm(RoadClass.Expressway) < SecondsPerKm(RoadClass.Mountain));
    }
}
