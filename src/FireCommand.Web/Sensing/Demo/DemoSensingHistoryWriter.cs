using FireCommand.Core.Data;
using FireCommand.Core.Demo.Sensing;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Sensing.Alarms;
using FireCommand.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Sensing.Demo;

/// <summary>
/// Stores the demo's sensing history (<see cref="DemoSensingHistory"/>) when the devices are first
/// registered: past alarms with their events, the standing faults and shielded zones, and past fire
/// incidents within 500 m of a monitored place tied to that place's confirmed alarm (the incident then
/// names the place and the automatic alarm as its source). One transaction; machine history, not audited.
/// </summary>
public sealed class DemoSensingHistoryWriter(IServiceScopeFactory scopes, IOptions<DemoOptions> demo, TimeProvider clock,
    ILogger<DemoSensingHistoryWriter> log)
{
    private const double NearPlaceMeters = 500;
    private const int MaxLinkedFires = 8;

    public async Task WriteAsync(IReadOnlyList<DemoDevice> devices, CancellationToken ct)
    {
        var days = demo.Value.HistoryDays;
        if (days <= 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
        db.AuditEnabled = false;
        var now = clock.GetUtcNow();
        var since = now.AddDays(-days);
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var monitored = devices.Where(d => d.IsGb26875).Select(d => d.Place.Id).ToHashSet();
        var places = await db.KeyPlaces.IgnoreQueryFilters().AsNoTracking().Where(k => monitored.Contains(k.Id))
            .Select(k => new { k.Id, k.Location }).ToListAsync(ct);
        var pastFires = await db.Incidents.IgnoreQueryFilters().Where(i => i.Type == IncidentType.Fire && i.KeyPlaceId == null &&
            i.State == IncidentState.Closed && i.ReceivedAt >= since).OrderBy(i => i.Id).ToListAsync(ct);
        var linked = new List<(Incident Incident, DemoPastFire Fire)>();
        foreach (var incident in pastFires)
        {
            var near = places.Select(p => (p.Id, Meters: Meters(incident.Location, p.Location))).Where(p => p.Meters <= NearPlaceMeters)
                .OrderBy(p => p.Meters).FirstOrDefault();
            if (near.Id == 0) continue;
            linked.Add((incident, new DemoPastFire(incident.Id, near.Id, incident.ReceivedAt.ToUniversalTime())));
            if (linked.Count == MaxLinkedFires) break;
        }

        var history = DemoSensingHistory.Generate(devices, [.. linked.Select(l => l.Fire)], now, days, demo.Value.Seed);
        var keys = history.Select(h => h.Device.DeviceKey).Distinct().ToList();
        var ids = await db.MonitoredDevices.IgnoreQueryFilters().Where(d => keys.Contains(d.DeviceKey))
            .ToDictionaryAsync(d => d.DeviceKey, d => d.Id, ct);
        var closedAt = linked.ToDictionary(l => l.Incident.Id, l => l.Incident.ClosedAt?.ToUniversalTime());
        var standing = new HashSet<(long, string, string)>();
        var alarms = new List<(SensingAlarm Alarm, DemoPastAlarm Past)>();
        foreach (var h in history)
        {
            var point = h.Device.Points[h.Point];
            var deviceId = ids[h.Device.DeviceKey];
            if (h.Outcome is DemoPastOutcome.Standing && !standing.Add((deviceId, point.Component, h.Type))) continue;
            var alarm = new SensingAlarm
            {
                DeviceId = deviceId, DeviceKey = h.Device.DeviceKey, Component = point.Component, Type = h.Type, RuleCode = h.RuleCode,
                Severity = h.Severity, KeyPlaceId = h.Device.Place.Id, Building = point.Building, Floor = point.Floor, Zone = point.Zone,
                JurisdictionId = h.Device.Place.JurisdictionId, FirstFrameAt = h.At, CreatedAt = h.At,
            };
            var fire = h.Type == SensingAlarm.FireType;
            alarm.Open(h.Value, h.At, fire ? h.At.AddSeconds(180) : null, null);
            var end = h.EndedAt ?? now;
            switch (h.Outcome)
            {
                case DemoPastOutcome.ResetOnSite or DemoPastOutcome.Cleared:
                    alarm.Clear(end, "device");
                    break;
                case DemoPastOutcome.Dismissed:
                    alarm.Dismiss(end, "dispatcher");
                    break;
                case DemoPastOutcome.Fire:
                    alarm.Confirm(end, "second_detector");
                    alarm.LinkIncident(h.IncidentId!.Value, end.AddSeconds(2));
                    if (closedAt.GetValueOrDefault(h.IncidentId.Value) is { } closed) alarm.Clear(closed, "dispatcher");
                    break;
            }
            db.SensingAlarms.Add(alarm);
            alarms.Add((alarm, h));
        }
        foreach (var (incident, fire) in linked)
        {
            incident.KeyPlaceId = fire.KeyPlaceId;
            incident.Source = AlarmSource.AutomaticFireAlarm;
        }
        await db.SaveChangesAsync(ct);
        foreach (var (alarm, past) in alarms) AddEvents(db, alarm, past);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        DemoSensingLog.HistoryWritten(log, alarms.Count, alarms.Count(a => a.Alarm.IncidentId is not null), days);
    }

    private static void AddEvents(FireCommandDbContext db, SensingAlarm a, DemoPastAlarm past)
    {
        void Add(DateTimeOffset at, SensingAlarmEventKind kind, string by, string? note = null) =>
            db.SensingAlarmEvents.Add(new SensingAlarmEvent { AlarmId = a.Id, At = at, Kind = kind, By = by, Note = note });
        Add(a.CreatedAt, SensingAlarmEventKind.Raised, "device");
        if (a.ConfirmedAt is { } confirmed) Add(confirmed, SensingAlarmEventKind.Confirmed, "platform", a.ConfirmedBy);
        if (a.IncidentCreatedAt is { } linked)
            Add(linked, SensingAlarmEventKind.IncidentCreated, "platform", a.IncidentId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (a.ClosedAt is { } closed)
            Add(closed, a.State is SensingAlarmState.Dismissed ? SensingAlarmEventKind.Dismissed : SensingAlarmEventKind.Cleared, a.ClosedBy!,
                past.Outcome is DemoPastOutcome.ResetOnSite ? "reset" : null);
    }

    /// <summary>Great-circle distance, enough for "near" at a few hundred metres.</summary>
    private static double Meters(NetTopologySuite.Geometries.Point a, NetTopologySuite.Geometries.Point b)
    {
        const double R = 6_371_000;
        double dLat = (b.Y - a.Y) * Math.PI / 180, dLon = (b.X - a.X) * Math.PI / 180 * Math.Cos((a.Y + b.Y) / 2 * Math.PI / 180);
        return R * Math.Sqrt(dLat * dLat + dLon * dLon);
    }
}
