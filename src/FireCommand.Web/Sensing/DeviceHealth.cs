using FireCommand.Core.Data;
using FireCommand.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Sensing;

/// <summary>
/// Device health for the early-warning board (设备运行状态): how many of the caller's devices are online,
/// offline, in fault or shielded, in total and per key place, and the devices that are not healthy with
/// what is wrong with each. A device is healthy when it is online and has no open impairment alarm
/// (<see cref="PlaceWeaknesses.ImpairmentTypes"/>). Read within the caller's jurisdiction; a place
/// outside it is a 404, as if it did not exist.
/// </summary>
public static class DeviceHealth
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 2000;

    private static readonly string[] FaultTypes = ["fault", "mains_fault", "battery_fault"];

    /// <summary>Devices counted by state; a device offline and in fault counts in both, <c>Healthy</c> in neither.</summary>
    public sealed record Counts(int Devices, int Online, int Offline, int Faulty, int Shielded, int Healthy);

    public sealed record PlaceHealth(long KeyPlaceId, string Name, Counts Counts);

    /// <summary>One thing wrong: an open impairment alarm, or <c>offline</c> for a device marked offline without one.</summary>
    public sealed record Problem(string Type, string? Component, DateTimeOffset? Since, long? AlarmId);

    public sealed record UnhealthyDevice(long Id, string DeviceKey, string Name, string ProfileCode, long KeyPlaceId,
        string PlaceName, string? Building, string? Floor, string? Zone, bool Online, DateTimeOffset? LastSeenAt, Problem[] Problems);

    /// <summary><c>Unhealthy</c> holds at most <c>limit</c> devices, most problems first; <c>Total.Devices - Total.Healthy</c> says how many there are.</summary>
    public sealed record HealthReport(Counts Total, PlaceHealth[] Places, UnhealthyDevice[] Unhealthy);

    public static RouteGroupBuilder MapDeviceHealth(this RouteGroupBuilder sensing)
    {
        sensing.MapGet("/device-health", Handle);
        return sensing;
    }

    public static async Task<Results<Ok<HealthReport>, NotFound, ValidationProblem>> Handle(long? keyPlaceId, int? limit,
        FireCommandDbContext db, CancellationToken ct)
    {
        var v = new Validation().OptionalRange("limit", limit, 1, MaxLimit);
        if (!v.IsValid) return v.Problem();
        if (keyPlaceId is { } only && !await db.KeyPlaces.AnyAsync(k => k.Id == only, ct)) return TypedResults.NotFound();

        var devicesQuery = db.MonitoredDevices.AsNoTracking();
        var alarmsQuery = db.SensingAlarms.AsNoTracking().Where(a => a.ClosedAt == null && PlaceWeaknesses.ImpairmentTypes.Contains(a.Type));
        if (keyPlaceId is { } place)
        {
            devicesQuery = devicesQuery.Where(d => d.KeyPlaceId == place);
            alarmsQuery = alarmsQuery.Where(a => a.KeyPlaceId == place);
        }
        var devices = await devicesQuery.Select(d => new
        {
            d.Id, d.DeviceKey, d.Name, d.ProfileCode, d.KeyPlaceId, d.Building, d.Floor, d.Zone, d.Online, d.LastSeenAt,
        }).ToListAsync(ct);
        var problems = (await alarmsQuery.Select(a => new { a.Id, a.DeviceId, a.Type, a.Component, a.FirstFrameAt }).ToListAsync(ct))
            .ToLookup(a => a.DeviceId, a => new Problem(a.Type, a.Component.Length == 0 ? null : a.Component, a.FirstFrameAt, a.Id));
        var placeIds = devices.Select(d => d.KeyPlaceId).Distinct().ToList();
        var names = await db.KeyPlaces.AsNoTracking().Where(k => placeIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => k.Name, ct);

        var judged = devices.Select(d =>
        {
            var own = problems[d.Id].OrderBy(p => p.AlarmId).ToList();
            if (!d.Online && own.All(p => p.Type != "offline")) own.Insert(0, new Problem("offline", null, d.LastSeenAt, null));
            return (Device: d, Problems: own);
        }).ToList();

        static Counts CountOf(IReadOnlyCollection<(bool Online, List<Problem> Problems)> set) => new(set.Count,
            set.Count(x => x.Online), set.Count(x => !x.Online),
            set.Count(x => x.Problems.Any(p => FaultTypes.Contains(p.Type))), set.Count(x => x.Problems.Any(p => p.Type == "shielded")),
            set.Count(x => x.Problems.Count == 0));

        var total = CountOf([.. judged.Select(x => (x.Device.Online, x.Problems))]);
        var places = judged.GroupBy(x => x.Device.KeyPlaceId)
            .Select(g => new PlaceHealth(g.Key, names.GetValueOrDefault(g.Key) ?? "", CountOf([.. g.Select(x => (x.Device.Online, x.Problems))])))
            .OrderByDescending(p => p.Counts.Devices - p.Counts.Healthy).ThenBy(p => p.KeyPlaceId).ToArray();
        var unhealthy = judged.Where(x => x.Problems.Count > 0)
            .OrderByDescending(x => x.Problems.Count).ThenBy(x => x.Device.Id).Take(limit ?? DefaultLimit)
            .Select(x => new UnhealthyDevice(x.Device.Id, x.Device.DeviceKey, x.Device.Name, x.Device.ProfileCode, x.Device.KeyPlaceId,
                names.GetValueOrDefault(x.Device.KeyPlaceId) ?? "", x.Device.Building, x.Device.Floor, x.Device.Zone, x.Device.Online,
                x.Device.LastSeenAt, [.. x.Problems]))
            .ToArray();
        return TypedResults.Ok(new HealthReport(total, places, unhealthy));
    }
}
