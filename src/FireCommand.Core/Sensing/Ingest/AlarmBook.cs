using FireCommand.Core.Data;
using FireCommand.Core.Sensing.Alarms;
using FireCommand.Core.Sensing.Devices;
using FireCommand.Core.Sensing.Rules;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Core.Sensing.Ingest;

/// <summary>
/// The open alarms of the places one batch (or one background pass) touches, with the steps taken on
/// them, so each condition opens one alarm and every step leaves an event. Not thread-safe: one per unit
/// of work, saved with its context.
/// </summary>
internal sealed class AlarmBook(FireCommandDbContext db, DateTimeOffset now)
{
    private readonly Dictionary<(long Device, string Component, string Type), SensingAlarm> _open = [];
    // The same alarms by device: a message looks at its own device's alarms, not at every place's.
    private readonly Dictionary<long, List<SensingAlarm>> _byDevice = [];
    private readonly List<(SensingAlarm Alarm, SensingAlarmEventKind Kind, string By, string? Note, double? Value)> _events = [];

    /// <summary>Fires confirmed in this unit of work; each becomes an incident after the commit.</summary>
    public List<SensingAlarm> Confirmed { get; } = [];

    public IEnumerable<SensingAlarm> Open => _open.Values.Where(a => a.IsOpen);

    /// <summary>The open alarms of one device.</summary>
    public IEnumerable<SensingAlarm> OpenOf(long deviceId) =>
        _byDevice.TryGetValue(deviceId, out var alarms) ? alarms.Where(a => a.IsOpen) : [];

    private void Track(SensingAlarm alarm)
    {
        var key = (alarm.DeviceId, alarm.Component, alarm.Type);
        if (_open.TryGetValue(key, out var replaced) && _byDevice.TryGetValue(alarm.DeviceId, out var old)) old.Remove(replaced);
        _open[key] = alarm;
        if (!_byDevice.TryGetValue(alarm.DeviceId, out var list)) _byDevice[alarm.DeviceId] = list = [];
        list.Add(alarm);
    }

    public async Task LoadPlacesAsync(IReadOnlyCollection<long> keyPlaceIds, CancellationToken ct)
    {
        var open = await db.SensingAlarms.IgnoreQueryFilters()
            .Where(a => keyPlaceIds.Contains(a.KeyPlaceId) && a.ClosedAt == null).ToListAsync(ct);
        foreach (var a in open) Track(a);
    }

    public SensingAlarm? Find(long deviceId, string component, string type) =>
        _open.TryGetValue((deviceId, component, type), out var a) && a.IsOpen ? a : null;

    /// <summary>Opens the alarm of this condition, or counts one more report on the open one.</summary>
    public SensingAlarm Raise(MonitoredDevice device, string component, AlarmRule rule, DeviceMessage m,
        Func<SensingAlarm, (DateTimeOffset? VerifyBy, string? ConfirmedBy)>? fireDecision = null)
    {
        if (Find(device.Id, component, rule.AlarmType) is { } open)
        {
            open.Repeat(m.Value, m.ReceivedAt);
            if (rule.Severity > open.Severity) open.Severity = rule.Severity;
            Record(open, SensingAlarmEventKind.Repeated, "device", m.Text, m.Value);
            return open;
        }
        var point = device.PointOf(component);
        var alarm = new SensingAlarm
        {
            DeviceId = device.Id, DeviceKey = device.DeviceKey, Component = component, Type = rule.AlarmType,
            RuleCode = rule.Code, Severity = rule.Severity, Unit = m.Unit, KeyPlaceId = device.KeyPlaceId,
            Building = point?.Building ?? device.Building, Floor = point?.Floor ?? device.Floor,
            Zone = device.ZoneOf(component), JurisdictionId = device.JurisdictionId,
            FirstDeviceTime = m.DeviceTime, FirstFrameAt = m.ReceivedAt, CreatedAt = now,
        };
        var (verifyBy, confirmedBy) = fireDecision?.Invoke(alarm) ?? (null, null);
        alarm.Open(m.Value, m.ReceivedAt, verifyBy, confirmedBy);
        db.SensingAlarms.Add(alarm);
        Track(alarm);
        Record(alarm, SensingAlarmEventKind.Raised, "device", m.Text, m.Value);
        if (confirmedBy is not null) Confirm(alarm, confirmedBy);
        return alarm;
    }

    /// <summary>
    /// The device reports the condition over. A confirmed fire stays open: only a person closes it, so
    /// a panel reset during a real fire cannot take it off the board.
    /// </summary>
    public void ClearByDevice(SensingAlarm alarm, string note)
    {
        if (!alarm.IsOpen || alarm.State is SensingAlarmState.Confirmed) return;
        alarm.Clear(now, "device");
        Record(alarm, SensingAlarmEventKind.Cleared, "device", note, null);
    }

    public void Confirm(SensingAlarm alarm, string reason)
    {
        if (alarm.State is not SensingAlarmState.Confirmed) alarm.Confirm(now, reason);
        Record(alarm, SensingAlarmEventKind.Confirmed, reason == "person" ? "person" : "platform", reason, null);
        if (alarm.IncidentId is null && !Confirmed.Contains(alarm)) Confirmed.Add(alarm);
    }

    public void Record(SensingAlarm alarm, SensingAlarmEventKind kind, string by, string? note, double? value) =>
        _events.Add((alarm, kind, by, note is { Length: > 500 } ? note[..500] : note, value));

    /// <summary>Writes the events once the alarms they belong to have their ids.</summary>
    public void AddEvents()
    {
        foreach (var (alarm, kind, by, note, value) in _events)
            db.SensingAlarmEvents.Add(new SensingAlarmEvent { AlarmId = alarm.Id, At = now, Kind = kind, By = by, Note = note, Value = value });
        _events.Clear();
    }
}
