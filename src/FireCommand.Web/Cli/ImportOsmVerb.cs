using System.Text.Json;
using FireCommand.Geo.Import.Osm;
using FireCommand.Geo.Profiles;
using FireCommand.Geo.Storage;

namespace FireCommand.Web.Cli;

/// <summary><c>firecommand import-osm &lt;file&gt; [--out &lt;graph&gt;] [--profile &lt;json&gt;]</c>: builds a graph
/// file from OSM and prints a JSON summary.</summary>
internal static class ImportOsmVerb
{
    public static async Task<int> RunAsync(CliArguments args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (args.Positionals.Count == 0) throw new CliUsageException("give the OSM file to import.");
        string input = args.Positionals[0];
        string output = args.Optional("out") ?? DefaultOutput(input);
        var profile = args.Optional("profile") is { } profilePath ? ReadProfile(profilePath) : FireEngineProfile.Default;
        args.EnsureAllUsed(1);
        if (!File.Exists(input)) throw new FileNotFoundException($"OSM file '{input}' not found.");

        var progress = new CliProgress(stderr, "reading");
        var (network, report) = await Task.Run(() => OsmImporter.Import(input, profile, progress, ct), ct);
        RoadNetworkFile.Save(network, output);
        await CliOutput.WriteJsonAsync(stdout, new
        {
            output = Path.GetFileName(output),
            nodes = report.Nodes,
            arcs = report.Arcs,
            stations = report.Stations,
            hydrants = report.Hydrants,
            routableWays = report.RoutableWays,
            rejectedWays = report.RejectedWays.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value),
            dropped = new
            {
                components = report.Dropped.DroppedComponents,
                nodes = report.Dropped.DroppedNodes,
                arcs = report.Dropped.DroppedArcs,
            },
            missingNodeReferences = report.MissingNodeReferences,
            seconds = Math.Round(report.Seconds, 3),
        });
        return 0;
    }

    internal static string DefaultOutput(string input)
    {
        string name = Path.GetFileName(input);
        foreach (var suffix in new[] { ".osm.pbf", ".osm.gz", ".osm", ".pbf", ".gr.gz", ".gr" })
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) { name = name[..^suffix.Length]; break; }
        return Path.Combine(Path.GetDirectoryName(input) ?? ".", name + ".fcgraph");
    }

    private static FireEngineProfile ReadProfile(string path)
    {
        var profile = JsonSerializer.Deserialize<FireEngineProfile>(File.ReadAllText(path), new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = true,
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        }) ?? throw new InvalidDataException($"profile '{path}' is empty.");
        var problems = profile.Validate();
        return problems.Count == 0 ? profile : throw new InvalidDataException($"profile '{path}': {string.Join(" ", problems)}");
    }
}
