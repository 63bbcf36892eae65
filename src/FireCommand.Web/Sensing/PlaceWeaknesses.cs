using FireCommand.Core.Data;
using FireCommand.Core.Sensing.Alarms;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Sensing;

/// <summary>
/// A place's standing weaknesses (隐患/带病运行): components in fault, zones shielded (屏蔽), devices
/// offline — what keeps its fire protection from working right now, read from its open alarms and
/// its devices' state. A place outside the caller's jurisdiction is a 404.
/// </summary>
public static class PlaceWeaknesses
{
    /// <summary>Open alarm types that mean the protection is impaired, not that something is burning.</summary>
    public static readonly string[] ImpairmentTypes =
        ["fault", "shielded", "offline", "mains_fault", "battery_fault", "low_pressure", "low_level", "supervisory"];

    public sealed record Weakness(string Type, long DeviceId, string DeviceKey, string? Component, string? Building,
        string? Floor, string? Zone, DateTimeOffset Since, long? AlarmId);

    public sealed record WeaknessReport(long KeyPlaceId, int Faults, int Shielded, int DevicesOffline, int DevicesTotal,
        Weakness[] Items);

    public static RouteGroupBuilder MapPlaceWeaknesses(this RouteGroupBuilder sensing)
    {
        sensing.MapGet("/places/{keyPlaceId:long}/weaknesses", Handle);
        return sensing;
    }

    public static async Task<Results<Ok<WeaknessReport>, NotFound>> Handle(long keyPlaceId, FireCommandDbContext db, CancellationToken ct)
    {
        if (!await db.KeyPlaces.AnyAsync(k => k.Id == keyPlaceId, ct)) return TypedResults.NotFound();
        var alarms = await db.SensingAlarms.AsNoTracking()
            .Where(a => a.KeyPlaceId == keyPlaceId && a.ClosedAt == null && ImpairmentTypes.Contains(a.Type))
            .OrderBy(a => a.Id).ToListAsync(ct);
        var devices = await db.MonitoredDevices.AsNoTracking().Where(d => d.KeyPlaceId == keyPlaceId)
            .Select(d => new { d.Id, d.DeviceKey, d.Online, d.LastSeenAt, d.InstalledAt, d.Building, d.Floor, d.Zone }).ToListAsync(ct);
        var items = alarms.Select(a => new Weakness(a.Type, a.DeviceId, a.DeviceKey, a.Component.Length == 0 ? null : a.Component,
            a.Building, a.Floor, a.Zone, a.FirstFrameAt, a.Id)).ToList();
        // A device marked offline whose alarm is not (yet) raised is still a weakness.
        var offlineAlarmed = alarms.Where(a => a.Type == "offline").Select(a => a.DeviceId).ToHashSet();
        items.AddRange(devices.Where(d => !d.Online && !offlineAlarmed.Contains(d.Id)).Select(d => new Weakness("offline", d.Id,
            d.DeviceKey, null, d.Building, d.Floor, d.Zone, d.LastSeenAt ?? d.InstalledAt, null)));
        return TypedResults.Ok(new WeaknessReport(keyPlaceId, items.Count(i => i.Type is "fault" or "mains_fault" or "battery_fault"),
            items.Count(i => i.Type == "shielded"), devices.Count(d => !d.Online), devices.Count, [.. items]));
    }
}
