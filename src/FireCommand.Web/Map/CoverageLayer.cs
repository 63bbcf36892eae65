using FireCommand.Core.Data;
using FireCommand.Core.Resources;
using FireCommand.Geo;
using FireCommand.Geo.Routing;
using FireCommand.Geo.Snapping;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace FireCommand.Web.Map;

/// <summary>
/// Who is reachable within T minutes from the units available right now, and where the holes are:
/// one multi-source search from every available unit (the first engine is what the 5-minute standard
/// of 建标152-2017 is about). Covered population counts each settlement at its nearest road node.
/// The result is cached until the set of available units or their positions change. Thread-safe.
/// </summary>
public sealed class CoverageLayer(ProvinceGeography geography)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Key, object Result)? _cache;
    private (ProvinceGeography.Snapshot Snapshot, int[] Nodes, int[] Population, (int A, int B)?[] Ends)? _static;

    public sealed record CoverageView(int Minutes, DateTimeOffset GeneratedAt, int AvailableUnits, double CoveredPopulationShare,
        double CoveredRoadShare, System.Text.Json.JsonElement Covered, System.Text.Json.JsonElement Uncovered,
        System.Text.Json.JsonElement Areas);

    public async Task<CoverageView?> GetAsync(FireCommandDbContext db, int minutes, TimeProvider clock, CancellationToken ct)
    {
        var snapshot = geography.Current;
        if (snapshot.Routing is not { } routing) return null;
        // A retired station's units are decommissioned; one that was out on an incident when it retired covers nothing either.
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Status == UnitStatus.Available || u.Status == UnitStatus.Standby)
            .Where(u => !db.Stations.IgnoreQueryFilters().Any(s => s.Id == u.HomeStationId && s.Retired))
            .Select(u => new { u.Id, u.HomeStationId, u.Position }).ToListAsync(ct);
        var key = $"{minutes}|{Identity(snapshot)}|" + string.Join(";", units.OrderBy(u => u.Id)
            .Select(u => $"{u.Id}:{u.Position.Y:F4},{u.Position.X:F4}"));
        await _gate.WaitAsync(ct);
        try
        {
            if (_cache is { } c && c.Key == key) return (CoverageView)c.Result;
            var statics = await StaticsAsync(db, snapshot, routing, ct);
            var sources = units.Select(u => routing.Snap(new GeoPoint(u.Position.Y, u.Position.X), 1000).Position)
                .Where(p => p is not null).Select(p => p!.Value).ToList();
            var budget = minutes * 600;
            var result = Coverage.Compute(routing, sources, budget);
            var time = result.TimeToNode;

            long population = 0, coveredPopulation = 0;
            for (var i = 0; i < statics.Nodes.Length; i++)
            {
                population += statics.Population[i];
                if (statics.Nodes[i] >= 0 && time[statics.Nodes[i]] <= budget) coveredPopulation += statics.Population[i];
            }
            var covered = new List<LineString>();
            var uncovered = new List<LineString>();
            double coveredMeters = 0, allMeters = 0;
            for (var i = 0; i < snapshot.Roads.Count; i++)
            {
                var road = snapshot.Roads[i];
                allMeters += road.LengthMeters;
                var ok = statics.Ends[i] is { } ends && time[ends.A] <= budget && time[ends.B] <= budget;
                (ok ? covered : uncovered).Add(road.Geometry);
                if (ok) coveredMeters += road.LengthMeters;
            }
            var stationIds = units.Select(u => u.HomeStationId).Distinct().ToList();
            var stations = await db.Stations.AsNoTracking().Where(s => stationIds.Contains(s.Id)).ToListAsync(ct);
            var areas = stations.Select(s => (Station: s, Position: routing.Snap(new GeoPoint(s.Location.Y, s.Location.X), 1000).Position))
                .Where(x => x.Position is not null)
                .Select(x => (x.Station, Area: Isochrones.Compute(routing, x.Position!.Value, budget).Area)).ToList();

            var factory = Core.Shared.Geography.Factory;
            var view = new CoverageView(minutes, clock.GetUtcNow(), units.Count,
                population == 0 ? 0 : (double)coveredPopulation / population, allMeters == 0 ? 0 : coveredMeters / allMeters,
                Json(GeoJsonWriter.Collection([factory.CreateMultiLineString([.. covered])], g => g, _ => new { State = "covered" })),
                Json(GeoJsonWriter.Collection([factory.CreateMultiLineString([.. uncovered])], g => g, _ => new { State = "uncovered" })),
                Json(GeoJsonWriter.Collection(areas, a => a.Area is Polygon or MultiPolygon ? a.Area : null,
                    a => new { StationId = a.Station.Id, a.Station.Name })));
            _cache = (key, view);
            return view;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string Identity(ProvinceGeography.Snapshot s) =>
        System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(s).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static System.Text.Json.JsonElement Json(byte[] utf8) => System.Text.Json.JsonDocument.Parse(utf8).RootElement.Clone();

    /// <summary>Settlement nodes and road ends depend only on the road network; computed once per network.</summary>
    private async Task<(ProvinceGeography.Snapshot Snapshot, int[] Nodes, int[] Population, (int A, int B)?[] Ends)>
        StaticsAsync(FireCommandDbContext db, ProvinceGeography.Snapshot snapshot, RoutingEngine routing, CancellationToken ct)
    {
        if (_static is { } s && ReferenceEquals(s.Snapshot, snapshot)) return s;
        var settlements = await db.Settlements.AsNoTracking().Select(x => new { x.Location, x.Population }).ToListAsync(ct);
        var nodes = settlements.Select(x => routing.Snap(new GeoPoint(x.Location.Y, x.Location.X), 3000).Position is { } p
            ? NearerEnd(routing, p) : -1).ToArray();
        // Graph nodes of each road's two junctions, in the snapshot's road order.
        var ends = snapshot.Roads.Select(r =>
            routing.Graph.TryGetNode(r.FromJunction, out var a) && routing.Graph.TryGetNode(r.ToJunction, out var b)
                ? ((int, int)?)(a, b) : null).ToArray();
        _static = (snapshot, nodes, [.. settlements.Select(x => x.Population)], ends);
        return _static.Value;
    }

    private static int NearerEnd(RoutingEngine routing, RoadPosition p) => p.Fraction <= 0.5 ? p.NodeA : p.NodeB;
}
