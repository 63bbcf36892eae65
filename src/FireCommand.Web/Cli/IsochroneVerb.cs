using FireCommand.Geo.Routing;
using NetTopologySuite.Features;

namespace FireCommand.Web.Cli;

/// <summary><c>firecommand isochrone --graph g --from lat,lon --minutes 5</c>: GeoJSON with the reached
/// area (polygon) and the reached roads.</summary>
internal static class IsochroneVerb
{
    public static async Task<int> RunAsync(CliArguments args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        string graph = args.Required("graph"), fromText = args.Required("from");
        var crs = GraphArguments.Crs(args);
        var budgetOptions = GraphArguments.BudgetOptions(args);
        args.EnsureAllUsed(0);
        var engine = GraphArguments.LoadEngine(graph);
        var from = GraphArguments.Position(engine, "from", fromText, crs);
        int budget = GraphArguments.Budget(engine, budgetOptions, defaultMinutes: null);
        if (!engine.Graph.HasCoordinates) throw new ArgumentException("this graph has no coordinates, so no isochrone can be drawn.");
        var iso = Isochrones.Compute(engine, from, budget);
        var features = new FeatureCollection
        {
            new Feature(iso.Area, CliOutput.Properties(("kind", "area"), ("budget", budget),
                ("unit", GraphArguments.UnitName(engine.Graph)), ("seconds", GraphArguments.Seconds(engine, budget)),
                ("reachedNodes", iso.ReachedNodes), ("reachedRoadMeters", iso.ReachedRoadMeters))),
            new Feature(iso.ReachedRoads, CliOutput.Properties(("kind", "reachedRoads"))),
        };
        await CliOutput.WriteGeoJsonAsync(stdout, features);
        return 0;
    }
}
