using FireCommand.Core.Data;
using FireCommand.Core.Resources;
using FireCommand.Core.Security;
using FireCommand.Web.Linkage;
using FireCommand.Web.Map.Tiles;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace FireCommand.Web.Map;

/// <summary>
/// The One Map's layers as GeoJSON. Scoped layers pass through the data layer's jurisdiction filter,
/// so a detachment user receives only their detachment's records. Roads and settlements are public
/// geography and are the same for everyone.
/// </summary>
public static class MapLayers
{
    public sealed record CoverageSummary(int Minutes, DateTimeOffset GeneratedAt, int AvailableUnits,
        double CoveredPopulationShare, double CoveredRoadShare);

    public sealed record Extent(double West, double South, double East, double North, string ProvinceName);

    public static IEndpointRouteBuilder MapOneMap(this IEndpointRouteBuilder app)
    {
        var map = app.MapGroup("/api/map").WithTags("One Map").AddLayerDownloads();
        map.MapGet("/extent", GetExtent);
        map.MapGet("/roads", (RoadLayerCache cache) => GeoJsonWriter.Result(cache.Get()));
        map.MapRoadBands();
        map.MapGet("/jurisdictions", async (FireCommandDbContext db, CancellationToken ct) =>
            GeoJsonWriter.Result(GeoJsonWriter.Collection(await db.Jurisdictions.AsNoTracking().OrderBy(j => j.Level).ToListAsync(ct),
                j => j.Boundary, j => new { j.Id, j.Name, Level = j.Level.ToString(), j.Code, j.ParentId })));
        // A retired station answers no calls, so the streets it once covered are no longer its own:
        // its old response area would hide the stations that took them over.
        map.MapGet("/station-districts", async (FireCommandDbContext db, CancellationToken ct) =>
            GeoJsonWriter.Result(GeoJsonWriter.Collection(await db.Stations.AsNoTracking().Where(s => !s.Retired).ToListAsync(ct),
                s => s.District, s => new { StationId = s.Id, s.Name, Kind = s.Kind.ToString(), s.DistrictAreaSquareKilometers })));
        map.MapGet("/settlements", async (FireCommandDbContext db, IJurisdictionScope scope, CancellationToken ct) =>
            GeoJsonWriter.Result(GeoJsonWriter.Collection(
                await db.Settlements.AsNoTracking()
                    .Where(s => scope.SeesAll || scope.VisibleIds.Contains(s.JurisdictionId)).ToListAsync(ct),
                s => s.Location, s => new { s.Id, s.Name, Kind = s.Kind.ToString(), s.Population })));
        map.MapGet("/stations", GetStations);
        map.MapGet("/units", GetUnits);
        map.MapGet("/water-sources", async (FireCommandDbContext db, CancellationToken ct) =>
            GeoJsonWriter.Result(GeoJsonWriter.Collection(await db.WaterSources.AsNoTracking().ToListAsync(ct),
                w => w.Location, w => new { w.Id, w.Code, Kind = w.Kind.ToString(), w.InService, w.FlowLitersPerSecond })));
        map.MapGet("/key-places", async (FireCommandDbContext db, CancellationToken ct) =>
            GeoJsonWriter.Result(GeoJsonWriter.Collection(await db.KeyPlaces.AsNoTracking().ToListAsync(ct),
                k => k.Location, k => new { k.Id, k.Name, Categories = CategoryNames(k.Categories), k.Address, k.Floors, k.HeightMeters, k.Retired })));
        map.MapGet("/incidents", async (FireCommandDbContext db, CancellationToken ct) =>
            GeoJsonWriter.Result(GeoJsonWriter.Collection(
                await db.Incidents.AsNoTracking().Where(i => i.State != Core.Dispatch.IncidentState.Closed).OrderBy(i => i.Id).ToListAsync(ct),
                i => i.Location, i => new
                {
                    i.Id, i.Number, Type = i.Type.ToString(), i.Subtype, i.FireLevel, State = i.State.ToString(), i.Address,
                    i.ReceivedAt, i.DispatchedAt, i.FirstArrivalAt,
                })));
        map.MapGet("/coverage", async Task<IResult> (int? minutes, FireCommandDbContext db, CoverageLayer coverage, TimeProvider clock,
            CancellationToken ct) =>
        {
            if (minutes is < 1 or > 60)
                return new Shared.Validation().Add("minutes", "minutes must be between 1 and 60.").Problem();
            return await coverage.GetAsync(db, minutes ?? 5, clock, ct) is { } view
                ? TypedResults.Ok(view)
                : TypedResults.Problem(statusCode: 503, title: "No road network", detail: "The platform has no road network loaded.");
        });
        // The two shares and the unit count without the geometry: what the overview shows, in a few hundred bytes.
        map.MapGet("/coverage/summary", async Task<IResult> (int? minutes, FireCommandDbContext db, CoverageLayer coverage,
            TimeProvider clock, CancellationToken ct) =>
        {
            if (minutes is < 1 or > 60)
                return new Shared.Validation().Add("minutes", "minutes must be between 1 and 60.").Problem();
            return await coverage.GetAsync(db, minutes ?? 5, clock, ct) is { } view
                ? TypedResults.Ok(new CoverageSummary(view.Minutes, view.GeneratedAt, view.AvailableUnits,
                    view.CoveredPopulationShare, view.CoveredRoadShare))
                : TypedResults.Problem(statusCode: 503, title: "No road network", detail: "The platform has no road network loaded.");
        });
        // DataSource names where the map's own geography comes from, for the credit on the map:
        // the generated demo province, or a province package built from OpenStreetMap (ODbL).
        map.MapGet("/config", (Tiles.BaseMap baseMap, IConfiguration configuration) => TypedResults.Ok(new
        {
            BaseLayer = baseMap.View,
            DataSource = string.IsNullOrWhiteSpace(configuration[Hosting.ProvinceStart.PathKey]) ? "demo" : "openStreetMap",
        }));
        map.MapBaseMapTiles();
        return app;
    }

    private static async Task<IResult> GetExtent(FireCommandDbContext db, CancellationToken ct)
    {
        var visible = await db.Jurisdictions.AsNoTracking().ToListAsync(ct);
        var envelope = new Envelope();
        foreach (var j in visible.Where(j => j.Boundary is not null)) envelope.ExpandToInclude(j.Boundary!.EnvelopeInternal);
        if (envelope.IsNull) return TypedResults.NotFound();
        var root = visible.OrderBy(j => j.Level).First();
        return TypedResults.Ok(new Extent(envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY, root.Name));
    }

    private static async Task<IResult> GetStations(FireCommandDbContext db, CancellationToken ct)
    {
        var stations = await db.Stations.AsNoTracking().ToListAsync(ct);
        var unitCounts = await db.Units.AsNoTracking().GroupBy(u => u.HomeStationId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return GeoJsonWriter.Result(GeoJsonWriter.Collection(stations, s => s.Location, s => new
        {
            s.Id, s.Name, Kind = s.Kind.ToString(), s.JurisdictionId, s.Address, s.Phone,
            UnitCount = unitCounts.GetValueOrDefault(s.Id), s.DistrictAreaSquareKilometers, s.Retired,
        }));
    }

    private static async Task<IResult> GetUnits(FireCommandDbContext db, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking()
            .Select(u => new { Unit = u, StationName = u.HomeStation!.Name }).ToListAsync(ct);
        return GeoJsonWriter.Result(GeoJsonWriter.Collection(units, u => u.Unit.Position, u => new
        {
            u.Unit.Id, u.Unit.CallSign, Type = u.Unit.Type.ToString(), Status = u.Unit.Status.Code(),
            StationId = u.Unit.HomeStationId, u.StationName,
        }));
    }

    internal static string[] CategoryNames(KeyPlaceCategory c) =>
        [.. Enum.GetValues<KeyPlaceCategory>().Where(f => f != KeyPlaceCategory.None && c.HasFlag(f)).Select(f => f.ToString())];
}
