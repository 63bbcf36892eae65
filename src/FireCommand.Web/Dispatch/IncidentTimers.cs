using System.Collections.Concurrent;
using FireCommand.Core.Data;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Dispatch.Decisions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Dispatch;

/// <summary>
/// Dispatch timers against the standards: read on demand for one incident, and watched in the
/// background so a console is alerted the moment a running timer turns red (NFPA 1221 call
/// processing, NFPA 1710 turnout and travel, the 5-minute reach of 建标152).
/// </summary>
public static class IncidentTimers
{
    public static async Task<DispatchTimerReport?> ReadAsync(FireCommandDbContext db, Incident incident, DispatchTimerOptions options,
        DateTimeOffset now, CancellationToken ct)
    {
        var units = await db.Assignments.IgnoreQueryFilters().AsNoTracking().Where(a => a.IncidentId == incident.Id)
            .Select(a => new UnitTimestamps(a.UnitId, a.DispatchedAt, a.EnRouteAt, a.OnSceneAt)).ToListAsync(ct);
        // A closed incident's clocks stop at closure.
        var at = incident.ClosedAt is { } closed && closed < now ? closed : now;
        return DispatchTimers.Evaluate(new IncidentTimestamps(incident.Type, incident.ReceivedAt, incident.DispatchedAt), units, options, at);
    }

    public static async Task<Results<Ok<DispatchTimerReport>, NotFound>> Handle(long id, FireCommandDbContext db,
        IOptions<DispatchOptions> options, TimeProvider clock, CancellationToken ct) =>
        await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is { } incident
            ? TypedResults.Ok((await ReadAsync(db, incident, options.Value.Timers, clock.GetUtcNow(), ct))!)
            : TypedResults.NotFound();
}

/// <summary>Checks open incidents every few seconds and pushes a <c>timerAlert</c> once per timer that turns red.</summary>
public sealed partial class TimerWatch(IServiceScopeFactory scopes, TimeProvider clock, IOptions<DispatchOptions> options,
    ILogger<TimerWatch> log) : BackgroundService
{
    private readonly ConcurrentDictionary<(long Incident, DispatchTimerKind Kind, long? Unit), byte> _alerted = new();

    public sealed record TimerAlert(long IncidentId, string Number, DispatchTimerKind Kind, long? UnitId, double ElapsedSeconds,
        double RedAfterSeconds, DecisionReason Reason);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5), clock);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                await CheckAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(log, e);
            }
        }
    }

    private async Task CheckAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
        var notifier = scope.ServiceProvider.GetRequiredService<ConsoleNotifier>();
        var now = clock.GetUtcNow();
        var open = await WatchedReportsAsync(db, options.Value.Timers, now, ct);
        foreach (var (incident, report) in open)
        {
            foreach (var reading in report.Incident.Concat(report.Units)
                         .Where(r => r.IsRunning && r.State is TimerState.Red or TimerState.Overdue))
            {
                if (!_alerted.TryAdd((incident.Id, reading.Kind, reading.UnitId), 0)) continue;
                await notifier.PublishAsync(ConsoleNotifier.TimerAlert, incident.JurisdictionId, new TimerAlert(incident.Id,
                    incident.Number, reading.Kind, reading.UnitId, reading.ElapsedSeconds ?? 0, reading.RedAfterSeconds,
                    reading.Reason), ct);
            }
        }
        // Forget incidents that are no longer watched so the set stays small.
        var watched = open.Select(o => o.Incident.Id).ToHashSet();
        foreach (var key in _alerted.Keys.Where(k => !watched.Contains(k.Incident))) _alerted.TryRemove(key, out _);
    }

    /// <summary>
    /// The timers of every incident still being dispatched (received or dispatched), as
    /// <see cref="IncidentTimers.ReadAsync"/> reads them one at a time, in two queries: a surge leaves
    /// hundreds of incidents open, and a query per incident every few seconds cost more than the calls.
    /// </summary>
    internal static async Task<IReadOnlyList<(Incident Incident, DispatchTimerReport Report)>> WatchedReportsAsync(
        FireCommandDbContext db, DispatchTimerOptions timers, DateTimeOffset now, CancellationToken ct)
    {
        var watching = db.Incidents.AsNoTracking()
            .Where(i => i.State == IncidentState.Received || i.State == IncidentState.Dispatched);
        var open = await watching.ToListAsync(ct);
        var units = (await db.Assignments.IgnoreQueryFilters().AsNoTracking()
                .Where(a => watching.Select(i => i.Id).Contains(a.IncidentId))
                .Select(a => new { a.IncidentId, Times = new UnitTimestamps(a.UnitId, a.DispatchedAt, a.EnRouteAt, a.OnSceneAt) })
                .ToListAsync(ct))
            .ToLookup(a => a.IncidentId, a => a.Times);
        return [.. open.Select(i => (i, DispatchTimers.Evaluate(
            new IncidentTimestamps(i.Type, i.ReceivedAt, i.DispatchedAt), [.. units[i.Id]], timers, now)))];
    }

    [LoggerMessage(EventId = 210, Level = LogLevel.Warning, Message = "Timer check failed")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
