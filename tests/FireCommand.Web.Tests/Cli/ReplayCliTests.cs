using System.Text.Json;
using FireCommand.Web.Cli;

namespace FireCommand.Web.Tests.Cli;

public sealed class ReplayCliTests : IDisposable
{
    private const string Header =
        "Call Number,Unit ID,Call Type,Call Type Group,Received DtTm,Dispatch DtTm,Response DtTm,On Scene DtTm,Available DtTm," +
        "Address,Unit Type,Location";

    private readonly string _dir = Directory.CreateTempSubdirectory("fc-cli-replay-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task RealLog_Json_GivesCountsPercentilesAndThroughput()
    {
        var csv = CliRun.SharedData("incidents/sf-fire-calls-2020-04-07_20.csv");
        var run = await CliRun.Run("replay", csv, "--speed", "max", "--json");

        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(5_292, root.GetProperty("calls").GetInt32());
        Assert.Equal(10_410, root.GetProperty("unitRows").GetInt32());
        Assert.Equal(0, root.GetProperty("skippedRows").GetInt32());
        Assert.Equal(670, root.GetProperty("callsByType").GetProperty("fire").GetInt32());
        var processing = root.GetProperty("intervals").EnumerateArray().Single(i => i.GetProperty("interval").GetString() == "callProcessing");
        Assert.Equal((103, 238, 293), (processing.GetProperty("p50").GetInt32(), processing.GetProperty("p90").GetInt32(),
            processing.GetProperty("p95").GetInt32()));
        var within64 = processing.GetProperty("standards")[0];
        Assert.Equal(0.3326, within64.GetProperty("shareWithin").GetDouble());
        Assert.False(within64.GetProperty("met").GetBoolean());
        Assert.Equal(5_292, root.GetProperty("decisions").GetProperty("duplicateChecked").GetInt32());
        Assert.True(root.GetProperty("decisions").GetProperty("offeredForMerge").GetInt32() >= 0);
        Assert.True(root.GetProperty("throughput").GetProperty("callsPerSecond").GetDouble() > 0); // measured, never compared
    }

    [Fact]
    public async Task SmallLog_Table_ShowsFiguresAndTheSkippedRowsWithLineNumbers()
    {
        var csv = File("calls.csv", Header + "\n" +
            "1,E1,Structure Fire,Fire,04/07/2020 12:00:00 PM,04/07/2020 12:01:00 PM,04/07/2020 12:02:00 PM,04/07/2020 12:05:00 PM,," +
            "\"MARKET ST, near 5TH\",ENGINE,\"(37.7749, -122.4194)\"\n" +
            "2,E2,Structure Fire,Fire,04/07/2020 25:00:00 PM,,,,,x,ENGINE,\n" +
            "3,E3,Medical Incident\n");
        var run = await CliRun.Run("replay", csv, "--repeat", "2");

        Assert.Equal(0, run.Exit);
        Assert.Contains("median of 2 runs", run.Out);
        Assert.Contains("calls 1 · unit rows 1 · skipped rows 2", run.Out);
        Assert.Contains("line 3: Received DtTm '04/07/2020 25:00:00 PM'", run.Out);
        Assert.Contains("line 4: 3 fields where the header has 12", run.Out);
        Assert.Matches(@"call processing\s+1\s+60\s+60\s+60", run.Out);
        Assert.Matches(@"first-engine travel\s+1\s+180\s+180\s+180\s+100\.0%", run.Out);
        Assert.Contains("calls/s", run.Out);
        Assert.Equal("", run.Err); // no progress bar at full speed
    }

    [Fact]
    public async Task NotACallLog_ExitsOne_WithTheReason()
    {
        var run = await CliRun.Run("replay", File("other.csv", "name,age\nx,1\n"));
        Assert.Equal(1, run.Exit);
        Assert.Contains("not an SF call log", run.Err);
        Assert.Equal("", run.Out);
        Assert.Equal(1, (await CliRun.Run("replay", Path.Combine(_dir, "missing.csv"))).Exit);
    }

    [Theory]
    [InlineData("--speed", "fast")]
    [InlineData("--speed", "-2")]
    [InlineData("--format", "xml")]
    [InlineData("--repeat", "0")]
    [InlineData("--repeat", "two")]
    [InlineData("--bogus", "1")]
    public async Task BadOptions_ExitTwo_WithUsage(string option, string value)
    {
        var run = await CliRun.Run("replay", File("calls.csv", Header + "\n"), option, value);
        Assert.Equal(2, run.Exit);
        Assert.Contains("firecommand replay", run.Err);
    }

    [Fact]
    public async Task MissingFile_Argument_ExitsTwo()
    {
        Assert.Equal(2, (await CliRun.Run("replay")).Exit);
        Assert.True(CliVerbs.IsCliVerb(["replay", "x.csv"]));
    }
}
