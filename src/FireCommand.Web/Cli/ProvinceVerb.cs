using FireCommand.Core.Map.Province;

namespace FireCommand.Web.Cli;

/// <summary><c>firecommand province build --osm &lt;extract&gt; --out &lt;dir&gt; [--name …] [--admin-levels 4=corps,…]
/// [record files]</c>: builds a province package folder the platform can start on, with progress on stderr and a
/// JSON report on stdout (rejected record rows also as a list on stderr). <c>province template</c> writes an
/// empty record file.</summary>
internal static class ProvinceVerb
{
    public static async Task<int> RunAsync(CliArguments args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (args.Positionals is ["template", ..]) return await ProvinceTemplateVerb.RunAsync(args, stdout, ct);
        if (args.Positionals.Count == 0 || args.Positionals[0] != "build")
            throw new CliUsageException("the province verb has two actions: province build --osm <extract> --out <dir>, and province template <table>.");
        var osm = args.Required("osm");
        var output = args.Required("out");
        var name = args.Optional("name");
        var levels = args.Optional("admin-levels") is { } text ? ProvinceJurisdictions.ParseAdminLevels(text) : null;
        var recordFiles = ProvinceRecordArguments.Parse(args);
        var areas = ProvinceAreaArguments.Parse(args);
        args.EnsureAllUsed(1);

        ProvinceBuildReport report;
        try
        {
            report = await Task.Run(() => ProvinceBuilder.Build(new ProvinceBuildRequest(osm, output, name, levels, RecordFiles: recordFiles, Areas: areas),
                DateTimeOffset.UtcNow, step => new CliProgress(stderr, step.PadRight(8)), ct), ct);
        }
        catch (Core.Map.Province.Inputs.RecordRowsRejectedException e)
        {
            await CliOutput.WriteJsonAsync(stdout, new { output = (string?)null, rejectedRows = ProvinceRecordArguments.Report(e.Rows) });
            await ProvinceRecordArguments.WriteListAsync(stderr, e.Rows, skipped: false);
            await stderr.WriteLineAsync($"firecommand province: {e.Message}");
            return 1;
        }
        await ProvinceRecordArguments.WriteListAsync(stderr, report.RejectedRows ?? [], skipped: true);
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
            rejectedRows = ProvinceRecordArguments.Report(report.RejectedRows ?? []),
        });
        return 0;
    }
}
