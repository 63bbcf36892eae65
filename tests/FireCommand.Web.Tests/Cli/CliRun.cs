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
    public static string SharedData(string relative) => FireCommand.Tests.SharedDataFiles.Require(relative);
}
