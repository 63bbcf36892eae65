using FireCommand.Core.Data;
using FireCommand.Core.Resources;
using FireCommand.Core.Sensing;
using FireCommand.Core.Sensing.Alarms;
using FireCommand.Core.Sensing.Devices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Sensing;

/// <summary>
/// The sensing side of an incident, for the console's incident panel and the command view: the alarms
/// that became it (device, building/floor/zone, what reported, what confirmed it) with their timings
/// against GB 50440, and the key place they are at. An incident taken from a call has none. Within the
/// caller's jurisdiction: an incident it cannot see is a 404.
/// </summary>
public static class IncidentSensing
{
    /// <summary>GB 50440's targets, so screens mark a timing met or missed without knowing the standard.</summary>
    public sealed record Targets(double DeviceToCentreSeconds, double ConfirmedToIncidentSeconds);

    public sealed record Place(long Id, string Name, string? Address, string[] Categories, bool HasOwnPlan);

    /// <summary>
    /// One alarm of the incident. <paramref name="PointKind"/> and <paramref name="PointDescription"/> come
    /// from the device registry's point (a detector, a manual call point…); <paramref name="ConfirmedBy"/>
    /// is the code of <see cref="SensingAlarm.ConfirmedBy"/>.
    /// </summary>
    public sealed record Line(long Id, long DeviceId, string DeviceName, string DeviceKey, DeviceTransport Transport,
        string? Component, DevicePointKind? PointKind, string? PointDescription, string Type, SensingAlarmState State,
        string? Building, string? Floor, string? Zone, string? ConfirmedBy, DateTimeOffset? DeviceTime, DateTimeOffset FirstFrameAt,
        DateTimeOffset CreatedAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? IncidentCreatedAt, AlarmEndpoints.Timings Timings);

    /// <summary>The incident's sensing side; <paramref name="Timeline"/> is the fire's steps over all its alarms, null for none.</summary>
    public sealed record View(long IncidentId, Place? KeyPlace, Line[] Alarms, FireTimeline? Timeline, Targets Targets);

    public static RouteGroupBuilder MapIncidentSensing(this RouteGroupBuilder api)
    {
        api.MapGet("/incidents/{id:long}/sensing", Handle).WithTags("Sensing");
        return api;
    }

    public static async Task<Results<Ok<View>, NotFound>> Handle(long id, FireCommandDbContext db, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { i.Id, i.KeyPlaceId }).FirstOrDefaultAsync(ct);
        if (incident is null) return TypedResults.NotFound();
        // In the order the device reported them: the first report is where the fire's timeline starts.
        var alarms = (await db.SensingAlarms.AsNoTracking().Where(a => a.IncidentId == id).ToListAsync(ct))
            .OrderBy(a => a.FirstFrameAt).ThenBy(a => a.Id).ToList();
        var deviceIds = alarms.Select(a => a.DeviceId).Distinct().ToList();
        var devices = await db.MonitoredDevices.AsNoTracking().Include(d => d.Points).Where(d => deviceIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, ct);
        var placeId = alarms.Select(a => (long?)a.KeyPlaceId).FirstOrDefault() ?? incident.KeyPlaceId;
        var place = placeId is { } p ? await db.KeyPlaces.AsNoTracking().FirstOrDefaultAsync(k => k.Id == p, ct) : null;

        var lines = alarms.Where(a => devices.ContainsKey(a.DeviceId)).Select(a =>
        {
            var device = devices[a.DeviceId];
            var point = device.PointOf(a.Component);
            return new Line(a.Id, a.DeviceId, device.Name, a.DeviceKey, device.Transport, a.Component.Length == 0 ? null : a.Component,
                point?.Kind, point?.Description, a.Type, a.State, a.Building, a.Floor, a.Zone, a.ConfirmedBy, a.FirstDeviceTime,
                a.FirstFrameAt, a.CreatedAt, a.ConfirmedAt, a.IncidentCreatedAt, AlarmEndpoints.TimingsOf(a));
        }).ToArray();
        return TypedResults.Ok(new View(incident.Id, place is null ? null : PlaceOf(place), lines, FireTimeline.Of(alarms),
            new Targets(AlarmTimings.DeviceToCentreTargetSeconds, AlarmTimings.ConfirmedToIncidentTargetSeconds)));
    }

    private static Place PlaceOf(KeyPlace k) => new(k.Id, k.Name, k.Address, Map.MapLayers.CategoryNames(k.Categories),
        !string.IsNullOrWhiteSpace(k.ResponsePlanJson));
}
