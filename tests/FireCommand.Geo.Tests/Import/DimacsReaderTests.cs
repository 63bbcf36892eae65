using FireCommand.Geo.Graph;
using FireCommand.Geo.Import;
using FireCommand.Geo.Tests.Support;

namespace FireCommand.Geo.Tests.Import;

public sealed class DimacsReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-dimacs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void SmallGraph_KeepsWeightsAndIdsAsGiven()
    {
        var gr = Write("t.gr", "c test\np sp 3 3\na 1 2 7\na 2 3 5\na 3 1 1\n");
        var co = Write("t.co", "p aux sp co 3\nv 1 -74000000 40000000\nv 2 -74000100 40000100\nv 3 -74000200 40000000\n");
        var net = DimacsReader.Read(gr, co);
        Assert.Equal(TravelTimeUnit.Nominal, net.Graph.TimeUnit);
        Assert.Equal(3, net.Graph.NodeCount);
        Assert.Equal(7, net.Graph.ArcTime(0, 1));
        Assert.Equal(3L, net.Graph.ExternalId(2));
        Assert.Equal(40.0001, net.Graph.Coordinate(1).Latitude, 9);
        Assert.Equal(-74.0002, net.Graph.Coordinate(2).Longitude, 9);
    }

    [Theory]
    [InlineData("p sp 3 2\na 1 2 7\n", "announces 2 arcs")]          // truncated
    [InlineData("p sp 3 1\na 1 4 7\n", "line 2: node id outside")]
    [InlineData("p sp 3 1\na 1 2 x\n", "line 2: 'x' is not an integer")]
    [InlineData("a 1 2 3\n", "arc before the problem line")]
    [InlineData("p sp 3 1\na 1 2 -4\n", "negative weight")]
    public void MalformedGraph_IsRejectedWithTheLine(string text, string message)
    {
        var ex = Assert.Throws<InvalidDataException>(() => DimacsReader.Read(Write("bad.gr", text)));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void NewYork_HasTheAnnouncedCounts()
    {
        var g = SharedGraphs.NewYork().Graph;
        Assert.Equal(264_346, g.NodeCount);
        Assert.Equal(733_846, g.ArcCount);
        Assert.True(g.HasCoordinates);
    }
}
