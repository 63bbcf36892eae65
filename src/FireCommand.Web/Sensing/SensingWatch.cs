using FireCommand.Core.Data;
using FireCommand.Core.Sensing.Alarms;
using FireCommand.Core.Sensing.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Sensing;

/// <summary>
/// What no message triggers: a device that fell silent (its profile's offline rule), a pending fire
/// whose verification window ran out without anyone dismissing it (counted as a fire: an unanswered
/// detector is not assumed false), and a confirmed fire whose incident was not created (the process
/// stopped between the two commits). Every node runs it; the unique indexes and the intake's repeat
/// detection make two nodes' passes agree.
/// </summary>
public sealed class SensingWatch(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SensingOptions> options,
    AutomaticIncidents incidents, AlarmFeed feed, ILogger<SensingWatch> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.WatchSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await RunOnceAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { SensingLog.WatchFailed(log, e); }
        }
    }

    /// <summary>One pass; public so tests drive it with their own clock.</summary>
    public async Task RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<long> fires;
        IReadOnlyList<AlarmEndpoints.AlarmDto> changed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
            db.AuditEnabled = false;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await MarkSilentDevicesAsync(db, now, ct);
            foreach (var pending in await db.SensingAlarms.IgnoreQueryFilters()
                         .Where(a => a.State == SensingAlarmState.PendingVerification && a.VerifyBy <= now).ToListAsync(ct))
            {
                pending.Confirm(now, "window_expired");
                db.SensingAlarmEvents.Add(new SensingAlarmEvent
                    { AlarmId = pending.Id, At = now, Kind = SensingAlarmEventKind.Confirmed, By = "platform", Note = "window_expired" });
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            changed = AlarmFeed.ChangedIn(db);
            fires = await db.SensingAlarms.IgnoreQueryFilters()
                .Where(a => a.State == SensingAlarmState.Confirmed && a.IncidentId == null && a.ClosedAt == null)
                .Select(a => a.Id).ToListAsync(ct);
        }
        await feed.PublishAsync(changed, ct);
        foreach (var id in fires) await incidents.CreateAsync(id, ct);
    }

    private static async Task MarkSilentDevicesAsync(FireCommandDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var offlineRules = (await db.DeviceProfiles.AsNoTracking().ToListAsync(ct))
            .Select(p => (p.Code, Rule: p.Rules().FirstOrDefault(r => r.Kind is RuleKind.Offline)))
            .Where(p => p.Rule is not null).ToDictionary(p => p.Code, p => p.Rule!);
        if (offlineRules.Count == 0) return;
        var earliest = now.AddMinutes(-offlineRules.Values.Min(r => r.OfflineMinutes!.Value));
        var candidates = await db.MonitoredDevices.IgnoreQueryFilters()
            .Where(d => d.LastSeenAt != null && d.LastSeenAt < earliest).ToListAsync(ct);
        var silent = candidates.Where(d => offlineRules.TryGetValue(d.ProfileCode, out var r) &&
                                           d.LastSeenAt < now.AddMinutes(-r.OfflineMinutes!.Value)).ToList();
        if (silent.Count == 0) return;
        var ids = silent.Select(d => d.Id).ToList();
        var open = (await db.SensingAlarms.IgnoreQueryFilters()
            .Where(a => ids.Contains(a.DeviceId) && a.Type == "offline" && a.ClosedAt == null)
            .Select(a => a.DeviceId).ToListAsync(ct)).ToHashSet();
        var raised = new List<SensingAlarm>();
        foreach (var device in silent)
        {
            device.Online = false;
            if (open.Contains(device.Id)) continue;
            var rule = offlineRules[device.ProfileCode];
            var alarm = new SensingAlarm
            {
                DeviceId = device.Id, DeviceKey = device.DeviceKey, Component = "", Type = rule.AlarmType, RuleCode = rule.Code,
                Severity = rule.Severity, KeyPlaceId = device.KeyPlaceId, Building = device.Building, Floor = device.Floor,
                Zone = device.Zone, JurisdictionId = device.JurisdictionId, FirstFrameAt = device.LastSeenAt!.Value, CreatedAt = now,
            };
            alarm.Open(null, now, null, null);
            db.SensingAlarms.Add(alarm);
            raised.Add(alarm);
        }
        await db.SaveChangesAsync(ct);
        foreach (var a in raised)
            db.SensingAlarmEvents.Add(new SensingAlarmEvent
                { AlarmId = a.Id, At = now, Kind = SensingAlarmEventKind.Raised, By = "platform", Note = $"silent since {a.FirstFrameAt:O}" });
    }
}
