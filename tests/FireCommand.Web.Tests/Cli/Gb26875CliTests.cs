using System.Text.Json.Nodes;
using FireCommand.Web.Cli;

namespace FireCommand.Web.Tests.Cli;

/// <summary>
/// <c>firecommand gb26875</c>: the reference frames through the CLI give the reference file's decoded
/// values, bad lines give one error line each, and a capture with garbage lists frames and rejections at
/// the offsets the test placed them.
/// </summary>
public sealed class Gb26875CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-cli-gb26875-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static JsonArray Reference() =>
        JsonNode.Parse(File.ReadAllText(CliRun.SharedData("gb26875/reference-frames.json")))!.AsArray();

    private static async Task<(int Exit, List<JsonNode> Lines)> Decode(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        int exit = await Gb26875Verb.RunAsync(CliArguments.Parse(["decode", .. args]), new StringReader(stdin), stdout,
            TestContext.Current.CancellationToken);
        return (exit, stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList());
    }

    [Fact]
    public async Task Decode_EveryReferenceFrame_PrintsTheExpectedFrame()
    {
        var reference = Reference();
        // The file's own spacing on some lines, none on others.
        var input = string.Join('\n', reference.Select((e, i) => i % 2 == 0 ? (string)e!["hex"]! : ((string)e!["hex"]!).Replace(" ", "")));

        var (exit, lines) = await Decode(input);

        Assert.Equal(0, exit);
        Assert.Equal(reference.Count, lines.Count);
        for (int i = 0; i < reference.Count; i++)
        {
            Assert.True((bool)lines[i]["ok"]!, lines[i].ToJsonString());
            Assert.True(JsonNode.DeepEquals(reference[i]!["expect"], lines[i]["frame"]),
                $"{reference[i]!["name"]}: {lines[i]["frame"]!.ToJsonString()}");
        }
    }

    [Fact]
    public async Task DecodeAdu_EveryReferenceAdu_PrintsTheExpectedAdu()
    {
        var withAdu = Reference().Where(e => ((string)e!["expect"]!["adu_hex"]!).Length > 0).ToList();

        var (exit, lines) = await Decode(string.Join('\n', withAdu.Select(e => (string)e!["expect"]!["adu_hex"]!)), "--adu");

        Assert.Equal(0, exit);
        Assert.Equal(withAdu.Count, lines.Count);
        for (int i = 0; i < withAdu.Count; i++)
            Assert.True(JsonNode.DeepEquals(withAdu[i]!["expect"]!["adu"], lines[i]["adu"]), $"{withAdu[i]!["name"]}: {lines[i].ToJsonString()}");
    }

    [Theory]
    [InlineData("40 40 0G", "'G' is not a hex digit")]
    [InlineData("40 40 0", "odd number of hex digits")]
    [InlineData("40 40 01 00 01 01 23 3A 09 1A 09 0C 38 5B 01 00 00 00 79 03 00 00 00 00 00 00 03 AC 23 23", "checksum AC stated, AB computed")]
    [InlineData("40 40 01 00 01 01 23 3A 09 1A 09 0C 38 5B 01 00 00 00 79 03 00 00 00 00 00 00 03 AB 23 23 23", "31 bytes, but ADU length 0 makes a frame of 30")]
    [InlineData("40 40 01 00 01 01 23 3A 09 1A 09 0C 38 5B 01 00 00 00 79 03 00 00 00 00 01 04 03 AB 23 23", "ADU length 1025 exceeds 1024")]
    [InlineData("40 40 01 00 01 01 23 3A 09 1A 09 0C 38 5B 01 00 00 00 79 03 00 00 00 00 00 00 07 AF 23 23", "unknown command byte 7")]
    public async Task Decode_BadLine_PrintsItsErrorAndTheNextLineStillDecodes(string hex, string error)
    {
        const string ack = "40 40 01 00 01 01 23 3A 09 1A 09 0C 38 5B 01 00 00 00 79 03 00 00 00 00 00 00 03 AB 23 23";

        var (exit, lines) = await Decode(hex + "\n\n" + ack + "\n");

        Assert.Equal(1, exit);
        Assert.Equal(2, lines.Count);
        Assert.False((bool)lines[0]["ok"]!);
        Assert.Contains(error, (string)lines[0]["error"]!, StringComparison.Ordinal);
        Assert.True((bool)lines[1]["ok"]!);
        Assert.Equal(3, (int)lines[1]["frame"]!["command"]!);
    }

    [Fact]
    public async Task DecodeStream_GarbageAndFrames_ListsThemInStreamOrderAtTheirOffsets()
    {
        var reference = Reference();
        var fire = Bytes(reference, "fire-alarm-component-state");
        var mains = Bytes(reference, "uitd-mains-fault");
        var badChecksum = mains.ToArray();
        badChecksum[^3] ^= 0xFF;
        byte[] garbage = [0x01, 0x02, 0x40];
        byte[] capture = [.. garbage, .. fire, .. badChecksum, .. mains, .. fire.AsSpan(0, 20)];
        var path = Path.Combine(_dir, "capture.bin");
        await File.WriteAllBytesAsync(path, capture, TestContext.Current.CancellationToken);

        var run = await CliRun.Run("gb26875", "decode-stream", path);

        Assert.Equal(0, run.Exit);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        var emitted = lines.Where(l => l["emitted"] is not null).Select(l => l["emitted"]!).ToList();
        Assert.Equal([3L, 3L + 78 + 39], emitted.Select(e => (long)e["offset"]!));
        Assert.True(JsonNode.DeepEquals(Expect(reference, "fire-alarm-component-state"), emitted[0]["frame"]));
        Assert.True(JsonNode.DeepEquals(Expect(reference, "uitd-mains-fault"), emitted[1]["frame"]));

        var rejected = lines.Where(l => l["rejected"] is not null).Select(l => l["rejected"]!).ToList();
        var checksum = rejected.Single(r => (long)r["offset"]! == 3 + 78);
        Assert.Contains("checksum", (string)checksum["reason"]!, StringComparison.Ordinal);
        Assert.True((bool)checksum["deny"]!);
        Assert.Contains(rejected, r => (long)r["offset"]! == 3 + 78 + 39 + 39 && ((string)r["reason"]!).Contains("stream ends", StringComparison.Ordinal));
        // Offsets only grow: stream order.
        var offsets = lines.Select(l => (long)(l["emitted"] ?? l["rejected"])!["offset"]!).ToList();
        Assert.Equal(offsets.Order(), offsets);
    }

    [Fact]
    public async Task DecodeStream_WithoutAFile_IsAUsageError()
    {
        var run = await CliRun.Run("gb26875", "decode-stream");
        Assert.Equal(2, run.Exit);
        Assert.Contains("capture file", run.Err, StringComparison.Ordinal);
    }

    private static byte[] Bytes(JsonArray reference, string name) =>
        Convert.FromHexString(((string)reference.Single(e => (string)e!["name"]! == name)!["hex"]!).Replace(" ", ""));

    private static JsonNode Expect(JsonArray reference, string name) => reference.Single(e => (string)e!["name"]! == name)!["expect"]!;
}
