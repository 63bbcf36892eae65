using FireCommand.Core.Audit;
using FireCommand.Core.Data;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Resources;
using FireCommand.Core.Security;
using FireCommand.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Dispatch;

/// <summary>
/// Issues dispatch orders (出动命令) for several units at once, atomically: all units go or none
/// does. A unit can never be on two incidents: the status check runs inside the transaction, the
/// unit's concurrency token makes a concurrent second order fail at commit, and the database's
/// unique index on open assignments is the last guard. The loser gets 409 with the reason.
/// </summary>
public static class DispatchUnits
{
    public sealed record UnitOrder(long? UnitId, string? Slot, int? EtaSeconds);
    public sealed record DispatchRequest(IReadOnlyList<UnitOrder>? Units);

    public static async Task<Results<Ok<IncidentViews.IncidentView>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        long id, DispatchRequest r, FireCommandDbContext db, JurisdictionDirectory directory, IAuditActor actor,
        TimeProvider clock, ConsoleNotifier notifier, CancellationToken ct)
    {
        var orders = r.Units ?? [];
        var v = new Validation()
            .When(orders.Count == 0, "units", "units must name at least one unit.")
            .When(orders.Count > 60, "units", "units may name at most 60 units in one order.")
            .When(orders.Any(o => o.UnitId is null), "units", "every order needs a unitId.")
            .When(orders.Where(o => o.UnitId is not null).GroupBy(o => o.UnitId).Any(g => g.Count() > 1), "units", "a unit is named twice.")
            .When(orders.Any(o => o.EtaSeconds is < 0 or > 86_400), "units", "etaSeconds must be between 0 and 86400.");
        // The slot is shown on every console and in the incident report: plain single-line text like any other name.
        foreach (var (order, index) in orders.Select((o, i) => (o, i)))
            v.Optional($"units[{index}].slot", order.Slot, 100);
        if (!v.IsValid) return v.Problem();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null) return TypedResults.NotFound();
        if (incident.State is IncidentState.Closed)
            return TypedResults.Problem(statusCode: 409, title: "Incident closed", detail: $"{incident.Number} is closed.");

        var ids = orders.Select(o => o.UnitId!.Value).ToList();
        var units = await db.Units.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var open = await db.Assignments.IgnoreQueryFilters().Where(a => ids.Contains(a.UnitId) && a.ClearedAt == null).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var (order, index) in orders.Select((o, i) => (o, i)))
        {
            if (!units.TryGetValue(order.UnitId!.Value, out var unit))
                return new Validation().Add($"units[{index}].unitId", $"unit {order.UnitId} is not a unit you can see.").Problem();
            var busy = open.FirstOrDefault(a => a.UnitId == unit.Id);
            if (!unit.Status.CanBeDispatched() || (busy is not null && unit.Status is not UnitStatus.Returning))
                return TypedResults.Problem(statusCode: 409, title: "Unit not available",
                    detail: $"{unit.CallSign} is in status {unit.Status.Code()}" +
                            (busy is null ? "." : $" on incident {busy.IncidentId}."));
            // A returning unit may be sent straight on: its last assignment ends here.
            if (busy is not null) busy.ClearedAt = now;
            unit.ChangeStatus(UnitStatus.Dispatched, now);
            db.Assignments.Add(new Assignment
            {
                IncidentId = incident.Id, UnitId = unit.Id, Slot = order.Slot, EtaSeconds = order.EtaSeconds,
                // A unit of the incident's own brigade, or of a level above it, is not a reinforcement.
                CrossJurisdiction = !directory.SelfAndAncestors(incident.JurisdictionId).Contains(unit.JurisdictionId),
                DispatchedAt = now, DispatchedBy = actor.UserName, JurisdictionId = incident.JurisdictionId,
            });
        }
        incident.MarkDispatched(now);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(e))
        {
            return TypedResults.Problem(statusCode: 409, title: "Unit not available",
                detail: "Another dispatcher sent one of these units at the same moment; reload the recommendation.");
        }

        var view = await IncidentViews.LoadAsync(db, incident, ct);
        await notifier.PublishAsync(ConsoleNotifier.IncidentChanged, incident.JurisdictionId, view, ct);
        foreach (var unit in units.Values)
            await notifier.PublishAsync(ConsoleNotifier.UnitChanged, unit.JurisdictionId, IncidentViews.ToView(unit, incident.Id), ct);
        return TypedResults.Ok(view);
    }
}
