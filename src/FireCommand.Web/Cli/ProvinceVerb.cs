using FireCommand.Core.Map.Province;

namespace FireCommand.Web.Cli;

/// <summary><c>firecommand province build --osm &lt;extract&gt; --out &lt;dir&gt; [--name …] [--admin-levels 4=corps,…]</c>:
/// builds a province package folder the platform can start on, with progress on stderr and a JSON
/// report on stdout.</summary>
internal static class ProvinceVerb
{
    public static async Task<int> RunAsync(CliArguments args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (args.Positionals.Count == 0 || args.Positionals[0] != "build")
            throw new CliUsageException("the province verb has one action: province build --osm <extract> --out <dir>.");
        var osm = args.Required("osm");
        var output = args.Required("out");
        var name = args.Optional("name");
        var levels = args.Optional("admin-levels") is { } text ? ProvinceJurisdictions.ParseAdminLevels(text) : null;
        var areas = ProvinceAreaArguments.Parse(args);
        args.EnsureAllUsed(1);

        var report = await Task.Run(() => ProvinceBuilder.Build(new ProvinceBuildRequest(osm, output, name, levels, Areas: areas),
            DateTimeOffset.UtcNow, step => new CliProgress(stderr, step.PadRight(8)), ct), ct);
        var m = report.Manifest;
        await CliOutput.WriteJsonAsync(stdout, new
        {
            output,
            name = m.Name,
            bounds = m.Bounds,
            counts = m.Counts,
            droppedRoads = new
            {
                components = report.DroppedRoads.DroppedComponents,
                nodes = report.DroppedRoads.DroppedNodes,
                arcs = report.DroppedRoads.DroppedArcs,
            },
            missingNodeReferences = report.MissingNodeReferences,
            notes = report.Notes,
        });
        return 0;
    }
}
