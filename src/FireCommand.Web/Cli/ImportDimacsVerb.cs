using System.Diagnostics;
using FireCommand.Geo.Import;
using FireCommand.Geo.Storage;

namespace FireCommand.Web.Cli;

/// <summary><c>firecommand import-dimacs &lt;.gr[.gz]&gt; [--co &lt;.co[.gz]&gt;] --out &lt;graph&gt;</c>: weights are
/// kept as given so results compare exactly with other engines on the same file.</summary>
internal static class ImportDimacsVerb
{
    public static async Task<int> RunAsync(CliArguments args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (args.Positionals.Count == 0) throw new CliUsageException("give the DIMACS .gr file to import.");
        string gr = args.Positionals[0];
        string? co = args.Optional("co");
        string output = args.Required("out");
        args.EnsureAllUsed(1);
        foreach (var f in new[] { gr, co })
            if (f is not null && !File.Exists(f)) throw new FileNotFoundException($"'{f}' not found.");
        var clock = Stopwatch.StartNew();
        var network = await Task.Run(() => DimacsReader.Read(gr, co, new CliProgress(stderr, "reading")), ct);
        RoadNetworkFile.Save(network, output);
        await CliOutput.WriteJsonAsync(stdout, new
        {
            output = Path.GetFileName(output),
            nodes = network.Graph.NodeCount,
            arcs = network.Graph.ArcCount,
            coordinates = network.Graph.HasCoordinates,
            seconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
        });
        return 0;
    }
}
