using FireCommand.Core.Data;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Dispatch;

/// <summary>What consoles see of an incident: the record, its callers and its units.</summary>
public static class IncidentViews
{
    public sealed record AssignmentView(long Id, long UnitId, string CallSign, int UnitStatus, string? Slot, int? EtaSeconds,
        bool CrossJurisdiction, DateTimeOffset DispatchedAt, DateTimeOffset? EnRouteAt, DateTimeOffset? OnSceneAt,
        DateTimeOffset? ClearedAt);

    /// <summary>
    /// One report of the incident. <paramref name="SensingAlarmId"/> is the sensing alarm an automatic
    /// report came from, once the two are linked (GET /api/incidents/{id}/sensing has its details).
    /// </summary>
    public sealed record AlarmView(long Id, AlarmSource Source, string? CallerNumber, string? CallerName, string? AddressText,
        DateTimeOffset ReceivedAt, string TakenBy, long? SensingAlarmId = null);

    public sealed record IncidentView(long Id, string Number, IncidentType Type, string? Subtype, int FireLevel,
        double Latitude, double Longitude, string? Address, string? Description, int Trapped, int Injured, int Deaths,
        long? KeyPlaceId, AlarmSource Source, IncidentState State, long JurisdictionId, DateTimeOffset ReceivedAt,
        DateTimeOffset? DispatchedAt, DateTimeOffset? FirstArrivalAt, DateTimeOffset? ClosedAt, string? Outcome,
        long? MergedIntoIncidentId, DateTimeOffset? LevelRaisedAt, IReadOnlyList<AssignmentView> Assignments,
        IReadOnlyList<AlarmView> Alarms);

    public sealed record UnitView(long Id, string CallSign, ApparatusType Type, int Status, DateTimeOffset StatusChangedAt,
        long HomeStationId, long JurisdictionId, double Latitude, double Longitude, long? IncidentId);

    public static async Task<IncidentView> LoadAsync(FireCommandDbContext db, Incident i, CancellationToken ct)
    {
        var assignments = await db.Assignments.IgnoreQueryFilters().AsNoTracking().Where(a => a.IncidentId == i.Id)
            .Join(db.Units.IgnoreQueryFilters(), a => a.UnitId, u => u.Id, (a, u) => new { a, u.CallSign, u.Status })
            .OrderBy(x => x.a.Id).ToListAsync(ct);
        var alarms = await db.Alarms.IgnoreQueryFilters().AsNoTracking().Where(a => a.IncidentId == i.Id)
            .OrderBy(a => a.Id).ToListAsync(ct);
        // Only an incident with an automatic report looks for sensing alarms: a call's incident costs no query.
        var sensing = alarms.Any(a => a.Source == AlarmSource.AutomaticFireAlarm)
            ? await db.SensingAlarms.IgnoreQueryFilters().AsNoTracking().Where(s => s.IncidentId == i.Id)
                .Select(s => new { s.Id, s.DeviceKey }).ToListAsync(ct)
            : [];
        var sensingOf = sensing.ToDictionary(s => Sensing.AutomaticIncidents.ExternalIdOf(s.DeviceKey, s.Id), s => s.Id);
        return ToView(i, [.. assignments.Select(x => new AssignmentView(x.a.Id, x.a.UnitId, x.CallSign, x.Status.Code(), x.a.Slot,
            x.a.EtaSeconds, x.a.CrossJurisdiction, x.a.DispatchedAt, x.a.EnRouteAt, x.a.OnSceneAt, x.a.ClearedAt))], alarms, sensingOf);
    }

    /// <summary>The view of an incident whose units and alarms (in id order) the caller already holds.</summary>
    public static IncidentView ToView(Incident i, IReadOnlyList<AssignmentView> assignments, IEnumerable<Alarm> alarms,
        IReadOnlyDictionary<string, long>? sensingByExternalId = null) =>
        new(i.Id, i.Number, i.Type, i.Subtype, i.FireLevel, i.Location.Y, i.Location.X, i.Address,
            i.Description, i.Trapped, i.Injured, i.Deaths, i.KeyPlaceId, i.Source, i.State, i.JurisdictionId, i.ReceivedAt,
            i.DispatchedAt, i.FirstArrivalAt, i.ClosedAt, i.Outcome, i.MergedIntoIncidentId, i.LevelRaisedAt, assignments,
            [.. alarms.Select(a => new AlarmView(a.Id, a.Source, a.CallerNumber, a.CallerName, a.AddressText, a.ReceivedAt, a.TakenBy,
                a.Source == AlarmSource.AutomaticFireAlarm && a.ExternalId is { } e && sensingByExternalId?.GetValueOrDefault(e) is > 0 and var s
                    ? s : null))]);

    public static UnitView ToView(Unit u, long? incidentId) => new(u.Id, u.CallSign, u.Type, u.Status.Code(), u.StatusChangedAt,
        u.HomeStationId, u.JurisdictionId, u.Position.Y, u.Position.X, incidentId);
}
