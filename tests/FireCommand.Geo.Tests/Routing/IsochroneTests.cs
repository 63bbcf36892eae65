using FireCommand.Tests;
using FireCommand.Geo.Routing;
using FireCommand.Geo.Tests.Support;
using NetTopologySuite.Geometries;

namespace FireCommand.Geo.Tests.Routing;

public class IsochroneTests
{
    [Fact]
    public void EveryBayreuthFireStation_HasAFiveMinuteIsochrone()
    {
        var net = SharedGraphs.OsmFile("north-bayreuth").Network;
        var engine = new RoutingEngine(net);
        var reference = ReferenceDijkstra.From(net.Graph);
        var stations = net.Stations.ToList();
        Assert.Equal(7, stations.Count);
        foreach (var station in stations)
        {
            var at = engine.Snap(station.Location, 1000).Position;
            Assert.True(at is not null, $"{station.SourceId} {station.Name} is not near a road");
            var iso = Isochrones.Compute(engine, at.Value, 3000);
            Assert.True(iso.Area is Polygon or MultiPolygon);
            Assert.True(iso.Area.Area > 0);
            Assert.True(iso.ReachedNodes > 0);
            Assert.True(iso.ReachedRoadMeters > 0);
            // The road network reached is exactly the set within 5 minutes by the reference.
            var expected = PositionReference.ToAllNodes(engine, reference, at.Value).Count(t => t <= 3000);
            Assert.Equal(expected, iso.ReachedNodes);
        }
    }
}
