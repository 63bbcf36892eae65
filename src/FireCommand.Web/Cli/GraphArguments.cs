using FireCommand.Geo;
using FireCommand.Geo.Coordinates;
using FireCommand.Geo.Graph;
using FireCommand.Geo.Routing;
using FireCommand.Geo.Snapping;
using FireCommand.Geo.Storage;

namespace FireCommand.Web.Cli;

/// <summary>Loading the graph and reading positions and time budgets from the arguments.</summary>
internal static class GraphArguments
{
    /// <summary>How far a typed coordinate may lie from the road before it is refused.</summary>
    private const double MaxSnapMeters = 1000;

    public static RoutingEngine LoadEngine(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"graph file '{path}' not found.");
        return new RoutingEngine(RoadNetworkFile.Load(path));
    }

    public static CoordinateSystem Crs(CliArguments args) => args.Optional("crs")?.ToLowerInvariant() switch
    {
        null or "wgs84" => CoordinateSystem.Wgs84,
        "gcj02" => CoordinateSystem.Gcj02,
        "bd09" => CoordinateSystem.Bd09,
        var other => throw new CliUsageException($"--crs must be wgs84, gcj02 or bd09, not '{other}'."),
    };

    /// <summary>Parses "lat,lon" (snapped; converted from <paramref name="crs"/>) or "node:ID" (the
    /// graph's source id: OSM node id, DIMACS number).</summary>
    public static RoadPosition Position(RoutingEngine engine, string option, string text, CoordinateSystem crs)
    {
        if (text.StartsWith("node:", StringComparison.Ordinal))
        {
            if (!long.TryParse(text.AsSpan(5), out long id)) throw new CliUsageException($"--{option}: '{text}' is not node:<integer>.");
            if (!engine.Graph.TryGetNode(id, out int node)) throw new ArgumentException($"--{option}: node {id} is not in the graph.");
            return engine.AtNode(node);
        }
        if (!GeoPoint.TryParse(text, out var point)) throw new CliUsageException($"--{option}: '{text}' is neither lat,lon nor node:ID.");
        if (!engine.Graph.HasCoordinates) throw new ArgumentException("this graph has no coordinates; use node:ID.");
        var wgs = ChinaCoordinates.Convert(point, crs, CoordinateSystem.Wgs84);
        var snap = engine.Snap(wgs, MaxSnapMeters);
        return snap.Position ?? throw new ArgumentException(
            $"--{option}: {text} is more than {MaxSnapMeters:F0} m from any road of this graph" +
            (double.IsFinite(snap.NearestRoadMeters) ? $" (nearest {snap.NearestRoadMeters:F0} m)" : "") + "; not snapped.");
    }

    /// <summary>The time budget in graph units from --minutes (graphs in deciseconds) or --limit.</summary>
    public static (double? Minutes, double? Limit) BudgetOptions(CliArguments args) =>
        (args.OptionalDouble("minutes"), args.OptionalDouble("limit"));

    public static int Budget(RoutingEngine engine, (double? Minutes, double? Limit) options, double? defaultMinutes)
    {
        var (minutes, limit) = options;
        if (limit is { } l) return (int)Math.Min(int.MaxValue - 1, l);
        minutes ??= defaultMinutes;
        if (minutes is null) throw new CliUsageException("give --minutes or --limit.");
        return engine.Graph.TimeUnit.FromSeconds(minutes.Value * 60)
            ?? throw new CliUsageException("this graph's weights are not seconds (DIMACS); give --limit in graph units.");
    }

    /// <summary>Seconds for a time when the graph has a time unit, else null.</summary>
    public static double? Seconds(RoutingEngine engine, long time) => engine.Graph.TimeUnit.ToSeconds(time);

    public static string UnitName(RoadGraph graph) => graph.TimeUnit == TravelTimeUnit.Deciseconds ? "deciseconds" : "nominal";
}
