using FireCommand.Core.Audit;
using FireCommand.Core.Data;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Security;
using FireCommand.Core.Sensing.Alarms;
using FireCommand.Core.Shared;
using FireCommand.Web.Dispatch;
using FireCommand.Web.Map;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Sensing;

/// <summary>
/// Turns a confirmed fire into a dispatch incident through the call-taker's own intake
/// (<see cref="TakeAlarm"/>): source AutomaticFireAlarm, located at the key place (so its plan, site
/// and the unit recommendation come with it), filed in the place's jurisdiction. The sending system's
/// id is the device key and the alarm id, so the intake's repeat detection makes a second attempt (the
/// sink and the watch racing, or a retry after a crash) answer the same incident. The alarm then links
/// to the incident; the incident's side is the dispatch alarm row with that id. A further confirmed
/// alarm of the same place while its incident is open is merged into it as another report. Thread-safe.
/// </summary>
public sealed class AutomaticIncidents(IServiceScopeFactory scopes, TimeProvider clock, AlarmFeed feed)
{
    public static string ExternalIdOf(SensingAlarm alarm) => ExternalIdOf(alarm.DeviceKey, alarm.Id);

    public static string ExternalIdOf(string deviceKey, long alarmId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{deviceKey}#{alarmId}");

    /// <summary>Creates (or finds) the incident of a confirmed fire and links the two; returns the incident id, or null when it cannot be filed.</summary>
    public async Task<long?> CreateAsync(long alarmId, CancellationToken ct)
    {
        // One at a time in a process: the sink and the watch may both take up fires of one place, and the
        // second must see the first's link to merge into its incident instead of opening another.
        await _one.WaitAsync(ct);
        try { return await CreateOneAsync(alarmId, ct); }
        finally { _one.Release(); }
    }

    private readonly SemaphoreSlim _one = new(1, 1);

    private async Task<long?> CreateOneAsync(long alarmId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<FireCommandDbContext>();
        var alarm = await db.SensingAlarms.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(a => a.Id == alarmId, ct);
        if (alarm is null || alarm.State is not SensingAlarmState.Confirmed) return null;
        if (alarm.IncidentId is { } known) return known;
        var device = await db.MonitoredDevices.IgnoreQueryFilters().AsNoTracking().FirstAsync(d => d.Id == alarm.DeviceId, ct);
        var place = await db.KeyPlaces.IgnoreQueryFilters().AsNoTracking().FirstAsync(k => k.Id == alarm.KeyPlaceId, ct);

        // A second confirmed alarm of the same place joins the fire already on the console, not a new one.
        var burning = await db.SensingAlarms.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.KeyPlaceId == alarm.KeyPlaceId && a.IncidentId != null && a.Id != alarm.Id)
            .Join(db.Incidents.IgnoreQueryFilters().Where(i => i.State != IncidentState.Closed && i.MergedIntoIncidentId == null),
                a => a.IncidentId, i => i.Id, (a, i) => (long?)i.Id)
            .OrderByDescending(i => i).FirstOrDefaultAsync(ct);
        var where = string.Join(" ", new[] { alarm.Building, alarm.Floor, alarm.Zone }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var request = new TakeAlarm.AlarmRequest(AlarmSource.AutomaticFireAlarm, CallerNumber: null,
            CallerName: Clip(device.Name, 50), Latitude: null, Longitude: null, CoordinateSystem: null,
            Address: Clip(string.Join(" ", new[] { place.Address ?? place.Name, where }.Where(s => s.Length > 0)), 200),
            IncidentType.Fire, Subtype: null,
            Description: Clip($"自动火灾报警 / automatic fire alarm: {device.Name} {where} {alarm.Component}".TrimEnd() +
                              $" — {alarm.ConfirmedBy}", 2000),
            Trapped: null, Injured: null, KeyPlaceId: place.Id, FireLevel: null, MergeIntoIncidentId: burning,
            ExternalId: ExternalIdOf(alarm));
        var taken = (await TakeAlarm.Handle(request, db, sp.GetRequiredService<ProvinceGeography>(),
            sp.GetRequiredService<IJurisdictionScope>(), sp.GetRequiredService<IAuditActor>(), clock,
            sp.GetRequiredService<ConsoleNotifier>(), sp.GetRequiredService<CorpsCalendar>(), ct)).Result;
        var incidentId = taken switch
        {
            Created<TakeAlarm.AlarmTaken> c => c.Value!.Incident.Id,
            Ok<TakeAlarm.AlarmTaken> o => o.Value!.Incident.Id,
            _ => (long?)null,
        };
        if (incidentId is null) return null;

        db.ChangeTracker.Clear();
        var tracked = await db.SensingAlarms.IgnoreQueryFilters().FirstAsync(a => a.Id == alarmId, ct);
        if (tracked.IncidentId is not null) return tracked.IncidentId;
        var now = clock.GetUtcNow();
        tracked.LinkIncident(incidentId.Value, now);
        db.SensingAlarmEvents.Add(new SensingAlarmEvent
        {
            AlarmId = tracked.Id, At = now, Kind = SensingAlarmEventKind.IncidentCreated, By = "platform",
            Note = incidentId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await db.SaveChangesAsync(ct);

        // The intake announced the incident before this link existed: announce it again, so every console
        // shows the sensing alarm it came from without a reload.
        if (await db.Incidents.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, ct) is { } incident)
            await sp.GetRequiredService<ConsoleNotifier>().PublishAsync(ConsoleNotifier.IncidentChanged, incident.JurisdictionId,
                await IncidentViews.LoadAsync(db, incident, ct), ct);
        await feed.PublishAsync([AlarmEndpoints.ToDto(tracked)], ct);
        return incidentId;
    }

    private static string? Clip(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
