using FireCommand.Tests;
using FireCommand.Geo.Routing;
using FireCommand.Geo.Tests.Support;

namespace FireCommand.Geo.Tests.Routing;

public class CoverageTests
{
    [Fact]
    public void NearestStationTimes_AreTheMinimumOverSingleStations()
    {
        var net = SharedGraphs.OsmFile("north-bayreuth").Network;
        var engine = new RoutingEngine(net);
        var stations = net.Stations.Select(s => engine.Snap(s.Location, 1000).Position!.Value).ToList();
        var result = Coverage.Compute(engine, stations, 3000);
        var reference = ReferenceDijkstra.From(net.Graph);
        var perStation = stations.Select(s => PositionReference.ToAllNodes(engine, reference, s)).ToList();
        for (int v = 0; v < net.Graph.NodeCount; v++)
        {
            long best = perStation.Min(t => t[v]);
            Assert.Equal(best == long.MaxValue ? int.MaxValue : best, result.TimeToNode[v]);
            Assert.Equal(best, perStation[result.NearestStation[v]][v]);
        }
        Assert.InRange(result.DemandCoveredShare, 0.01, 0.99);
        Assert.InRange(result.UncoveredRoadMeters, 0, result.RoadMeters);
        Assert.Equal(result.TimeToNode.Count(t => t <= 3000), result.Stations.Sum(s => s.NodesFirst));
    }

    [Fact]
    public void CustomDemand_IsWeightedByNode()
    {
        var (g, _) = RandomGraphs.Grid(21);
        var engine = new RoutingEngine(new(g, [], "grid"));
        var result0 = Coverage.Compute(engine, [engine.AtNode(0)], 0);
        var demand = new double[g.NodeCount];
        demand[0] = 3; demand[g.NodeCount - 1] = 1;
        var result = Coverage.Compute(engine, [engine.AtNode(0)], 0, demand);
        Assert.Equal(0.75, result.DemandCoveredShare, 12);
        Assert.Equal(0, result0.TimeToNode[0]);
    }
}
