using System.Globalization;
using FireCommand.Geo;
using FireCommand.Geo.Coordinates;
using FireCommand.Geo.Routing;
using FireCommand.Geo.Snapping;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace FireCommand.Web.Cli;

/// <summary>
/// <c>firecommand coverage --graph g --minutes 5 [--stations file]</c>: which roads the stations reach
/// within the budget. Stations come from the graph's OSM import unless a file gives them (one
/// "lat,lon[,name]" per line). GeoJSON: one point per station with what it serves first, then the
/// uncovered roads with the overall figures.
/// </summary>
internal static class CoverageVerb
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static async Task<int> RunAsync(CliArguments args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        string graph = args.Required("graph");
        var crs = GraphArguments.Crs(args);
        var budgetOptions = GraphArguments.BudgetOptions(args);
        var stationsPath = args.Optional("stations");
        args.EnsureAllUsed(0);
        var engine = GraphArguments.LoadEngine(graph);
        int budget = GraphArguments.Budget(engine, budgetOptions, defaultMinutes: 5);
        var stations = stationsPath is null
            ? engine.Network.Stations.Select(s => (s.Name ?? s.SourceId, s.Location)).ToList()
            : ReadStations(stationsPath, crs);
        if (stations.Count == 0) throw new ArgumentException("no stations: the graph has none from its import; give --stations.");
        var placed = new List<(string Name, GeoPoint Location, RoadPosition Position)>();
        foreach (var (name, location) in stations)
        {
            if (engine.Snap(location, 1000).Position is { } p) placed.Add((name, location, p));
            else await stderr.WriteLineAsync($"station '{name}' at {location} is more than 1000 m from any road; left out.");
        }
        if (placed.Count == 0) throw new ArgumentException("no station is near a road of this graph.");
        var result = Coverage.Compute(engine, placed.Select(p => p.Position).ToList(), budget);

        var features = new FeatureCollection();
        for (int i = 0; i < placed.Count; i++)
            features.Add(new Feature(Factory.CreatePoint(new Coordinate(placed[i].Location.Longitude, placed[i].Location.Latitude)),
                CliOutput.Properties(("kind", "station"), ("name", placed[i].Name), ("nodesFirst", result.Stations[i].NodesFirst),
                    ("roadMetersFirst", result.Stations[i].RoadMetersFirst))));
        var g = engine.Graph;
        var lines = result.UncoveredPieces
            .Select(p => Factory.CreateLineString([Coord(g.Coordinate(p.A)), Coord(g.Coordinate(p.B))])).ToArray();
        features.Add(new Feature(Factory.CreateMultiLineString(lines), CliOutput.Properties(
            ("kind", "uncoveredRoads"), ("budget", budget), ("unit", GraphArguments.UnitName(g)),
            ("seconds", GraphArguments.Seconds(engine, budget)), ("stations", placed.Count),
            ("demandCoveredShare", Math.Round(result.DemandCoveredShare, 4)), ("roadMeters", result.RoadMeters),
            ("uncoveredRoadMeters", result.UncoveredRoadMeters))));
        await CliOutput.WriteGeoJsonAsync(stdout, features);
        return 0;
    }

    private static Coordinate Coord(GeoPoint p) => new(p.Longitude, p.Latitude);

    private static List<(string, GeoPoint)> ReadStations(string path, CoordinateSystem crs)
    {
        var stations = new List<(string, GeoPoint)>();
        int lineNo = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split(',', 3, StringSplitOptions.TrimEntries);
            if (parts.Length < 2 || !GeoPoint.TryParse($"{parts[0]},{parts[1]}", out var point))
                throw new InvalidDataException($"{Path.GetFileName(path)} line {lineNo}: expected 'lat,lon[,name]'.");
            stations.Add((parts.Length > 2 ? parts[2] : $"station {stations.Count + 1}",
                ChinaCoordinates.Convert(point, crs, CoordinateSystem.Wgs84)));
        }
        return stations;
    }
}
