using System.Runtime.CompilerServices;
using FireCommand.Core.Data;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Core.Resources;
using FireCommand.Geo;
using FireCommand.Web.Map;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Dispatch;

/// <summary>
/// Loads what the recommender needs — the incident, its plan, the units the caller may send, their
/// road travel times — and asks the pure <see cref="UnitRecommender"/>. Units already on the incident
/// count against the plan, so after an escalation only the added slots are asked for.
/// </summary>
public static class Recommend
{
    public sealed record RecommendationView(long IncidentId, int FireLevel, IReadOnlyList<RequiredSlot> Required,
        IReadOnlyList<RequiredSlot> Outstanding, Recommendation Recommendation);

    public static async Task<Results<Ok<RecommendationView>, NotFound, ProblemHttpResult>> Handle(long id, bool? includeReturning,
        FireCommandDbContext db, ProvinceGeography geography, IOptions<DispatchOptions> options, CancellationToken ct)
    {
        var incident = await Queries(db).IncidentById(db, id, ct);
        if (incident is null) return TypedResults.NotFound();
        if (geography.Current.Routing is null)
            return TypedResults.Problem(statusCode: 503, title: "No road network", detail: "The platform has no road network loaded.");
        return TypedResults.Ok(await ForAsync(db, geography, incident, options.Value with
        {
            AllowReturningUnits = includeReturning ?? options.Value.AllowReturningUnits,
        }, ct));
    }

    public static async Task<RecommendationView> ForAsync(FireCommandDbContext db, ProvinceGeography geography, Incident incident,
        DispatchOptions options, CancellationToken ct)
    {
        var place = incident.KeyPlaceId is { } placeId
            ? await db.KeyPlaces.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(k => k.Id == placeId, ct)
            : null;
        var placePlan = place?.ResponsePlanJson is { } json ? PlanSet.Load(json).PlanSet : null;
        var required = PlanExpansion.Expand(await ResponsePlans.CurrentAsync(db, ct), incident.Type, incident.FireLevel,
            place?.Categories ?? KeyPlaceCategory.None, placePlan, incident.Subtype);

        var queries = Queries(db);
        var assigned = new List<(UnitCapability Capabilities, ApparatusType Type)>();
        await foreach (var unit in queries.UnitsOnIncident(db, incident.Id).WithCancellation(ct)) assigned.Add((unit.Capabilities, unit.Type));
        var outstanding = Outstanding(required, assigned);

        var candidates = new List<CandidateUnit>();
        await foreach (var unit in queries.CandidateUnits(db).WithCancellation(ct)) candidates.Add(unit);
        var availableByStation = candidates.Where(c => c.Status == UnitStatus.Available)
            .GroupBy(c => c.HomeStationId).ToDictionary(g => g.Key, g => g.Count());

        var source = new TravelTimeSource(geography.Current.Routing!, new TravelTimeOptions { LimitSeconds = options.TravelTimeLimitSeconds });
        var at = new GeoPoint(incident.Location.Y, incident.Location.X);
        // Units that have not moved since the last recommendation keep their place on the road network.
        var placed = source.Snap([.. candidates.Select(c => new UnitPosition(c.Id, c.Position))], source.SharedSnapCache());
        var travel = source.TravelTimesTo(at, placed);
        var recommendation = UnitRecommender.Recommend(new RecommendationRequest(
            new RecommendationIncident(at, incident.JurisdictionId, incident.Type, incident.FireLevel, place?.Categories ?? KeyPlaceCategory.None),
            outstanding, candidates, travel, availableByStation,
            new RecommendationOptions
            {
                AllowReturningUnits = options.AllowReturningUnits,
                AllowCrossJurisdiction = options.AllowCrossJurisdiction,
                LastUnitPenaltySeconds = options.LastUnitPenaltySeconds,
                ReturningUnitsOnlyForShortfalls = options.ReturningUnitsOnlyForShortfalls,
                ReinforcementThresholdSeconds = options.ReinforcementThresholdSeconds,
            }));
        return new RecommendationView(incident.Id, incident.FireLevel, required, outstanding, recommendation);
    }

    // Compiled once per model: these run on every call, and EF Core's per-query translation-cache lookup
    // (hashing the expression tree with its jurisdiction filter) cost about as much as the reads
    // themselves. The jurisdiction filters still apply; their values come from each context as before.
    // A compiled query belongs to the model it was first run with, so SQLite and PostgreSQL (and every
    // host in one process) get their own.
    private static readonly ConditionalWeakTable<IModel, HotQueries> Compiled = [];

    private static HotQueries Queries(FireCommandDbContext db) => Compiled.GetValue(db.Model, _ => new HotQueries());

    private sealed class HotQueries
    {
        public readonly Func<FireCommandDbContext, long, CancellationToken, Task<Incident?>> IncidentById =
            EF.CompileAsyncQuery((FireCommandDbContext db, long id, CancellationToken ct) =>
                db.Incidents.AsNoTracking().FirstOrDefault(i => i.Id == id));

        public readonly Func<FireCommandDbContext, long, IAsyncEnumerable<UnitKind>> UnitsOnIncident =
            EF.CompileAsyncQuery((FireCommandDbContext db, long incidentId) =>
                db.Assignments.IgnoreQueryFilters().AsNoTracking()
                    .Where(a => a.IncidentId == incidentId && a.ClearedAt == null)
                    .Join(db.Units.IgnoreQueryFilters(), a => a.UnitId, u => u.Id, (a, u) => new UnitKind(u.Capabilities, u.Type)));

        // Only the columns the recommender reads: this runs for every call, over every unit the caller may send. A retired
        // station's unit that was out on an incident when the station retired is never offered again.
        public readonly Func<FireCommandDbContext, IAsyncEnumerable<CandidateUnit>> CandidateUnits =
            EF.CompileAsyncQuery((FireCommandDbContext db) =>
                db.Units.AsNoTracking().Where(u => u.Status == UnitStatus.Available || u.Status == UnitStatus.Returning
                        || u.Status == UnitStatus.Standby || u.Status == UnitStatus.Training)
                    .Join(db.Stations.IgnoreQueryFilters().Where(s => !s.Retired), u => u.HomeStationId, s => s.Id, (u, s) => new CandidateUnit(u.Id,
                        u.CallSign, u.Type, u.Capabilities, u.Status, u.HomeStationId, s.JurisdictionId,
                        new GeoPoint(u.Position.Y, u.Position.X))));
    }

    private sealed record UnitKind(UnitCapability Capabilities, ApparatusType Type);

    /// <summary>The plan's slots less what the units already on the incident fill (see <see cref="PlanCoverage"/>).</summary>
    internal static IReadOnlyList<RequiredSlot> Outstanding(IReadOnlyList<RequiredSlot> required,
        IEnumerable<(UnitCapability Capabilities, ApparatusType Type)> onIncident) => PlanCoverage.Outstanding(required, onIncident);
}
