using FireCommand.Geo.Graph;
using FireCommand.Geo.Storage;
using FireCommand.Geo.Tests.Support;

namespace FireCommand.Geo.Tests.Storage;

public sealed class RoadNetworkFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-graphfile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("north-bayreuth")]
    [InlineData("ny")]
    public void SaveThenLoad_GivesTheSameGraphAndPlaces(string name)
    {
        var net = SharedGraphs.Get(name);
        var path = Path.Combine(_dir, "g.fcgraph");
        RoadNetworkFile.Save(net, path);
        var loaded = RoadNetworkFile.Load(path);
        var (a, b) = (net.Graph, loaded.Graph);
        Assert.Equal(a.TimeUnit, b.TimeUnit);
        Assert.Equal(a.ArcCount, b.ArcCount);
        Assert.Equal(a.FirstEntry, b.FirstEntry);
        Assert.Equal(a.EntryHead, b.EntryHead);
        Assert.Equal(a.EntryTime, b.EntryTime);
        Assert.Equal(a.EntryLength, b.EntryLength);
        Assert.Equal(a.LatE7, b.LatE7);
        Assert.Equal(a.LonE7, b.LonE7);
        Assert.Equal(a.ExternalIds, b.ExternalIds);
        Assert.Equal(net.Places, loaded.Places);
        Assert.Equal(net.Source, loaded.Source);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public void TruncatedOrForeignFile_IsRejectedClearly()
    {
        var (g, _) = RandomGraphs.Grid(3);
        var path = Path.Combine(_dir, "g.fcgraph");
        RoadNetworkFile.Save(new RoadNetwork(g, [new MapPlace(PlaceKind.Hydrant, "node/1", "东门", new GeoPoint(30, 114))], "grid"), path);
        var bytes = File.ReadAllBytes(path);
        foreach (int cut in new[] { 10, 40, bytes.Length / 2, bytes.Length - 3 })
        {
            File.WriteAllBytes(path, bytes[..cut]);
            Assert.Throws<InvalidDataException>(() => RoadNetworkFile.Load(path));
        }
        File.WriteAllText(path, "not a graph at all");
        Assert.Contains("Not a FireCommand graph", Assert.Throws<InvalidDataException>(() => RoadNetworkFile.Load(path)).Message);
    }

    [Fact]
    public void DamagedArc_IsRejectedOnLoad()
    {
        var (g, _) = RandomGraphs.Grid(4);
        var path = Path.Combine(_dir, "g.fcgraph");
        RoadNetworkFile.Save(new RoadNetwork(g, [], "grid"), path);
        var bytes = File.ReadAllBytes(path);
        int headStart = 8 + 6 * 4 + 4 * (g.NodeCount + 1);
        bytes[headStart] = 0xFF; bytes[headStart + 1] = 0xFF; bytes[headStart + 2] = 0xFF; bytes[headStart + 3] = 0x3F;
        File.WriteAllBytes(path, bytes);
        Assert.Throws<InvalidDataException>(() => RoadNetworkFile.Load(path));
    }

    [Fact]
    public void FailedWrite_LeavesNeitherTempFileNorTarget()
    {
        var path = Path.Combine(_dir, "out.fcgraph");
        Assert.Throws<InvalidOperationException>(() =>
            AtomicFile.Write(path, s => { s.WriteByte(1); throw new InvalidOperationException("boom"); }));
        Assert.Empty(Directory.GetFiles(_dir));
    }
}
