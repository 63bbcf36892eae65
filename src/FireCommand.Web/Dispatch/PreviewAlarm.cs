using FireCommand.Core.Data;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Core.Resources;
using FireCommand.Core.Security;
using FireCommand.Geo;
using FireCommand.Web.Map;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Dispatch;

/// <summary>
/// What the call-taker sees while the caller is still on the line, before anything is stored: where
/// the alarm is and whose area it falls in, the suggested fire level and why, open incidents it may
/// duplicate, and the units the plan would send. Nothing is written.
/// </summary>
public static class PreviewAlarm
{
    public sealed record AlarmPreview(double Latitude, double Longitude, long JurisdictionId, string? JurisdictionName,
        FireLevelSuggestion SuggestedLevel, IReadOnlyList<DuplicateCandidate> Duplicates, Recommend.RecommendationView? Recommendation);

    public static async Task<Results<Ok<AlarmPreview>, ValidationProblem>> Handle(TakeAlarm.AlarmRequest r, FireCommandDbContext db,
        ProvinceGeography geography, IJurisdictionScope scope, JurisdictionDirectory directory, TimeProvider clock,
        IOptions<DispatchOptions> options, CancellationToken ct)
    {
        var (v, located) = await TakeAlarm.ValidateAsync(r, db, geography, scope, ct);
        if (!v.IsValid) return v.Problem();
        var now = clock.GetUtcNow();
        var at = new GeoPoint(located!.Location.Y, located.Location.X);
        var categories = located.KeyPlace?.Categories ?? KeyPlaceCategory.None;
        var level = SuggestLevel(r, categories);

        // Open incidents only; a long-running one still matches through its latest call.
        var open = await db.Incidents.AsNoTracking().Where(i => i.State != IncidentState.Closed).ToListAsync(ct);
        var openIds = open.Select(i => i.Id).ToList();
        var lastIds = await db.Alarms.AsNoTracking().Where(a => openIds.Contains(a.IncidentId))
            .GroupBy(a => a.IncidentId).Select(g => g.Max(a => a.Id)).ToListAsync(ct);
        var lastAt = await db.Alarms.AsNoTracking().Where(a => lastIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.IncidentId, a => a.ReceivedAt, ct);
        var duplicates = DuplicateDetector.FindCandidates(new NewAlarm(at, r.Type!.Value, now, r.Subtype, located.KeyPlace?.Id),
            open.Select(i => new ActiveIncident(i.Id, i.Number, new GeoPoint(i.Location.Y, i.Location.X), i.Type, i.ReceivedAt,
                i.Subtype, i.KeyPlaceId, lastAt.GetValueOrDefault(i.Id))), options.Value.Duplicates);

        Recommend.RecommendationView? recommendation = null;
        if (geography.Current.Routing is not null)
        {
            var draft = new Incident
            {
                Number = "preview", Type = r.Type.Value, Subtype = r.Subtype, Location = located.Location,
                KeyPlaceId = located.KeyPlace?.Id, JurisdictionId = located.JurisdictionId, ReceivedAt = now,
            };
            draft.SetFireLevel(r.FireLevel ?? level.Level);
            recommendation = await Recommend.ForAsync(db, geography, draft, options.Value, ct);
        }
        return TypedResults.Ok(new AlarmPreview(at.Latitude, at.Longitude, located.JurisdictionId,
            directory.Find(located.JurisdictionId)?.Name, level, duplicates, recommendation));
    }

    internal static FireLevelSuggestion SuggestLevel(TakeAlarm.AlarmRequest r, KeyPlaceCategory categories) =>
        FireLevelSuggester.Suggest(r.Type!.Value, r.Subtype, r.Trapped ?? 0, r.Injured ?? 0, 0, categories);
}
