using FireCommand.Core.Data;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Resources;
using FireCommand.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Dispatch;

/// <summary>
/// A unit reports a new status (GA/T 974.39 code). The transition table decides whether it is
/// legal; the unit's open assignment and its incident record the times the dispatch timers read
/// (en route → turnout, on scene → travel, first arrival → incident working).
/// </summary>
public static class ChangeUnitStatus
{
    public sealed record StatusRequest(int? Status);

    public static async Task<Results<Ok<IncidentViews.UnitView>, NotFound, ValidationProblem>> Handle(long id, StatusRequest r,
        FireCommandDbContext db, TimeProvider clock, ConsoleNotifier notifier, CancellationToken ct)
    {
        if (r.Status is null || !UnitStatusCodes.TryFromCode(r.Status.Value, out var status))
            return new Validation().Add("status", $"status must be a GA/T 974.39 code, got {r.Status?.ToString() ?? "nothing"}.").Problem();
        if (status is UnitStatus.Dispatched)
            return new Validation().Add("status", "Units are dispatched to an incident with POST /api/incidents/{id}/dispatch.").Problem();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Two jurisdictions answer for a unit sent across a border: its own (the station and its
        // detachment) and the incident's (whose dispatchers run the scene). Either may report its
        // status; anyone else does not see the unit at all.
        var unit = await db.Units.IgnoreQueryFilters().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return TypedResults.NotFound();
        var assignment = await db.Assignments.IgnoreQueryFilters().FirstOrDefaultAsync(a => a.UnitId == id && a.ClearedAt == null, ct);
        var incident = assignment is null ? null
            : await db.Incidents.IgnoreQueryFilters().FirstAsync(i => i.Id == assignment.IncidentId, ct);
        if (!Sees(db, unit.JurisdictionId) && (incident is null || !Sees(db, incident.JurisdictionId)))
            return TypedResults.NotFound();
        db.AllowChangeOutsideScope(unit);
        var now = clock.GetUtcNow();
        unit.ChangeStatus(status, now);

        if (assignment is not null && incident is not null)
        {
            db.AllowChangeOutsideScope(assignment);
            db.AllowChangeOutsideScope(incident);
            switch (status)
            {
                case UnitStatus.EnRoute:
                    assignment.EnRouteAt ??= now;
                    break;
                case UnitStatus.OnScene:
                    assignment.EnRouteAt ??= now;
                    assignment.OnSceneAt ??= now;
                    incident.MarkFirstArrival(now);
                    break;
                case UnitStatus.Returning or UnitStatus.Available or UnitStatus.Standby:
                    assignment.ClearedAt ??= now;
                    break;
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        var view = IncidentViews.ToView(unit, assignment?.ClearedAt is null ? assignment?.IncidentId : null);
        await notifier.PublishAsync(ConsoleNotifier.UnitChanged, unit.JurisdictionId, view, ct);
        if (incident is not null)
            await notifier.PublishAsync(ConsoleNotifier.IncidentChanged, incident.JurisdictionId,
                await IncidentViews.LoadAsync(db, incident, ct), ct);
        return TypedResults.Ok(view);
    }

    private static bool Sees(FireCommandDbContext db, long jurisdictionId) =>
        db.Scope.SeesAll || db.Scope.VisibleIds.Contains(jurisdictionId);
}
