using FireCommand.Geo;
using FireCommand.Geo.Routing;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace FireCommand.Web.Cli;

/// <summary><c>firecommand route --graph g --from … --to …</c>: GeoJSON with the whole route as the first
/// feature (total time and length) followed by one feature per leg.</summary>
internal static class RouteVerb
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static async Task<int> RunAsync(CliArguments args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        string graph = args.Required("graph"), fromText = args.Required("from"), toText = args.Required("to");
        var crs = GraphArguments.Crs(args);
        args.EnsureAllUsed(0);
        var engine = GraphArguments.LoadEngine(graph);
        var from = GraphArguments.Position(engine, "from", fromText, crs);
        var to = GraphArguments.Position(engine, "to", toText, crs);
        var route = engine.Route(from, to) ?? throw new ArgumentException("no route: the destination cannot be reached from the start.");
        string unit = GraphArguments.UnitName(engine.Graph);
        var features = new FeatureCollection
        {
            new Feature(Line(route.Geometry), CliOutput.Properties(
                ("kind", "route"), ("time", route.Time), ("unit", unit), ("seconds", GraphArguments.Seconds(engine, route.Time)),
                ("lengthMeters", route.LengthMeters), ("nodes", route.Nodes.Count),
                ("fromNode", route.Nodes.Count > 0 ? engine.Graph.ExternalId(route.Nodes[0]) : null),
                ("toNode", route.Nodes.Count > 0 ? engine.Graph.ExternalId(route.Nodes[^1]) : null))),
        };
        foreach (var leg in route.Legs)
            features.Add(new Feature(Line([leg.From, leg.To]), CliOutput.Properties(
                ("kind", leg.Kind == RouteLegKind.OffRoad ? "offRoad" : "road"), ("time", leg.Time),
                ("seconds", GraphArguments.Seconds(engine, leg.Time)), ("lengthMeters", leg.LengthMeters))));
        await CliOutput.WriteGeoJsonAsync(stdout, features);
        return 0;
    }

    private static LineString Line(IReadOnlyList<GeoPoint> points)
    {
        var coords = points.Select(p => new Coordinate(p.Longitude, p.Latitude)).ToList();
        if (coords.Count == 1) coords.Add(coords[0]);
        return Factory.CreateLineString(coords.ToArray());
    }
}
