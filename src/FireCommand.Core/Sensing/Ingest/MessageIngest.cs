using System.Globalization;
using System.Text;
using FireCommand.Core.Data;
using FireCommand.Core.Sensing.Alarms;
using FireCommand.Core.Sensing.Devices;
using FireCommand.Core.Sensing.Rules;
using FireCommand.Core.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FireCommand.Core.Sensing.Ingest;

/// <summary>
/// Applies one batch of device messages to a context: stores each message once, marks its device seen,
/// runs the device profile's rules and opens, repeats, confirms or clears alarms. The caller owns the
/// transaction and saves; the returned alarms are the fires confirmed by this batch. Not thread-safe;
/// one per unit of work.
/// </summary>
public sealed class MessageIngest(FireCommandDbContext db, DateTimeOffset now, CorpsCalendar calendar, VerificationOptions verification)
{
    private readonly AlarmBook _book = new(db, now);
    private Dictionary<string, IReadOnlyList<AlarmRule>> _profiles = [];
    private Dictionary<string, MonitoredDevice> _devices = [];
    private Dictionary<long, Resources.KeyPlaceCategory> _places = [];
    private Dictionary<(string, string, string), RuleMemory> _memory = [];

    public async Task<IReadOnlyList<SensingAlarm>> ApplyAsync(IReadOnlyList<DeviceMessage> batch, CancellationToken ct)
    {
        // Instants are compared and stored in UTC on both databases (PostgreSQL refuses another offset).
        var fresh = await NewMessagesAsync([.. batch.Select(m => m with
        {
            ReceivedAt = m.ReceivedAt.ToUniversalTime(), DeviceTime = m.DeviceTime?.ToUniversalTime(),
        })], ct);
        if (fresh.Count == 0) return [];
        var keys = fresh.Select(m => m.DeviceKey).Distinct().ToList();
        _devices = await db.MonitoredDevices.IgnoreQueryFilters().Include(d => d.Points)
            .Where(d => keys.Contains(d.DeviceKey)).ToDictionaryAsync(d => d.DeviceKey, ct);
        _profiles = (await db.DeviceProfiles.AsNoTracking().ToListAsync(ct)).ToDictionary(p => p.Code, p => p.Rules());
        var placeIds = _devices.Values.Select(d => d.KeyPlaceId).Distinct().ToList();
        _places = await db.KeyPlaces.IgnoreQueryFilters().Where(k => placeIds.Contains(k.Id))
            .ToDictionaryAsync(k => k.Id, k => k.Categories, ct);
        await _book.LoadPlacesAsync(placeIds, ct);
        _memory = (await db.RuleMemories.Where(r => keys.Contains(r.DeviceKey)).ToListAsync(ct))
            .ToDictionary(r => (r.DeviceKey, r.Component, r.RuleCode));

        foreach (var m in fresh)
        {
            var device = _devices.GetValueOrDefault(m.DeviceKey);
            db.DeviceMessages.Add(DeviceMessageRecord.From(m, device));
            if (device is null) continue; // stored and flagged; an unregistered device raises nothing
            await ApplyAsync(device, m, ct);
        }
        await db.SaveChangesAsync(ct);
        _book.AddEvents();
        await db.SaveChangesAsync(ct);
        return _book.Confirmed;
    }

    /// <summary>The batch without messages already stored or repeated within it.</summary>
    private async Task<List<DeviceMessage>> NewMessagesAsync(IReadOnlyList<DeviceMessage> batch, CancellationToken ct)
    {
        var pairs = batch.Where(m => m.MessageId is not null).Select(m => (m.DeviceKey, MessageId: m.MessageId!)).Distinct().ToList();
        var stored = new HashSet<(string, string)>();
        for (int from = 0; from < pairs.Count; from += StoredLookupChunk)
            await AddStoredAsync(pairs.GetRange(from, Math.Min(StoredLookupChunk, pairs.Count - from)), stored, ct);
        var fresh = new List<DeviceMessage>(batch.Count);
        foreach (var m in batch)
            if (m.MessageId is null || stored.Add((m.DeviceKey, m.MessageId))) fresh.Add(m);
        return fresh;
    }

    // Pairs per lookup: two parameters each, well under SQLite's and PostgreSQL's parameter limits.
    private const int StoredLookupChunk = 1000;

    /// <summary>
    /// Which (device, message id) pairs are stored already: one index probe per pair. Written as a join
    /// with a VALUES list because <c>DeviceKey IN (…) AND MessageId IN (…)</c> makes SQLite probe every
    /// key with every id (a thousand devices' batch: a million probes), and a row-value IN scans the index.
    /// </summary>
    private async Task AddStoredAsync(List<(string DeviceKey, string MessageId)> pairs, HashSet<(string, string)> stored, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var sql = new StringBuilder("WITH v(k, i) AS (VALUES ");
        for (int i = 0; i < pairs.Count; i++)
        {
            if (i > 0) sql.Append(',');
            sql.Append(CultureInfo.InvariantCulture, $"(@k{i}, @i{i})");
            Add(command, $"@k{i}", pairs[i].DeviceKey);
            Add(command, $"@i{i}", pairs[i].MessageId);
        }
        sql.Append(") SELECT d.\"DeviceKey\", d.\"MessageId\" FROM v JOIN \"DeviceMessages\" d ON d.\"DeviceKey\" = v.k AND d.\"MessageId\" = v.i AND d.\"MessageId\" IS NOT NULL");
        command.CommandText = sql.ToString();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) stored.Add((reader.GetString(0), reader.GetString(1)));

        static void Add(System.Data.Common.DbCommand command, string name, string value)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
    }

    private async Task ApplyAsync(MonitoredDevice device, DeviceMessage m, CancellationToken ct)
    {
        if (m.Kind is DeviceMessageKind.Status && m.Type == "offline")
        {
            device.Online = false;
            return;
        }
        device.Seen(m.ReceivedAt);
        foreach (var offline in _book.OpenOf(device.Id).Where(a => a.Type == "offline").ToList())
            _book.ClearByDevice(offline, $"{m.Type} received");
        var component = m.Component ?? "";
        var rules = _profiles.GetValueOrDefault(device.ProfileCode) ?? [];
        foreach (var rule in rules)
        {
            switch (rule.Kind)
            {
                case RuleKind.Above or RuleKind.Below or RuleKind.RateOfRise
                    when m.Kind is DeviceMessageKind.Telemetry && m.Type == rule.Metric && m.Value is { } value:
                    JudgeSample(device, component, rule, m, value);
                    break;
                case RuleKind.Event when m.Kind is not DeviceMessageKind.Telemetry && m.Type == rule.Metric:
                    await RaiseEventAsync(device, component, rule, m, ct);
                    break;
                case RuleKind.Event when m.Kind is not DeviceMessageKind.Telemetry && rule.ClearEvents.Contains(m.Type):
                    // A component's "normal" ends its own condition; the controller's reset (no component) ends it everywhere.
                    foreach (var a in _book.OpenOf(device.Id).Where(a => a.Type == rule.AlarmType &&
                                                                      (component.Length == 0 || a.Component == component)).ToList())
                        _book.ClearByDevice(a, m.Type);
                    break;
            }
        }
        Corroborate(device, component, m);
    }

    private void JudgeSample(MonitoredDevice device, string component, AlarmRule rule, DeviceMessage m, double value)
    {
        var key = (device.DeviceKey, component, rule.Code);
        if (!_memory.TryGetValue(key, out var memory))
        {
            memory = new RuleMemory { DeviceKey = device.DeviceKey, Component = component, RuleCode = rule.Code };
            db.RuleMemories.Add(memory);
            _memory[key] = memory;
        }
        var verdict = RuleEvaluator.Judge(rule, memory, value, m.ReceivedAt, TimeOnly.FromDateTime(calendar.Local(m.ReceivedAt).DateTime));
        var open = _book.Find(device.Id, component, rule.AlarmType);
        switch (verdict)
        {
            case RuleVerdict.Raise:
                _book.Raise(device, component, rule, m, rule.AlarmType == SensingAlarm.FireType ? a => FireDecision(a, device, component, m) : null);
                break;
            case RuleVerdict.Holding:
                open?.Hold(value, m.ReceivedAt);
                break;
            case RuleVerdict.Clear when open is not null:
                _book.ClearByDevice(open, $"{rule.Metric} {value} past clear level");
                break;
        }
    }

    private async Task RaiseEventAsync(MonitoredDevice device, string component, AlarmRule rule, DeviceMessage m, CancellationToken ct)
    {
        if (rule.AlarmType != SensingAlarm.FireType)
        {
            _book.Raise(device, component, rule, m);
            return;
        }
        var recentFalse = _book.Find(device.Id, component, rule.AlarmType) is null ? await RecentFalseAlarmsAsync(device.Id, ct) : 0;
        _book.Raise(device, component, rule, m, a => FireDecision(a, device, component, m, recentFalse));
    }

    /// <summary>A new fire alarm is confirmed at once by what it is or by a pending fire it corroborates; otherwise it waits.</summary>
    private (DateTimeOffset?, string?) FireDecision(SensingAlarm alarm, MonitoredDevice device, string component, DeviceMessage m,
        int recentFalse = 0)
    {
        var signal = SignalOf(device, component, m.Type);
        if (Corroboration.ConfirmsItself(signal) is { } self) return (null, self);
        if (_book.Open.Where(a => a.IsFire).Select(p => Corroboration.Confirms(signal, p)).FirstOrDefault(r => r is not null) is { } reason)
            return (null, reason);
        var window = VerificationWindow.For(verification, _places.GetValueOrDefault(device.KeyPlaceId),
            TimeOnly.FromDateTime(calendar.Local(m.ReceivedAt).DateTime), recentFalse);
        return (m.ReceivedAt + window, null);
    }

    /// <summary>A report that corroborates pending fires confirms them.</summary>
    private void Corroborate(MonitoredDevice device, string component, DeviceMessage m)
    {
        if (m.Kind is DeviceMessageKind.Telemetry || m.Type is not ("fire" or "manual_call_point" or "water_flow" or "pump_start")) return;
        var signal = SignalOf(device, component, m.Type);
        foreach (var pending in _book.Open.Where(a => a.IsFire).ToList())
            if (Corroboration.Confirms(signal, pending) is { } reason) _book.Confirm(pending, reason);
    }

    private static FireSignal SignalOf(MonitoredDevice device, string component, string type) =>
        new(device.Id, component, type, device.PointOf(component)?.Kind, device.KeyPlaceId, device.ZoneOf(component));

    private async Task<int> RecentFalseAlarmsAsync(long deviceId, CancellationToken ct)
    {
        var since = now.AddDays(-verification.HistoryDays);
        return await db.SensingAlarms.IgnoreQueryFilters().CountAsync(a => a.DeviceId == deviceId &&
            a.Type == SensingAlarm.FireType && a.ClosedAt != null && a.ClosedAt >= since && a.ConfirmedAt == null, ct);
    }
}
