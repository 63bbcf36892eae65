using System.Text.Json;
using FireCommand.Web.Cli;

namespace FireCommand.Web.Tests.Cli;

public sealed class DimacsCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-cli-dimacs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task ImportThenTable_PrintsOneExactTimePerLine()
    {
        // 1 → 2 → 3 costs 7 + 5 = 12, the direct arc 1 → 3 costs 20; 4 is unreachable from 1.
        var gr = File("g.gr", "p sp 4 4\na 1 2 7\na 2 3 5\na 1 3 20\na 4 1 1\n");
        var graph = Path.Combine(_dir, "g.fcgraph");
        var import = await CliRun.Run("import-dimacs", gr, "--out", graph);
        Assert.Equal(0, import.Exit);
        using (var summary = JsonDocument.Parse(import.Out))
        {
            Assert.Equal(4, summary.RootElement.GetProperty("nodes").GetInt32());
            Assert.Equal(4, summary.RootElement.GetProperty("arcs").GetInt32());
        }
        var pairs = File("pairs.tsv", "1\t3\n1\t4\n3\t3\n4\t3\n");
        var table = await CliRun.Run("table", "--graph", graph, "--pairs", pairs);
        Assert.Equal(0, table.Exit);
        Assert.Equal(["12", "-1", "0", "13"], table.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task RouteByNodeIds_ReportsTheNominalTime()
    {
        var gr = File("g.gr", "p sp 3 2\na 1 2 7\na 2 3 5\n");
        var co = File("g.co", "v 1 -74000000 40000000\nv 2 -74001000 40000000\nv 3 -74002000 40000000\n");
        var graph = Path.Combine(_dir, "g.fcgraph");
        Assert.Equal(0, (await CliRun.Run("import-dimacs", gr, "--co", co, "--out", graph)).Exit);
        var route = await CliRun.Run("route", "--graph", graph, "--from", "node:1", "--to", "node:3");
        Assert.Equal(0, route.Exit);
        var features = CliRun.ParseGeoJson(route.Out);
        Assert.Equal(12L, Convert.ToInt64(features[0].Attributes["time"]));
        Assert.Equal("nominal", features[0].Attributes["unit"]);
    }

    [Theory]
    [InlineData("p sp 3 5\na 1 2 7\n")]
    [InlineData("p sp 3 1\na 1 9 7\n")]
    public async Task BadDimacs_ExitsNonZero_WithMessage_AndNoGraphFile(string text)
    {
        var graph = Path.Combine(_dir, "bad.fcgraph");
        var run = await CliRun.Run("import-dimacs", File("bad.gr", text), "--out", graph);
        Assert.Equal(1, run.Exit);
        Assert.Contains("bad.gr", run.Err);
        Assert.Equal("", run.Out);
        Assert.False(System.IO.File.Exists(graph));
    }

    [Fact]
    public async Task Usage_Errors_ExitWithTwo()
    {
        Assert.Equal(2, (await CliRun.Run("route", "--graph")).Exit);
        Assert.Equal(2, (await CliRun.Run("table", "--graph", "x", "--pairs", "y", "--bogus", "1")).Exit);
        Assert.True(CliVerbs.IsCliVerb(["import-osm", "x"]));
        Assert.False(CliVerbs.IsCliVerb(["--urls", "http://localhost:5000"]));
        Assert.False(CliVerbs.IsCliVerb([]));
    }
}
