using FireCommand.Geo.Graph;
using FireCommand.Geo.Import.Osm;
using FireCommand.Geo.Tests.Support;

namespace FireCommand.Geo.Tests.Import;

public sealed class OsmImporterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-osm-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // A small town: a two-way loop 1-2-3-4-1 (residential), a one-way street 2→5→3, a reverse one-way
    // 4←6←1 (oneway=-1 drawn 4→6→1), a ferry, a footway, a private road closed by access=no, and a
    // one-way spur 3→7 whose end cannot get back (dropped with the component trim).
    private const string Town = """
        <?xml version="1.0" encoding="UTF-8"?>
        <osm version="0.6">
          <node id="1" lat="30.000" lon="114.000"/>
          <node id="2" lat="30.000" lon="114.010"/>
          <node id="3" lat="30.010" lon="114.010"/>
          <node id="4" lat="30.010" lon="114.000"/>
          <node id="5" lat="30.005" lon="114.012"/>
          <node id="6" lat="30.005" lon="113.998"/>
          <node id="7" lat="30.020" lon="114.020"/>
          <node id="8" lat="30.030" lon="114.030"/>
          <node id="9" lat="30.005" lon="114.005"><tag k="emergency" v="fire_hydrant"/></node>
          <node id="10" lat="30.006" lon="114.006"><tag k="amenity" v="fire_station"/><tag k="name" v="福田消防站"/></node>
          <way id="100"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="1"/><tag k="highway" v="residential"/></way>
          <way id="101"><nd ref="2"/><nd ref="5"/><nd ref="3"/><tag k="highway" v="primary"/><tag k="oneway" v="yes"/><tag k="maxspeed" v="30"/></way>
          <way id="102"><nd ref="4"/><nd ref="6"/><nd ref="1"/><tag k="highway" v="secondary"/><tag k="oneway" v="-1"/></way>
          <way id="103"><nd ref="1"/><nd ref="8"/><tag k="route" v="ferry"/></way>
          <way id="104"><nd ref="2"/><nd ref="8"/><tag k="highway" v="footway"/></way>
          <way id="105"><nd ref="3"/><nd ref="8"/><tag k="highway" v="service"/><tag k="access" v="no"/></way>
          <way id="106"><nd ref="3"/><nd ref="7"/><tag k="highway" v="tertiary"/><tag k="oneway" v="yes"/></way>
        </osm>
        """;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Town_KeepsRoutableWays_HonoursOneWays_AndDropsWhatFireEnginesCannotUse()
    {
        var (net, report) = OsmImporter.Import(Write("town.osm", Town), cancellationToken: TestContext.Current.CancellationToken);
        var g = net.Graph;
        var index = Enumerable.Range(0, g.NodeCount).ToDictionary(v => g.ExternalId(v));
        Assert.Equal([1L, 2, 3, 4, 5, 6], index.Keys.Order());
        Assert.True(g.ArcTime(index[2], index[5]) > 0);
        Assert.Equal(-1, g.ArcTime(index[5], index[2]));        // oneway=yes
        Assert.True(g.ArcTime(index[1], index[6]) > 0);          // oneway=-1 runs against the drawing
        Assert.Equal(-1, g.ArcTime(index[4], index[6]));
        Assert.Equal(1, report.RejectedWays[WayRejection.Ferry]);
        Assert.Equal(1, report.RejectedWays[WayRejection.NotForVehicles]);
        Assert.Equal(1, report.RejectedWays[WayRejection.AccessDenied]);
        Assert.Equal(new ComponentTrim(2, 1, 1, 1), report.Dropped); // node 7
        Assert.Equal(1, report.Stations);
        Assert.Equal(1, report.Hydrants);
        Assert.Equal("福田消防站", net.Stations.Single().Name);
        Assert.Equal(g.NodeCount, report.Nodes);
    }

    [Fact]
    public void ProfileSpeeds_DecideTheArcTimes()
    {
        var (net, _) = OsmImporter.Import(Write("town.osm", Town), cancellationToken: TestContext.Current.CancellationToken);
        var g = net.Graph;
        var index = Enumerable.Range(0, g.NodeCount).ToDictionary(v => g.ExternalId(v));
        int a = index[1], b = index[2];
        double meters = g.Coordinate(a).DistanceMetersTo(g.Coordinate(b));
        // A residential street outside town: 25 km/h (docs: the fire-engine speed table), no urban slowdown.
        Assert.Equal((int)Math.Round(meters / (25 / 3.6) * 10), g.ArcTime(a, b));
        Assert.Equal(meters, g.ArcLengthMeters(a, b), 0.01);
        // maxspeed=30 caps the primary road below its class speed.
        double primary = g.Coordinate(index[2]).DistanceMetersTo(g.Coordinate(index[5]));
        Assert.Equal((int)Math.Round(primary / (30 * 1.1 / 3.6) * 10), g.ArcTime(index[2], index[5]));
    }

    [Theory]
    [InlineData("empty.osm", "")]
    [InlineData("cut.osm", "<?xml version=\"1.0\"?><osm version=\"0.6\"><node id=\"1\" lat=\"30\" lon=\"114\"/><way id=\"5\"><nd ref=\"1\"/>")]
    [InlineData("roadless.osm", "<?xml version=\"1.0\"?><osm version=\"0.6\"><node id=\"1\" lat=\"30\" lon=\"114\"/></osm>")]
    [InlineData("junk.osm.pbf", "this is not protobuf at all, just text")]
    public void MalformedFiles_FailWithAClearMessage(string name, string content)
    {
        var ex = Assert.Throws<InvalidDataException>(() => OsmImporter.Import(Write(name, content), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains(name, ex.Message);
    }

    [Theory]
    [InlineData("osm/north-bayreuth.osm.gz", 0.5)]
    [InlineData("osm/monaco.osm.pbf", 0.5)]
    public void TruncatedSharedFiles_FailWithAClearMessage(string relative, double keep)
    {
        var source = SharedData.Require(relative);
        var bytes = File.ReadAllBytes(source);
        var path = Path.Combine(_dir, Path.GetFileName(relative));
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * keep)]);
        var ex = Assert.Throws<InvalidDataException>(() => OsmImporter.Import(path, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains(Path.GetFileName(relative), ex.Message);
    }

    [Fact]
    public void NorthBayreuth_HasItsSevenStationsAndTwentyHydrants()
    {
        var (net, report) = SharedGraphs.OsmFile("north-bayreuth");
        Assert.Equal(7, report.Stations);
        Assert.Equal(20, report.Hydrants);
        Assert.Equal(4, net.Stations.Count(s => s.SourceId.StartsWith("node/")));
        Assert.Equal(3, net.Stations.Count(s => s.SourceId.StartsWith("way/")));
        Assert.Equal(1, StrongComponents.Compute(net.Graph).Count);
    }

    [Fact]
    public void Monaco_ReadsThePbfWithItsStationsAndHydrant()
    {
        var (net, report) = SharedGraphs.OsmFile("monaco");
        Assert.Equal(3, report.Stations);
        Assert.Equal(1, report.Hydrants);
        var ferries = CountWays(SharedData.Require("osm/monaco.osm.pbf"), tags => tags.Contains("route", "ferry"));
        Assert.True(ferries > 0, "the Monaco extract has ferry routes; the reference count found none");
        Assert.Equal(ferries, report.RejectedWays.GetValueOrDefault(WayRejection.Ferry));
        Assert.True(net.Graph.NodeCount > 10_000);
    }

    [Fact]
    public void ShenzhenFutian_ImportsWithinTheDocumentedComponentSize()
    {
        var (net, report) = SharedGraphs.OsmFile("shenzhen-futian");
        // The data README: the largest SCC over *all* highway ways holds 6,099 of 7,906 nodes; footways,
        // steps and pedestrian ways are not for fire engines, so ours is smaller but still the bulk.
        Assert.InRange(report.Nodes, 4_000, 6_099);
        Assert.Equal(report.Nodes, net.Graph.NodeCount);
        Assert.True(report.Dropped.DroppedComponents > 0);
        Assert.All(Enumerable.Range(0, net.Graph.NodeCount), v =>
            Assert.InRange(net.Graph.Coordinate(v).Latitude, 22.3, 22.8));
    }

    /// <summary>The reference count: ways of two or more nodes whose tags match, read straight from the PBF.</summary>
    private static int CountWays(string pbf, Func<OsmSharp.Tags.TagsCollectionBase, bool> match)
    {
        using var stream = File.OpenRead(pbf);
        var source = new OsmSharp.Streams.PBFOsmStreamSource(stream);
        return source.OfType<OsmSharp.Way>().Count(w => w.Nodes is { Length: >= 2 } && w.Tags is { } t && match(t));
    }
}
