using System.Text.Json;
using FireCommand.Web.Cli;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace FireCommand.Web.Tests.Cli;

/// <summary>Runs a verb in-process and captures its streams.</summary>
internal static class CliRun
{
    public static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = await CliVerbs.RunAsync(args, stdout, stderr, TestContext.Current.CancellationToken);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Parses stdout with NTS's GeoJSON reader: fails the test if it is not GeoJSON.</summary>
    public static FeatureCollection ParseGeoJson(string text)
    {
        var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } };
        return JsonSerializer.Deserialize<FeatureCollection>(text, options) ?? throw new InvalidDataException("null GeoJSON");
    }

    /// <summary>The shared data file, or a skip (a failure under FIRECOMMAND_REQUIRE_ALL=1).</summary>
    public static string SharedData(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FireCommand.slnx"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("FireCommand.slnx not found above the test binaries.");
        var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", relative));
        if (File.Exists(path)) return path;
        var reason = $"shared data file '{relative}' is missing (looked for ../shared/data/{relative} beside the repository)";
        if (Environment.GetEnvironmentVariable("FIRECOMMAND_REQUIRE_ALL") == "1") Assert.Fail(reason + " and FIRECOMMAND_REQUIRE_ALL=1");
        Assert.Skip(reason);
        return path;
    }
}
