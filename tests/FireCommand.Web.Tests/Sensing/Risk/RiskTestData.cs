using FireCommand.Core.Data;
using FireCommand.Core.Resources;
using FireCommand.Core.Sensing;
using FireCommand.Core.Sensing.Alarms;
using FireCommand.Core.Sensing.Devices;
using FireCommand.Core.Sensing.Rules;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;

namespace FireCommand.Web.Tests.Sensing.Risk;

/// <summary>Hand-built key places, devices and alarms, written straight to the database as the ingest would leave them.</summary>
public static class RiskTestData
{
    public static async Task<long> PlaceAsync(DatabaseHost host, string name, KeyPlaceCategory categories, long jurisdictionId,
        double? heightMeters = null, int? occupants = null)
    {
        using var scope = host.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
        var place = new KeyPlace
        {
            Name = name, Categories = categories, JurisdictionId = jurisdictionId, HeightMeters = heightMeters, Occupants = occupants,
            Location = new Point(115.9 + Random.Shared.NextDouble() / 10, 28.6 + Random.Shared.NextDouble() / 10) { SRID = 4326 },
        };
        db.KeyPlaces.Add(place);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return place.Id;
    }

    public static async Task<long> DeviceAsync(DatabaseHost host, long placeId, long jurisdictionId, bool online = true)
    {
        using var scope = host.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
        var device = new MonitoredDevice
        {
            DeviceKey = "mqtt:test-" + Guid.NewGuid().ToString("N")[..12], Transport = DeviceTransport.Mqtt, Name = "测试设备",
            ProfileCode = "fire-alarm-system", KeyPlaceId = placeId, JurisdictionId = jurisdictionId, Online = online,
            InstalledAt = DateTimeOffset.UtcNow.AddDays(-30), Building = "1号楼", Floor = "3F", Zone = "3层东区",
        };
        db.MonitoredDevices.Add(device);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return device.Id;
    }

    /// <summary>An open alarm of <paramref name="type"/>; a fire is pending unless <paramref name="confirmedBy"/> names what confirmed it.</summary>
    public static async Task<long> AlarmAsync(DatabaseHost host, long deviceId, string type, string component,
        AlarmSeverity severity = AlarmSeverity.Warning, string? confirmedBy = null, DateTimeOffset? at = null)
    {
        using var scope = host.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
        var device = await db.MonitoredDevices.FindAsync([deviceId], TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException($"device {deviceId}");
        var when = at ?? DateTimeOffset.UtcNow;
        var alarm = new SensingAlarm
        {
            DeviceId = deviceId, DeviceKey = device.DeviceKey, Component = component, Type = type, RuleCode = type,
            Severity = severity, KeyPlaceId = device.KeyPlaceId, JurisdictionId = device.JurisdictionId,
            Building = device.Building, Floor = device.Floor, Zone = device.Zone, FirstFrameAt = when, CreatedAt = when,
        };
        var isFire = type == SensingAlarm.FireType;
        alarm.Open(null, when, isFire && confirmedBy is null ? when.AddSeconds(90) : null, isFire ? confirmedBy : null);
        db.SensingAlarms.Add(alarm);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return alarm.Id;
    }
}
