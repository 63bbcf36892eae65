using FireCommand.Core.Data;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Core.Resources;
using FireCommand.Core.Security;
using FireCommand.Geo;
using FireCommand.Web.Map;
using FireCommand.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Dispatch;

/// <summary>
/// What a commander needs around one incident: the routes of the units on their way, the nearest
/// water sources by road, and the key place with its plan and the risk places nearby.
/// </summary>
public static class CommandView
{
    /// <summary>
    /// A water source near the incident. Sources of a neighbouring jurisdiction are listed too (a
    /// pumper draws from the nearest hydrant, whichever brigade keeps it), marked
    /// <paramref name="OtherJurisdiction"/>; the fields are all a pumper needs and nothing more.
    /// </summary>
    public sealed record WaterSourceNearby(long Id, string Code, WaterSourceKind Kind, bool InService, double Latitude,
        double Longitude, double? TravelSeconds, double StraightLineMeters, bool OtherJurisdiction);

    /// <summary>
    /// A key place near the incident. A place of another jurisdiction is shown with its name,
    /// categories and position only (no id: its record stays out of reach), marked
    /// <paramref name="OtherJurisdiction"/>, because fire crosses borders and the commander must know
    /// what burns next door.
    /// </summary>
    public sealed record PlaceNearby(long? Id, string Name, string[] Categories, double Latitude, double Longitude,
        double DistanceMeters, bool OtherJurisdiction);

    public sealed record KeyPlaceDetail(long Id, string Name, string[] Categories, string? Address, int? Floors, double? HeightMeters,
        int? Occupants, string? ResponsiblePerson, string? Phone, System.Text.Json.JsonElement? OwnPlan);

    public sealed record Surroundings(KeyPlaceDetail? KeyPlace, IReadOnlyList<PlaceNearby> NearbyKeyPlaces);

    private static readonly UnitStatus[] Moving = [UnitStatus.Dispatched, UnitStatus.EnRoute];

    public static RouteGroupBuilder MapCommandView(this RouteGroupBuilder incidents)
    {
        incidents.MapGet("/{id:long}/routes", Routes);
        incidents.MapGet("/{id:long}/water-sources", WaterSources);
        incidents.MapGet("/{id:long}/surroundings", Around);
        return incidents;
    }

    /// <summary>The fastest route of each unit still heading for the incident, from where it is now.</summary>
    private static async Task<IResult> Routes(long id, FireCommandDbContext db, ProvinceGeography geography, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null) return TypedResults.NotFound();
        var routing = geography.Current.Routing;
        var units = await db.Assignments.IgnoreQueryFilters().AsNoTracking().Where(a => a.IncidentId == id && a.ClearedAt == null)
            .Join(db.Units.IgnoreQueryFilters(), a => a.UnitId, u => u.Id, (a, u) => u).ToListAsync(ct);
        var target = routing?.Snap(new GeoPoint(incident.Location.Y, incident.Location.X), 2000).Position;
        var routes = new List<(Unit Unit, Geo.Routing.Route Route)>();
        if (routing is not null && target is { } to)
            foreach (var unit in units.Where(u => Moving.Contains(u.Status)))
                if (routing.Snap(new GeoPoint(unit.Position.Y, unit.Position.X), 2000).Position is { } from &&
                    routing.Route(from, to) is { Legs.Count: > 0 } route)
                    routes.Add((unit, route));
        var factory = Core.Shared.Geography.Factory;
        return GeoJsonWriter.Result(GeoJsonWriter.Collection(routes,
            r => factory.CreateLineString([.. r.Route.Geometry.Select(p => new NetTopologySuite.Geometries.Coordinate(p.Longitude, p.Latitude))]),
            r => new
            {
                UnitId = r.Unit.Id, r.Unit.CallSign, Status = r.Unit.Status.Code(), TravelSeconds = r.Route.Time / 10.0,
                LengthMeters = double.IsNaN(r.Route.LengthMeters) ? (double?)null : Math.Round(r.Route.LengthMeters),
            }));
    }

    /// <summary>
    /// Nearest water sources by road. Times are from each source to the incident (one backward search);
    /// on two-way streets that equals the way there, and a pumper's shuttle runs both ways anyway.
    /// </summary>
    private static async Task<Results<Ok<List<WaterSourceNearby>>, NotFound, ValidationProblem>> WaterSources(long id, int? count,
        FireCommandDbContext db, ProvinceGeography geography, IJurisdictionScope scope, CancellationToken ct)
    {
        if (count is < 1 or > 50) return new Validation().Add("count", "count must be between 1 and 50.").Problem();
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null) return TypedResults.NotFound();
        // Road distance is never shorter than the straight line: the 60 nearest by air hold the nearest by road in practice.
        var near = await NearestAsync(db.WaterSources.IgnoreQueryFilters().AsNoTracking().Where(w => w.InService), incident, 0.05, ct);
        var candidates = near.OrderBy(w => w.Location.Distance(incident.Location)).Take(60).ToList();
        var at = new GeoPoint(incident.Location.Y, incident.Location.X);
        IReadOnlyDictionary<long, UnitTravel> travel = geography.Current.Routing is { } routing
            ? new TravelTimeSource(routing, new TravelTimeOptions { LimitSeconds = 1800 })
                .TravelTimesTo(at, [.. candidates.Select(w => new UnitPosition(w.Id, new GeoPoint(w.Location.Y, w.Location.X)))])
            : new Dictionary<long, UnitTravel>();
        var result = candidates.Select(w => new WaterSourceNearby(w.Id, w.Code, w.Kind, w.InService, w.Location.Y, w.Location.X,
                travel.TryGetValue(w.Id, out var t) && t.IsReachable ? Math.Round(t.Seconds!.Value, 1) : null,
                Math.Round(at.DistanceMetersTo(new GeoPoint(w.Location.Y, w.Location.X))), !Sees(scope, w.JurisdictionId)))
            .OrderBy(w => w.TravelSeconds ?? double.MaxValue).ThenBy(w => w.StraightLineMeters).Take(count ?? 5).ToList();
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<Surroundings>, NotFound, ValidationProblem>> Around(long id, double? radiusMeters,
        FireCommandDbContext db, IJurisdictionScope scope, CancellationToken ct)
    {
        var v = new Validation().OptionalRange("radiusMeters", radiusMeters, 50, 20_000);
        if (!v.IsValid) return v.Problem();
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null) return TypedResults.NotFound();
        var radius = radiusMeters ?? 1500;
        var at = new GeoPoint(incident.Location.Y, incident.Location.X);
        // Deliberately across the border; places outside the caller's scope are cut down to PlaceNearby's
        // public part below (docs/security.md, "Across a border").
        var near = await NearestAsync(db.KeyPlaces.IgnoreQueryFilters().AsNoTracking(), incident, radius / 80_000.0, ct);
        var places = near.Select(k => (Place: k, Meters: at.DistanceMetersTo(new GeoPoint(k.Location.Y, k.Location.X))))
            .Where(x => x.Meters <= radius).OrderBy(x => x.Meters)
            .Select(x => Sees(scope, x.Place.JurisdictionId)
                ? new PlaceNearby(x.Place.Id, x.Place.Name, MapLayers.CategoryNames(x.Place.Categories), x.Place.Location.Y,
                    x.Place.Location.X, Math.Round(x.Meters), false)
                : new PlaceNearby(null, x.Place.Name, MapLayers.CategoryNames(x.Place.Categories), x.Place.Location.Y,
                    x.Place.Location.X, Math.Round(x.Meters), true)).ToList();
        // The incident's own place in full (plan, contacts) only when the caller may read its record.
        KeyPlaceDetail? own = null;
        if (incident.KeyPlaceId is { } placeId && await db.KeyPlaces.AsNoTracking()
                .FirstOrDefaultAsync(k => k.Id == placeId, ct) is { } k)
            own = new KeyPlaceDetail(k.Id, k.Name, MapLayers.CategoryNames(k.Categories), k.Address, k.Floors, k.HeightMeters,
                k.Occupants, k.ResponsiblePerson, k.Phone,
                k.ResponsePlanJson is { } json ? System.Text.Json.JsonDocument.Parse(json).RootElement.Clone() : null);
        return TypedResults.Ok(new Surroundings(own, places));
    }

    private static bool Sees(IJurisdictionScope scope, long jurisdictionId) =>
        scope.SeesAll || scope.VisibleIds.Contains(jurisdictionId);

    /// <summary>Records within a box of ±<paramref name="degrees"/> around the incident (a cheap prefilter on either database).</summary>
    private static async Task<List<T>> NearestAsync<T>(IQueryable<T> source, Incident incident, double degrees, CancellationToken ct)
        where T : class, Core.Shared.IJurisdictionScoped
    {
        var all = await source.ToListAsync(ct);
        var box = new NetTopologySuite.Geometries.Envelope(incident.Location.Coordinate);
        box.ExpandBy(degrees);
        return [.. all.Where(x => box.Contains(LocationOf(x).Coordinate))];
    }

    private static NetTopologySuite.Geometries.Point LocationOf(object record) => record switch
    {
        WaterSource w => w.Location,
        KeyPlace k => k.Location,
        _ => throw new NotSupportedException(record.GetType().Name),
    };
}
