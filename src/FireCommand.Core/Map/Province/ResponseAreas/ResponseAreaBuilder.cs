using FireCommand.Core.Demo;
using FireCommand.Core.Map.Province.Boundaries;
using FireCommand.Core.Shared;
using FireCommand.Geo;
using FireCommand.Geo.Coordinates;
using FireCommand.Geo.Graph;
using FireCommand.Geo.Profiles;
using FireCommand.Geo.Routing;
using NetTopologySuite.Geometries;

namespace FireCommand.Core.Map.Province.ResponseAreas;

/// <summary>Where a package's response areas come from.</summary>
public enum ResponseAreaMode
{
    /// <summary>Computed as the road-time Voronoi of the stations (the default).</summary>
    RoadTime = 0,
    /// <summary>Read from a GeoJSON or Shapefile.</summary>
    File = 1,
    /// <summary>None: stations have no response area.</summary>
    None = 2,
}

/// <summary>How to get the response areas; <c>Path</c>, <c>Crs</c> and <c>StationField</c> are for <see cref="ResponseAreaMode.File"/>.</summary>
public sealed record ResponseAreaSpec(ResponseAreaMode Mode, string? Path = null, CoordinateSystem Crs = CoordinateSystem.Wgs84,
    string StationField = "station")
{
    public static ResponseAreaSpec RoadTime { get; } = new(ResponseAreaMode.RoadTime);
}

/// <summary>Makes the package's response-area records from a file or from the road graph. Stateless.</summary>
public static class ResponseAreaBuilder
{
    /// <summary>How far a station may stand from the nearest road and still be placed on it.</summary>
    public const double MaxStationOffRoadMeters = 1000;

    public static List<ResponseAreaRecord> Build(ResponseAreaSpec spec, RoadNetwork network, FireEngineProfile? profile,
        IReadOnlyList<StationRecord> stations, Geometry corpsArea, InvalidGeometryHandling invalid, List<string> notes)
    {
        if (spec.Mode == ResponseAreaMode.None || stations.Count == 0) return [];
        if (spec.Mode == ResponseAreaMode.File)
            return [.. StationAreaFile.Read(spec.Path!, spec.Crs, spec.StationField, invalid, stations, notes).OrderBy(a => a.Key)
                .Select(a => Record(a.Key, a.Value, $"file:{System.IO.Path.GetFileName(spec.Path)}"))];

        var engine = new RoutingEngine(network, profile);
        var placed = new List<(StationRecord Station, Geo.Snapping.RoadPosition Position)>();
        foreach (var s in stations)
        {
            var snap = engine.Snap(new GeoPoint(s.Latitude, s.Longitude), MaxStationOffRoadMeters);
            if (snap.Position is { } position) placed.Add((s, position));
            else notes.Add($"station {s.Name} is more than {MaxStationOffRoadMeters:0} m from a road: it has no response area");
        }
        if (placed.Count == 0) return [];
        var (nearest, _) = RoadTimeAreas.Assign(engine, placed.Select(p => p.Position).ToList());
        var areas = RoadTimeAreas.Areas(engine.Graph, nearest, placed.Count, corpsArea);
        var records = new List<ResponseAreaRecord>();
        for (var i = 0; i < placed.Count; i++)
            if (areas[i] is { } area) records.Add(Record(placed[i].Station.Id, area, "road-time"));
            else notes.Add($"station {placed[i].Station.Name} reaches no road first: it has no response area");
        return records;
    }

    private static ResponseAreaRecord Record(long stationId, MultiPolygon area, string source) => new(stationId,
        area.Geometries.Cast<Polygon>().Select(p => new[] { p.ExteriorRing }.Concat(p.InteriorRings)
            .Select(r => r.Coordinates.Select(c => new[] { Math.Round(c.X, 7), Math.Round(c.Y, 7) }).ToArray()).ToArray()).ToList(),
        Math.Round(Geodesy.AreaSquareKilometers(area), 3), source);

    /// <summary>Sets each station's district from the package's response areas (stations without one keep none).</summary>
    public static void Apply(IReadOnlyList<ResponseAreaRecord>? areas, IEnumerable<Resources.Station> stations)
    {
        var byStation = (areas ?? []).ToDictionary(a => a.StationId);
        foreach (var station in stations)
        {
            var area = byStation.GetValueOrDefault(station.Id);
            station.District = area is null ? null : Area(area);
            station.DistrictAreaSquareKilometers = area?.AreaSquareKilometers;
        }
    }

    /// <summary>The record's area as a geometry (the inverse of what <see cref="Build"/> writes).</summary>
    public static MultiPolygon Area(ResponseAreaRecord record) => Geography.Factory.CreateMultiPolygon(record.Polygons
        .Select(rings => Geography.Factory.CreatePolygon(Ring(rings[0]), rings.Skip(1).Select(Ring).ToArray())).ToArray());

    private static LinearRing Ring(double[][] ring) => Geography.Factory.CreateLinearRing(ring.Select(c => new Coordinate(c[0], c[1])).ToArray());
}
