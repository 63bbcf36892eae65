using FireCommand.Core.Data;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Resources;
using FireCommand.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Dispatch;

/// <summary>Escalation (升级), releasing every unit (全部返队), closing (结案) and merging a duplicate into its incident.</summary>
public static class IncidentActions
{
    public sealed record EscalateRequest(int? FireLevel);
    public sealed record CloseRequest(string? Outcome, bool? FalseAlarm);
    public sealed record MergeRequest(long? IntoIncidentId);

    private static readonly UnitStatus[] StillWorking =
        [UnitStatus.Dispatched, UnitStatus.EnRoute, UnitStatus.OnScene, UnitStatus.WaterOn, UnitStatus.WaterOff, UnitStatus.WaterShuttle];

    public static async Task<Results<Ok<IncidentViews.IncidentView>, NotFound, ValidationProblem>> Escalate(long id,
        EscalateRequest r, FireCommandDbContext db, TimeProvider clock, ConsoleNotifier notifier, CancellationToken ct)
    {
        var v = new Validation().Range("fireLevel", r.FireLevel, Incident.MinFireLevel, Incident.MaxFireLevel);
        if (!v.IsValid) return v.Problem();
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null) return TypedResults.NotFound();
        incident.RaiseLevel(r.FireLevel!.Value, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await PublishAsync(db, incident, notifier, ct));
    }

    public static async Task<Results<Ok<IncidentViews.IncidentView>, NotFound, ValidationProblem, ProblemHttpResult>> Close(long id,
        CloseRequest r, FireCommandDbContext db, TimeProvider clock, ConsoleNotifier notifier, CancellationToken ct)
    {
        var v = new Validation().Required("outcome", r.Outcome, 2000, multiLine: true);
        if (!v.IsValid) return v.Problem();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null) return TypedResults.NotFound();
        var open = await db.Assignments.IgnoreQueryFilters().Where(a => a.IncidentId == id && a.ClearedAt == null)
            .Join(db.Units.IgnoreQueryFilters(), a => a.UnitId, u => u.Id, (a, u) => new { a, u }).ToListAsync(ct);
        var working = open.Where(x => StillWorking.Contains(x.u.Status)).Select(x => x.u.CallSign).ToList();
        if (working.Count > 0)
            return TypedResults.Problem(statusCode: 409, title: "Units still working",
                detail: "Release these units before closing: " + string.Join("、", working));
        var now = clock.GetUtcNow();
        foreach (var x in open) x.a.ClearedAt = now;
        if (r.FalseAlarm == true) incident.Type = IncidentType.FalseAlarm;
        incident.Close(now, r.Outcome!.Trim());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(await PublishAsync(db, incident, notifier, ct));
    }

    /// <summary>
    /// 全部返队: every unit still on the incident reports 25 返队 and its assignment ends, in one
    /// transaction (all or none). A unit with water on (23) records 24 停水 first, at the same moment:
    /// GA/T 974.39 has no move from 出水 straight to 返队, and the water-off time is part of the record.
    /// Every status change is audited by the save.
    /// </summary>
    public static async Task<Results<Ok<IncidentViews.IncidentView>, NotFound, ProblemHttpResult>> ReleaseAll(long id,
        FireCommandDbContext db, TimeProvider clock, ConsoleNotifier notifier, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null) return TypedResults.NotFound();
        if (incident.State is IncidentState.Closed)
            return TypedResults.Problem(statusCode: 409, title: "Incident closed", detail: $"{incident.Number} is closed.");
        var open = await db.Assignments.IgnoreQueryFilters().Where(a => a.IncidentId == id && a.ClearedAt == null)
            .Join(db.Units.IgnoreQueryFilters(), a => a.UnitId, u => u.Id, (a, u) => new { a, u }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        // Saved as its own step so that the audit trail shows 23 → 24 and then 24 → 25.
        var waterOn = open.Where(x => x.u.Status is UnitStatus.WaterOn).ToList();
        foreach (var x in waterOn) x.u.ChangeStatus(UnitStatus.WaterOff, now);
        if (waterOn.Count > 0) await db.SaveChangesAsync(ct);
        foreach (var x in open)
        {
            if (UnitStatusCodes.CanChange(x.u.Status, UnitStatus.Returning)) x.u.ChangeStatus(UnitStatus.Returning, now);
            x.a.ClearedAt = now;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var x in open)
            await notifier.PublishAsync(ConsoleNotifier.UnitChanged, x.u.JurisdictionId, IncidentViews.ToView(x.u, null), ct);
        return TypedResults.Ok(await PublishAsync(db, incident, notifier, ct));
    }

    /// <summary>Moves the duplicate's callers and units to the incident it duplicates and closes it.</summary>
    public static async Task<Results<Ok<IncidentViews.IncidentView>, NotFound, ValidationProblem, ProblemHttpResult>> Merge(long id,
        MergeRequest r, FireCommandDbContext db, TimeProvider clock, ConsoleNotifier notifier, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var duplicate = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (duplicate is null) return TypedResults.NotFound();
        var target = r.IntoIncidentId is { } t ? await db.Incidents.FirstOrDefaultAsync(i => i.Id == t, ct) : null;
        if (target is null)
            return new Validation().Add("intoIncidentId", "intoIncidentId is not an incident you can see.").Problem();
        var now = clock.GetUtcNow();
        duplicate.MergeInto(target, now);
        foreach (var alarm in await db.Alarms.Where(a => a.IncidentId == id).ToListAsync(ct))
        {
            alarm.IncidentId = target.Id;
            alarm.JurisdictionId = target.JurisdictionId;
        }
        var moved = await db.Assignments.Where(a => a.IncidentId == id && a.ClearedAt == null).ToListAsync(ct);
        foreach (var a in moved)
        {
            a.IncidentId = target.Id;
            a.JurisdictionId = target.JurisdictionId;
        }
        if (moved.Count > 0) target.MarkDispatched(moved.Min(a => a.DispatchedAt));
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Repeats are keyed per jurisdiction: two devices that share an id in different cities
            // cannot have their alarms filed under one incident.
            return TypedResults.Problem(statusCode: 409, title: "Alarms cannot be merged",
                detail: "The incident already holds an alarm with the same sending system and id as one of the duplicate's.");
        }
        await PublishAsync(db, duplicate, notifier, ct);
        return TypedResults.Ok(await PublishAsync(db, target, notifier, ct));
    }

    private static async Task<IncidentViews.IncidentView> PublishAsync(FireCommandDbContext db, Incident incident,
        ConsoleNotifier notifier, CancellationToken ct)
    {
        var view = await IncidentViews.LoadAsync(db, incident, ct);
        await notifier.PublishAsync(ConsoleNotifier.IncidentChanged, incident.JurisdictionId, view, ct);
        return view;
    }
}
