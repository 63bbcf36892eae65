using FireCommand.Core.Data;
using FireCommand.Core.Demo.Sensing;
using FireCommand.Core.Sensing;
using FireCommand.Core.Sensing.Devices;
using FireCommand.Core.Sensing.Mqtt;
using FireCommand.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Sensing.Demo;

/// <summary>The demo's devices as registered, the passwords of its MQTT sensors, and whether they were registered just now.</summary>
public sealed record DemoRegistration(IReadOnlyList<DemoDevice> Devices, IReadOnlyDictionary<string, string> Passwords, int Added);

/// <summary>
/// Registers the demo's devices in the device registry, idempotently: the plan is the same on every start
/// (<see cref="DemoDevicePlanner"/>), and only devices whose key is not yet registered are added, so a
/// restart adds nothing. The MQTT sensors' passwords are issued afresh on every start and kept only in
/// memory: the database holds their hashes, as for any device, and no demo password is written anywhere.
/// </summary>
public sealed class DemoDeviceRegistry(IServiceScopeFactory scopes, IOptions<DemoOptions> demo, IOptions<DemoSensingOptions> options,
    IConfiguration configuration, TimeProvider clock)
{
    private const int Chunk = 200;

    public async Task<DemoRegistration> EnsureAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
        var places = await db.KeyPlaces.IgnoreQueryFilters().AsNoTracking().Where(k => !k.Retired)
            .Select(k => new DemoPlace(k.Id, k.JurisdictionId, k.Name, k.Categories, k.Floors)).ToListAsync(ct);
        var devices = DemoDevicePlanner.Plan(places, Count(places.Count), demo.Value.Seed);
        var now = clock.GetUtcNow();

        db.AuditEnabled = false;
        var keys = devices.Select(d => d.DeviceKey).ToList();
        var registered = (await db.MonitoredDevices.IgnoreQueryFilters().Where(d => keys.Contains(d.DeviceKey))
            .Select(d => d.DeviceKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var missing = devices.Where(d => !registered.Contains(d.DeviceKey)).ToList();
        // Small commits: SQLite has one writer, and the dispatch simulator and the sensing watch must not wait on this.
        foreach (var chunk in missing.Chunk(Chunk))
        {
            db.MonitoredDevices.AddRange(chunk.Select(d => ToDevice(d, now)));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        // Hashed before any write: thousands of hashes are seconds of CPU on a busy machine.
        var issued = devices.Where(d => d.MqttId is not null)
            .Select(d => (Device: d, Credential: MqttPassword.Generate())).ToList();
        var passwords = issued.ToDictionary(i => i.Device.MqttId!, i => i.Credential.Password, StringComparer.Ordinal);
        foreach (var chunk in issued.Chunk(Chunk))
        {
            var ids = chunk.Select(i => i.Device.MqttId!).ToList();
            var credentials = await db.MqttDeviceCredentials.IgnoreQueryFilters().Where(c => ids.Contains(c.DeviceId))
                .ToDictionaryAsync(c => c.DeviceId, StringComparer.Ordinal, ct);
            foreach (var (d, (_, hash)) in chunk)
            {
                if (credentials.TryGetValue(d.MqttId!, out var existing))
                {
                    existing.PasswordHash = hash;
                    existing.IssuedAt = now;
                }
                else
                    db.MqttDeviceCredentials.Add(new MqttDeviceCredential
                        { DeviceId = d.MqttId!, PasswordHash = hash, JurisdictionId = d.Place.JurisdictionId, IssuedAt = now, IssuedBy = "demo" });
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        var added = missing.Count;
        return new DemoRegistration(devices, passwords, added);
    }

    /// <summary>The configured count on the demo province; on a package, a few per key place.</summary>
    private int Count(int places)
    {
        var o = options.Value;
        var onPackage = configuration[ProvinceStart.PathKey] is { Length: > 0 };
        return Math.Min(o.MaxDevices, onPackage ? places * o.DevicesPerKeyPlace : o.Devices);
    }

    private static MonitoredDevice ToDevice(DemoDevice d, DateTimeOffset now) => new()
    {
        DeviceKey = d.DeviceKey, Transport = d.Transport, Name = d.Name, ProfileCode = d.ProfileCode, KeyPlaceId = d.Place.Id,
        JurisdictionId = d.Place.JurisdictionId, Building = d.Building, Floor = d.Floor, Zone = d.Zone, InstalledAt = now,
        Points = [.. d.Points.Select(p => new DevicePoint
        {
            Component = p.Component, Kind = p.Kind, Building = p.Building, Floor = p.Floor, Zone = p.Zone, Description = p.Description,
        })],
    };
}
