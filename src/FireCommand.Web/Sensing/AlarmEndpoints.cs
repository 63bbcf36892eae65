using FireCommand.Core.Audit;
using FireCommand.Core.Data;
using FireCommand.Core.Sensing.Alarms;
using FireCommand.Core.Sensing.Rules;
using FireCommand.Web.Security;
using FireCommand.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Sensing;

/// <summary>
/// The alarm board's API: open and recent alarms, one alarm with its history, and what people do with
/// them (acknowledge, verify as a fire, dismiss as false, clear, assign). Reads within the caller's
/// jurisdiction; actions for those who dispatch. Each action is one save, audited, with an event in the
/// alarm's history; an action the alarm's state forbids is a 409 naming why. Verifying a fire creates
/// its incident.
/// </summary>
public static class AlarmEndpoints
{
    public sealed record AssignRequest(string? Assignee);
    public sealed record NoteRequest(string? Note);

    /// <summary>
    /// Seconds between the steps from the first frame to the incident (GB 50440: ≤ 20 s device → centre,
    /// ≤ 3 s confirmed → 119), with the verdicts against those targets (null until the step is reached);
    /// see <see cref="AlarmTimings"/>.
    /// </summary>
    public sealed record Timings(double FrameToAlarmSeconds, double? AlarmToConfirmedSeconds, double? ConfirmedToIncidentSeconds,
        double? FrameToIncidentSeconds, double? DeviceToCentreSeconds, bool? DeviceToCentreMet, bool? ConfirmedToIncidentMet);

    public sealed record AlarmDto(long Id, long DeviceId, string DeviceKey, string? Component, string Type, string RuleCode,
        AlarmSeverity Severity, SensingAlarmState State, int Count, double? LastValue, string? Unit, long KeyPlaceId,
        string? Building, string? Floor, string? Zone, long JurisdictionId, DateTimeOffset FirstFrameAt, DateTimeOffset CreatedAt,
        DateTimeOffset LastAt, DateTimeOffset? VerifyBy, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy,
        string? AssignedTo, DateTimeOffset? ConfirmedAt, string? ConfirmedBy, long? IncidentId, DateTimeOffset? IncidentCreatedAt,
        DateTimeOffset? ClosedAt, string? ClosedBy, Timings Timings, DateTimeOffset? FirstDeviceTime);

    public sealed record EventDto(DateTimeOffset At, SensingAlarmEventKind Kind, string By, string? Note, double? Value);

    public sealed record AlarmDetail(AlarmDto Alarm, EventDto[] History);

    public static RouteGroupBuilder MapSensingAlarms(this RouteGroupBuilder sensing)
    {
        var g = sensing.MapGroup("/alarms");
        g.MapGet("/", List);
        g.MapGet("/{id:long}", Get);
        g.MapPost("/{id:long}/acknowledge", (long id, NoteRequest? r, Ctx c, CancellationToken ct) =>
            Act(id, r?.Note, c, SensingAlarmEventKind.Acknowledged, (a, now, by) => a.Acknowledge(now, by), ct))
            .RequireAuthorization(Policies.Dispatch);
        g.MapPost("/{id:long}/verify", Verify).RequireAuthorization(Policies.Dispatch);
        g.MapPost("/{id:long}/dismiss", (long id, NoteRequest? r, Ctx c, CancellationToken ct) =>
            Act(id, r?.Note, c, SensingAlarmEventKind.Dismissed, (a, now, by) => a.Dismiss(now, by), ct))
            .RequireAuthorization(Policies.Dispatch);
        g.MapPost("/{id:long}/clear", (long id, NoteRequest? r, Ctx c, CancellationToken ct) =>
            Act(id, r?.Note, c, SensingAlarmEventKind.Cleared, (a, now, by) => a.Clear(now, by), ct))
            .RequireAuthorization(Policies.Dispatch);
        g.MapPost("/{id:long}/assign", Assign).RequireAuthorization(Policies.Dispatch);
        return sensing;
    }

    /// <summary>What every action needs, bound from the request's services.</summary>
    public sealed record Ctx(FireCommandDbContext Db, IAuditActor Actor, TimeProvider Clock, AutomaticIncidents Incidents, AlarmFeed Feed)
    {
        public static ValueTask<Ctx?> BindAsync(HttpContext http) => ValueTask.FromResult<Ctx?>(new(
            http.RequestServices.GetRequiredService<FireCommandDbContext>(), http.RequestServices.GetRequiredService<IAuditActor>(),
            http.RequestServices.GetRequiredService<TimeProvider>(), http.RequestServices.GetRequiredService<AutomaticIncidents>(),
            http.RequestServices.GetRequiredService<AlarmFeed>()));
    }

    /// <summary>Open alarms (<c>state=open</c>, the default) or the most recent ones of any state (<c>state=recent</c>).</summary>
    private static async Task<Results<Ok<AlarmDto[]>, ValidationProblem>> List(string? state, long? keyPlaceId, long? incidentId,
        int? limit, FireCommandDbContext db, CancellationToken ct)
    {
        var v = new Validation().When(state is not (null or "open" or "recent"), "state", "state must be open or recent.")
            .OptionalRange("limit", limit, 1, 1000);
        if (!v.IsValid) return v.Problem();
        var q = db.SensingAlarms.AsNoTracking();
        if (state is null or "open") q = q.Where(a => a.ClosedAt == null);
        if (keyPlaceId is { } place) q = q.Where(a => a.KeyPlaceId == place);
        if (incidentId is { } incident) q = q.Where(a => a.IncidentId == incident);
        var rows = await q.OrderByDescending(a => a.Id).Take(limit ?? 200).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(ToDto).ToArray());
    }

    private static async Task<Results<Ok<AlarmDetail>, NotFound>> Get(long id, FireCommandDbContext db, CancellationToken ct)
    {
        var alarm = await db.SensingAlarms.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alarm is null) return TypedResults.NotFound();
        var history = await db.SensingAlarmEvents.AsNoTracking().Where(e => e.AlarmId == id).OrderBy(e => e.Id).ToListAsync(ct);
        return TypedResults.Ok(new AlarmDetail(ToDto(alarm),
            [.. history.Select(e => new EventDto(e.At, e.Kind, e.By, e.Note, e.Value))]));
    }

    /// <summary>A person confirms the fire on the board; its incident is created at once.</summary>
    private static async Task<Results<Ok<AlarmDetail>, NotFound, ProblemHttpResult, ValidationProblem>> Verify(long id,
        NoteRequest? r, Ctx c, CancellationToken ct)
    {
        var result = await Act(id, r?.Note, c, SensingAlarmEventKind.Confirmed, (a, now, _) => a.Confirm(now, "person"), ct);
        if (result.Result is not Ok<AlarmDetail>) return result;
        await c.Incidents.CreateAsync(id, ct);
        c.Db.ChangeTracker.Clear();
        return await Get(id, c.Db, ct) switch
        {
            { Result: Ok<AlarmDetail> ok } => ok,
            _ => TypedResults.NotFound(),
        };
    }

    private static Task<Results<Ok<AlarmDetail>, NotFound, ProblemHttpResult, ValidationProblem>> Assign(long id, AssignRequest r,
        Ctx c, CancellationToken ct)
    {
        var v = new Validation().Required("assignee", r.Assignee, 256);
        if (!v.IsValid) return Task.FromResult<Results<Ok<AlarmDetail>, NotFound, ProblemHttpResult, ValidationProblem>>(v.Problem());
        return Act(id, r.Assignee, c, SensingAlarmEventKind.Assigned, (a, _, _) => a.Assign(r.Assignee!.Trim()), ct);
    }

    private static async Task<Results<Ok<AlarmDetail>, NotFound, ProblemHttpResult, ValidationProblem>> Act(long id, string? note,
        Ctx c, SensingAlarmEventKind kind, Action<SensingAlarm, DateTimeOffset, string> step, CancellationToken ct)
    {
        var v = new Validation().Optional("note", note, 500);
        if (!v.IsValid) return v.Problem();
        var alarm = await c.Db.SensingAlarms.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alarm is null) return TypedResults.NotFound();
        var now = c.Clock.GetUtcNow();
        try { step(alarm, now, c.Actor.UserName); }
        catch (IllegalAlarmChangeException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not allowed in this state", detail: e.Message);
        }
        c.Db.SensingAlarmEvents.Add(new SensingAlarmEvent { AlarmId = id, At = now, Kind = kind, By = c.Actor.UserName, Note = note });
        await c.Db.SaveChangesAsync(ct);
        await c.Feed.PublishAsync([ToDto(alarm)], ct);
        return (await Get(id, c.Db, ct)).Result switch
        {
            Ok<AlarmDetail> ok => ok,
            _ => TypedResults.NotFound(),
        };
    }

    internal static AlarmDto ToDto(SensingAlarm a) => new(a.Id, a.DeviceId, a.DeviceKey,
        a.Component.Length == 0 ? null : a.Component, a.Type, a.RuleCode, a.Severity, a.State, a.Count, a.LastValue, a.Unit,
        a.KeyPlaceId, a.Building, a.Floor, a.Zone, a.JurisdictionId, a.FirstFrameAt, a.CreatedAt, a.LastAt, a.VerifyBy,
        a.AcknowledgedAt, a.AcknowledgedBy, a.AssignedTo, a.ConfirmedAt, a.ConfirmedBy, a.IncidentId, a.IncidentCreatedAt,
        a.ClosedAt, a.ClosedBy, TimingsOf(a), a.FirstDeviceTime);

    internal static Timings TimingsOf(SensingAlarm a)
    {
        var t = AlarmTimings.Of(a);
        return new(t.ReceivedToShownSeconds, t.ShownToConfirmedSeconds, t.ConfirmedToIncidentSeconds, t.FrameToIncidentSeconds,
            t.DeviceToCentreSeconds, t.DeviceToCentreMet, t.ConfirmedToIncidentMet);
    }
}
