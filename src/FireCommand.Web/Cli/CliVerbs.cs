namespace FireCommand.Web.Cli;

/// <summary>
/// Command-line verbs of the <c>firecommand</c> executable for the road-network engine: building
/// graph files and asking them for routes, tables, isochrones and coverage. Results go to stdout as
/// JSON or GeoJSON so they can be piped into other tools; progress and errors go to stderr, and a
/// failure exits non-zero (1 for bad data or files, 2 for bad usage).
/// </summary>
/// <remarks>Stateless; each call is independent and safe to run concurrently.</remarks>
public static class CliVerbs
{
    private static readonly Dictionary<string, Func<CliArguments, TextWriter, TextWriter, CancellationToken, Task<int>>> Verbs =
        new(StringComparer.Ordinal)
        {
            ["import-osm"] = ImportOsmVerb.RunAsync,
            ["import-dimacs"] = ImportDimacsVerb.RunAsync,
            ["route"] = RouteVerb.RunAsync,
            ["table"] = TableVerb.RunAsync,
            ["isochrone"] = IsochroneVerb.RunAsync,
            ["coverage"] = CoverageVerb.RunAsync,
            ["replay"] = ReplayVerb.RunAsync,
            ["province"] = ProvinceVerb.RunAsync,
            ["gb26875"] = Gb26875Verb.RunAsync,
        };

    /// <summary>True when the first argument names a CLI verb (the web host must not start).</summary>
    public static bool IsCliVerb(string[] args) => args.Length > 0 && (Verbs.ContainsKey(args[0]) || args[0] is "help" or "--help");

    /// <summary>Runs the verb in <c>args[0]</c>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (args.Length == 0 || !Verbs.TryGetValue(args[0], out var verb))
        {
            await stderr.WriteLineAsync(Usage);
            return args.Length > 0 && args[0] is "help" or "--help" ? 0 : 2;
        }
        try
        {
            var parsed = CliArguments.Parse(args.AsSpan(1).ToArray());
            return await verb(parsed, stdout, stderr, ct);
        }
        catch (CliUsageException e)
        {
            await stderr.WriteLineAsync($"firecommand {args[0]}: {e.Message}");
            await stderr.WriteLineAsync(Usage);
            return 2;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            await stderr.WriteLineAsync($"firecommand {args[0]}: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync($"firecommand {args[0]}: cancelled.");
            return 130;
        }
    }

    internal const string Usage = """
        usage:
          firecommand import-osm <file.osm.pbf|.osm|.osm.gz> [--out <graph>] [--profile <profile.json>]
          firecommand import-dimacs <file.gr[.gz]> [--co <file.co[.gz]>] --out <graph>
          firecommand route --graph <graph> --from <lat,lon|node:ID> --to <lat,lon|node:ID> [--crs wgs84|gcj02|bd09]
          firecommand table --graph <graph> --pairs <tsv of source and target node ids>
          firecommand isochrone --graph <graph> --from <lat,lon|node:ID> --minutes 5 [--limit <graph units>] [--crs …]
          firecommand coverage --graph <graph> --minutes 5 [--limit <graph units>] [--stations <file>] [--crs …]
          firecommand province build --osm <extract> --out <new folder> [--name <name>] [--admin-levels 4=corps,5=detachment,6=brigade]
              [[--crs wgs84|gcj02|bd09|cgcs2000] --boundaries <file.geojson|.shp>[:<crs>] (--level <level> | --level-field <property>) [--name-field <property>] [--code-field <property>]]…
              [--response-areas road-time|none | [--crs …] --response-areas <file> [--station-field <property>]] [--invalid-geometry fail|fix|skip]
              [--stations <file>:<crs>] [--units <file>] [--water-sources <file>:<crs>] [--key-places <file>:<crs>] [--skip-bad-rows]
              (files .csv, .xlsx or .geojson; crs wgs84, gcj02, bd09 or cgcs2000)
          firecommand province template stations|units|water-sources|key-places --format csv|xlsx --out <file>
          firecommand replay <sf-calls.csv> [--speed N|max] [--json | --format table|json] [--repeat N]
          firecommand gb26875 decode [--adu]   (one frame, or ADU, per line of hex on stdin; one JSON object per line out)
          firecommand gb26875 decode-stream <capture file>
        Times are printed in the graph's units: tenths of a second for OSM graphs, the file's own units for DIMACS.
        """;
}

/// <summary>Wrong or missing arguments; reported with the usage text.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
