using System.Text.Json;
using NetTopologySuite.Geometries;

namespace FireCommand.Web.Tests.Cli;

public sealed class OsmCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-cli-osm-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<string> ImportBayreuth()
    {
        var graph = Path.Combine(_dir, "bayreuth.fcgraph");
        var run = await CliRun.Run("import-osm", CliRun.SharedData("osm/north-bayreuth.osm.gz"), "--out", graph);
        Assert.True(run.Exit == 0, run.Err);
        using var summary = JsonDocument.Parse(run.Out);
        Assert.Equal(7, summary.RootElement.GetProperty("stations").GetInt32());
        Assert.Equal(20, summary.RootElement.GetProperty("hydrants").GetInt32());
        Assert.Contains("100%", run.Err); // the progress bar finished
        return graph;
    }

    [Fact]
    public async Task Futian_ImportsWithItsCountsReported()
    {
        var graph = Path.Combine(_dir, "futian.fcgraph");
        var run = await CliRun.Run("import-osm", CliRun.SharedData("osm/shenzhen-futian.osm.gz"), "--out", graph);
        Assert.True(run.Exit == 0, run.Err);
        using var summary = JsonDocument.Parse(run.Out);
        var root = summary.RootElement;
        // The summary tells the truth about the file it wrote: the graph read back has those counts.
        var written = FireCommand.Geo.Storage.RoadNetworkFile.Load(graph);
        Assert.Equal(written.Graph.NodeCount, root.GetProperty("nodes").GetInt32());
        Assert.Equal(written.Graph.ArcCount, root.GetProperty("arcs").GetInt32());
        // The data README: the largest strongly connected part over all highway ways has 6,099 of
        // 7,906 nodes; fire engines drive a subset of those ways, so ours is at most that.
        Assert.InRange(root.GetProperty("nodes").GetInt32(), 4_000, 6_099);
        Assert.True(root.GetProperty("dropped").GetProperty("components").GetInt32() > 0);
        // Stations and hydrants against a count of the tags straight from the file.
        var (stations, hydrants) = CountTags(CliRun.SharedData("osm/shenzhen-futian.osm.gz"));
        Assert.Equal(stations, root.GetProperty("stations").GetInt32());
        Assert.Equal(hydrants, root.GetProperty("hydrants").GetInt32());
        Assert.True(root.GetProperty("seconds").GetDouble() >= 0);
    }

    private static (int Stations, int Hydrants) CountTags(string osmGz)
    {
        using var file = File.OpenRead(osmGz);
        using var xml = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress);
        int stations = 0, hydrants = 0;
        foreach (var geo in new OsmSharp.Streams.XmlOsmStreamSource(xml))
        {
            if (geo.Tags is not { } tags) continue;
            if (tags.Contains("amenity", "fire_station") && (geo is OsmSharp.Node || geo is OsmSharp.Way { Nodes.Length: >= 2 })) stations++;
            if (geo is OsmSharp.Node && tags.Contains("emergency", "fire_hydrant")) hydrants++;
        }
        return (stations, hydrants);
    }

    [Fact]
    public async Task RouteIsochroneAndCoverage_PrintGeoJson()
    {
        var graph = await ImportBayreuth();
        var route = await CliRun.Run("route", "--graph", graph, "--from", "50.005,11.52", "--to", "50.03,11.57");
        Assert.True(route.Exit == 0, route.Err);
        var routeFeatures = CliRun.ParseGeoJson(route.Out);
        Assert.IsType<LineString>(routeFeatures[0].Geometry);
        long total = Convert.ToInt64(routeFeatures[0].Attributes["time"]);
        Assert.Equal(total, routeFeatures.Skip(1).Sum(f => Convert.ToInt64(f.Attributes["time"])));

        var iso = await CliRun.Run("isochrone", "--graph", graph, "--from", "50.005,11.52", "--minutes", "5");
        Assert.True(iso.Exit == 0, iso.Err);
        var isoFeatures = CliRun.ParseGeoJson(iso.Out);
        Assert.True(isoFeatures[0].Geometry is Polygon or MultiPolygon);
        Assert.Equal(3000L, Convert.ToInt64(isoFeatures[0].Attributes["budget"]));

        var coverage = await CliRun.Run("coverage", "--graph", graph, "--minutes", "5");
        Assert.True(coverage.Exit == 0, coverage.Err);
        var coverageFeatures = CliRun.ParseGeoJson(coverage.Out);
        Assert.Equal(7, coverageFeatures.Count(f => (string)f.Attributes["kind"] == "station"));
        var summary = coverageFeatures.Single(f => (string)f.Attributes["kind"] == "uncoveredRoads");
        Assert.InRange(Convert.ToDouble(summary.Attributes["demandCoveredShare"]), 0, 1);
    }

    [Fact]
    public async Task PointFarFromRoads_IsAnErrorNotASnap()
    {
        var graph = await ImportBayreuth();
        var run = await CliRun.Run("route", "--graph", graph, "--from", "50.3,11.52", "--to", "50.03,11.57");
        Assert.Equal(1, run.Exit);
        Assert.Contains("from any road", run.Err);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.05)]
    public async Task TruncatedOsm_FailsClearly_AndLeavesNoGraphFile(double keep)
    {
        var bytes = await File.ReadAllBytesAsync(CliRun.SharedData("osm/monaco.osm.pbf"), TestContext.Current.CancellationToken);
        var input = Path.Combine(_dir, "monaco.osm.pbf");
        await File.WriteAllBytesAsync(input, bytes[..(int)(bytes.Length * keep)], TestContext.Current.CancellationToken);
        var graph = Path.Combine(_dir, "monaco.fcgraph");
        var run = await CliRun.Run("import-osm", input, "--out", graph);
        Assert.Equal(1, run.Exit);
        Assert.Contains("truncated", run.Err);
        Assert.Equal("", run.Out);
        Assert.Empty(Directory.GetFiles(_dir, "*.fcgraph*"));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public async Task MalformedXml_FailsClearly()
    {
        var input = Path.Combine(_dir, "broken.osm");
        await File.WriteAllTextAsync(input, "<osm><node id=\"1\" lat=\"50\" lon=\"11\"><way>", TestContext.Current.CancellationToken);
        var run = await CliRun.Run("import-osm", input, "--out", Path.Combine(_dir, "broken.fcgraph"));
        Assert.Equal(1, run.Exit);
        Assert.Contains("broken.osm", run.Err);
        Assert.Empty(Directory.GetFiles(_dir, "*.fcgraph*"));
    }
}
