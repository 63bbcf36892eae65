using FireCommand.Core.Map.Province.ResponseAreas;
using FireCommand.Geo.Import.Osm;
using FireCommand.Geo.Routing;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace FireCommand.Web.Tests.Map;

/// <summary>Station response areas as the road-time Voronoi on North Bayreuth's fire-engine graph.</summary>
public sealed class ResponseAreaTests
{
    [Fact]
    public void RoadTimeAssignment_MatchesOneDijkstraPerStation_AndTheAreasTileWithoutOverlap()
    {
        var osm = FireCommand.Tests.SharedDataFiles.Require("osm/north-bayreuth.osm.gz");
        var (network, _) = OsmImporter.Import(osm, null, null, TestContext.Current.CancellationToken);
        var engine = new RoutingEngine(network);
        var g = engine.Graph;
        var stationNodes = Enumerable.Range(1, 5).Select(k => g.NodeCount * k / 6).ToArray();

        var (nearest, time) = RoadTimeAreas.Assign(engine, stationNodes.Select(engine.AtNode).ToList());

        // The reference: one plain Dijkstra per station, the minimum taken per node.
        var single = stationNodes.Select(n => engine.OneToAll(n)).ToArray();
        for (var v = 0; v < g.NodeCount; v++)
        {
            var best = single.Min(t => t[v]);
            Assert.True(best < int.MaxValue, $"node {v} unreached");
            Assert.Equal(best, time[v]);
            Assert.Equal(best, single[nearest[v]][v]);
        }
        // Every station wins some nodes, at least its own.
        for (var s = 0; s < stationNodes.Length; s++) Assert.Equal(s, nearest[stationNodes[s]]);

        var hull = new GeometryFactory(new PrecisionModel(), 4326).CreateMultiPointFromCoords(
            Enumerable.Range(0, g.NodeCount).Select(v => new Coordinate(g.Coordinate(v).Longitude, g.Coordinate(v).Latitude)).ToArray())
            .ConvexHull();
        var areas = RoadTimeAreas.Areas(g, nearest, stationNodes.Length, hull);
        Assert.All(areas, a => Assert.NotNull(a));
        // Sample nodes lie in the area of the station that reaches them first (a node sharing its spot with a node of
        // another station, as on a bridge, is left out: one cell holds both).
        var owners = Enumerable.Range(0, g.NodeCount).GroupBy(v => (g.Coordinate(v).Longitude, g.Coordinate(v).Latitude))
            .Where(group => group.Select(v => nearest[v]).Distinct().Count() == 1).SelectMany(group => group).ToHashSet();
        var checkedNodes = 0;
        for (var v = 0; v < g.NodeCount; v += 37)
        {
            if (!owners.Contains(v)) continue;
            var p = new Point(g.Coordinate(v).Longitude, g.Coordinate(v).Latitude);
            Assert.True(areas[nearest[v]]!.Covers(p), $"node {v} outside the area of station {nearest[v]}");
            checkedNodes++;
        }
        Assert.True(checkedNodes > 200, $"{checkedNodes} nodes checked");
        // The areas tile the hull: no overlap, nothing left over.
        for (var a = 0; a < areas.Length; a++)
            for (var b = a + 1; b < areas.Length; b++)
                Assert.True(OverlayNGRobust.Overlay(areas[a]!, areas[b]!, SpatialFunction.Intersection).Area < 1e-9, $"{a} overlaps {b}");
        Assert.Equal(hull.Area, areas.Sum(a => a!.Area), hull.Area * 1e-6);
    }
}
