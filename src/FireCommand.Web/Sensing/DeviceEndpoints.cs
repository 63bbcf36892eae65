using System.Text.RegularExpressions;
using FireCommand.Core.Data;
using FireCommand.Core.Sensing;
using FireCommand.Core.Sensing.Devices;
using FireCommand.Web.Security;
using FireCommand.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Sensing;

/// <summary>
/// The device registry: which device watches which key place, and where each of its components sits
/// (building, floor, zone). Read by everyone in the jurisdiction, changed by those who edit resources,
/// like key places; a device belongs to its key place's jurisdiction, and a device outside the caller's
/// is a 404. Every change is audited by the save.
/// </summary>
public static partial class DeviceEndpoints
{
    public sealed record PointRequest(string? Component, DevicePointKind? Kind, string? Building, string? Floor, string? Zone,
        string? Description);

    public sealed record DeviceRequest(string? DeviceKey, DeviceTransport? Transport, string? Name, string? ProfileCode,
        long? KeyPlaceId, string? Building, string? Floor, string? Zone, DateTimeOffset? InstalledAt, PointRequest[]? Points);

    public sealed record PointDto(string Component, DevicePointKind Kind, string? Building, string? Floor, string? Zone,
        string? Description);

    public sealed record DeviceDto(long Id, string DeviceKey, DeviceTransport Transport, string Name, string ProfileCode,
        long KeyPlaceId, string? Building, string? Floor, string? Zone, long JurisdictionId, DateTimeOffset InstalledAt,
        DateTimeOffset? LastSeenAt, bool Online, PointDto[] Points);

    public static RouteGroupBuilder MapDevices(this RouteGroupBuilder sensing)
    {
        var g = sensing.MapGroup("/devices");
        g.MapGet("/", List);
        g.MapGet("/{id:long}", async Task<Results<Ok<DeviceDto>, NotFound>> (long id, FireCommandDbContext db, CancellationToken ct) =>
            await db.MonitoredDevices.AsNoTracking().Include(d => d.Points).FirstOrDefaultAsync(d => d.Id == id, ct) is { } d
                ? TypedResults.Ok(ToDto(d)) : TypedResults.NotFound());
        g.MapGet("/{id:long}/messages", Messages);
        g.MapPost("/", Create).RequireAuthorization(Policies.EditResources);
        g.MapPut("/{id:long}", Update).RequireAuthorization(Policies.EditResources);
        return sensing;
    }

    private static async Task<Ok<DeviceDto[]>> List(long? keyPlaceId, FireCommandDbContext db, CancellationToken ct)
    {
        var q = db.MonitoredDevices.AsNoTracking().Include(d => d.Points).AsQueryable();
        if (keyPlaceId is { } place) q = q.Where(d => d.KeyPlaceId == place);
        return TypedResults.Ok((await q.OrderBy(d => d.Id).Take(5000).ToListAsync(ct)).Select(ToDto).ToArray());
    }

    public sealed record MessageDto(long Id, DeviceMessageKind Kind, string Type, string? Component, double? Value, string? Unit,
        string? Text, DateTimeOffset? DeviceTime, DateTimeOffset ReceivedAt, string? MessageId);

    /// <summary>The device's message log, newest first.</summary>
    private static async Task<Results<Ok<MessageDto[]>, NotFound>> Messages(long id, int? limit, FireCommandDbContext db,
        CancellationToken ct)
    {
        var device = await db.MonitoredDevices.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (device is null) return TypedResults.NotFound();
        var take = Math.Clamp(limit ?? 100, 1, 1000);
        var rows = await db.DeviceMessages.AsNoTracking().Where(m => m.DeviceKey == device.DeviceKey)
            .OrderByDescending(m => m.ReceivedAt).ThenByDescending(m => m.Id).Take(take).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(m => new MessageDto(m.Id, m.Kind, m.Type, m.Component, m.Value, m.Unit, m.Text,
            m.DeviceTime, m.ReceivedAt, m.MessageId)).ToArray());
    }

    internal static DeviceDto ToDto(MonitoredDevice d) => new(d.Id, d.DeviceKey, d.Transport, d.Name, d.ProfileCode,
        d.KeyPlaceId, d.Building, d.Floor, d.Zone, d.JurisdictionId, d.InstalledAt, d.LastSeenAt, d.Online,
        [.. d.Points.OrderBy(p => p.Component, StringComparer.Ordinal)
            .Select(p => new PointDto(p.Component, p.Kind, p.Building, p.Floor, p.Zone, p.Description))]);

    [GeneratedRegex("^gb26875:[0-9a-f]{12}$")]
    private static partial Regex Gb26875Key();

    [GeneratedRegex("^mqtt:[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex MqttKey();

    private static async Task<(Validation, Core.Resources.KeyPlace?)> Validate(DeviceRequest r, long? id, FireCommandDbContext db,
        CancellationToken ct)
    {
        var v = new Validation()
            .Required("deviceKey", r.DeviceKey, 80)
            .Defined("transport", r.Transport)
            .Required("name", r.Name, 100)
            .Required("profileCode", r.ProfileCode, 40)
            .Optional("building", r.Building, 60)
            .Optional("floor", r.Floor, 20)
            .Optional("zone", r.Zone, 60)
            .When(r.KeyPlaceId is null, "keyPlaceId", "keyPlaceId is required.");
        if (r.DeviceKey is { } key && r.Transport is { } t)
        {
            var ok = t switch
            {
                DeviceTransport.Gb26875 => Gb26875Key().IsMatch(key),
                DeviceTransport.Mqtt => MqttKey().IsMatch(key),
                _ => true,
            };
            v.When(!ok, "deviceKey", t == DeviceTransport.Gb26875
                ? "deviceKey must be gb26875: and the 12 lower-case hex digits of the device's address."
                : "deviceKey must be mqtt: and the device id (letters, digits, _ . -, at most 64).");
            if (ok && await db.MonitoredDevices.IgnoreQueryFilters().AnyAsync(d => d.DeviceKey == key && d.Id != id, ct))
                v.Add("deviceKey", "deviceKey is already registered.");
        }
        if (r.ProfileCode is { } code && !await db.DeviceProfiles.AnyAsync(p => p.Code == code, ct))
            v.Add("profileCode", "profileCode is not a known device profile.");
        Core.Resources.KeyPlace? place = null;
        if (r.KeyPlaceId is { } placeId &&
            (place = await db.KeyPlaces.AsNoTracking().FirstOrDefaultAsync(k => k.Id == placeId, ct)) is null)
            v.Add("keyPlaceId", "keyPlaceId is not a key place you can see.");
        var points = r.Points ?? [];
        v.When(points.Length > 5000, "points", "points holds at most 5000 components.");
        for (var i = 0; i < points.Length && i < 5000; i++)
        {
            var p = points[i];
            if (p is null) { v.Add($"points[{i}]", $"points[{i}] is empty."); continue; }
            v.Required($"points[{i}].component", p.Component, 40)
                .When(p.Kind is { } k && !Enum.IsDefined(k), $"points[{i}].kind", $"points[{i}].kind is unknown.")
                .Optional($"points[{i}].building", p.Building, 60)
                .Optional($"points[{i}].floor", p.Floor, 20)
                .Optional($"points[{i}].zone", p.Zone, 60)
                .Optional($"points[{i}].description", p.Description, 200);
        }
        foreach (var dup in points.Where(p => p?.Component is not null).GroupBy(p => p.Component!.Trim()).Where(g => g.Count() > 1))
            v.Add("points", $"component {dup.Key} appears more than once.");
        return (v, place);
    }

    private static void Apply(MonitoredDevice d, DeviceRequest r, Core.Resources.KeyPlace place)
    {
        d.DeviceKey = r.DeviceKey!;
        d.Transport = r.Transport!.Value;
        d.Name = r.Name!.Trim();
        d.ProfileCode = r.ProfileCode!;
        d.KeyPlaceId = place.Id;
        d.JurisdictionId = place.JurisdictionId;
        d.Building = r.Building;
        d.Floor = r.Floor;
        d.Zone = r.Zone;
        if (r.InstalledAt is { } installed) d.InstalledAt = installed.ToUniversalTime();
        var wanted = (r.Points ?? []).ToDictionary(p => p.Component!.Trim());
        d.Points.RemoveAll(p => !wanted.ContainsKey(p.Component));
        foreach (var (component, p) in wanted)
        {
            var point = d.Points.FirstOrDefault(x => x.Component == component);
            if (point is null) d.Points.Add(point = new DevicePoint { Component = component });
            point.Kind = p.Kind ?? DevicePointKind.Detector;
            point.Building = p.Building;
            point.Floor = p.Floor;
            point.Zone = p.Zone;
            point.Description = p.Description;
        }
    }

    private static async Task<Results<Created<DeviceDto>, ValidationProblem>> Create(DeviceRequest r, FireCommandDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var (v, place) = await Validate(r, null, db, ct);
        return await Crud.Create(db, v, () =>
        {
            var d = new MonitoredDevice { DeviceKey = "", Name = "", ProfileCode = "", InstalledAt = clock.GetUtcNow() };
            Apply(d, r, place!);
            return d;
        }, ToDto, d => $"/api/sensing/devices/{d.Id}", ct);
    }

    private static async Task<Results<Ok<DeviceDto>, NotFound, ValidationProblem>> Update(long id, DeviceRequest r,
        FireCommandDbContext db, CancellationToken ct)
    {
        Core.Resources.KeyPlace? place = null;
        return await Crud.Update(db, await db.MonitoredDevices.Include(d => d.Points).FirstOrDefaultAsync(d => d.Id == id, ct),
            async () =>
            {
                (var v, place) = await Validate(r, id, db, ct);
                return v;
            }, d => Apply(d, r, place!), ToDto, ct);
    }
}
