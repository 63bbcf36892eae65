using System.Net;
using System.Text.Json.Nodes;
using FireCommand.Core.Data;
using FireCommand.Core.Resources;
using FireCommand.Core.Sensing;
using FireCommand.Core.Sensing.Alarms;
using FireCommand.Core.Sensing.Devices;
using FireCommand.Core.Sensing.Rules;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;

namespace FireCommand.Web.Tests.Sensing;

/// <summary>
/// Data for the sensing tests: devices registered on demo key places through the API and messages from them,
/// or key places, devices and alarms written straight to the database as the ingest would leave them.
/// </summary>
public static class SensingTestData
{
    /// <summary>A fresh transmission-device key, so tests sharing one host never meet each other's devices.</summary>
    public static string NewGbKey() => "gb26875:" + Guid.NewGuid().ToString("N")[..12];

    public static async Task<JsonNode> KeyPlaceAsync(ApiClient client, int nth = 0) =>
        (await client.GetJsonAsync("/api/key-places")).AsArray()[nth]!;

    /// <summary>Registers a transmission device with detectors in zone 3F-A, one in 3F-B, a call point and a flow switch.</summary>
    public static async Task<JsonNode> RegisterAsync(ApiClient admin, long keyPlaceId, string? key = null,
        string profile = "transmission-device", string transport = "Gb26875")
    {
        key ??= NewGbKey();
        var response = await admin.PostAsync("/api/sensing/devices", new
        {
            deviceKey = key, transport, name = "主控室 火灾报警控制器", profileCode = profile, keyPlaceId,
            building = "1号楼", floor = "3F", zone = "3F-A",
            points = new object[]
            {
                new { component = "1-1/1-0001", kind = "Detector", floor = "3F", zone = "3F-A", description = "301 感烟" },
                new { component = "1-1/1-0002", kind = "Detector", floor = "3F", zone = "3F-A", description = "302 感烟" },
                new { component = "1-1/1-0003", kind = "Detector", floor = "3F", zone = "3F-B", description = "310 感烟" },
                new { component = "1-1/2-0001", kind = "ManualCallPoint", floor = "3F", zone = "3F-A" },
                new { component = "1-1/3-0001", kind = "WaterFlow", floor = "3F", zone = "3F-A" },
            },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await ApiClient.ReadJsonAsync(response);
    }

    public static DeviceMessage Event(string key, string type, string? component, DateTimeOffset at, string? id = null) =>
        new(key, DeviceTransport.Gb26875, DeviceMessageKind.Event, type, component, null, null, null, at, at,
            id ?? Guid.NewGuid().ToString("N"));

    public static DeviceMessage Sample(string key, string metric, double value, DateTimeOffset at, string? component = null) =>
        new(key, DeviceTransport.Mqtt, DeviceMessageKind.Telemetry, metric, component, value, null, null, at, at,
            Guid.NewGuid().ToString("N"));

    public static Task SendAsync(DatabaseHost host, params DeviceMessage[] batch) =>
        host.Factory.Services.GetRequiredService<IDeviceMessageSink>().AcceptAsync(batch, CancellationToken.None);

    /// <summary>A context outside any request: the platform's own scope, for reading what tests cannot see through the API.</summary>
    public static async Task<T> ReadAsync<T>(DatabaseHost host, Func<FireCommandDbContext, Task<T>> read)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<FireCommandDbContext>());
    }

    /// <summary>Changes records in the platform's own scope, outside any request, and saves them.</summary>
    public static Task<T> WriteAsync<T>(DatabaseHost host, Func<FireCommandDbContext, Task<T>> change) =>
        ReadAsync(host, async db =>
        {
            var result = await change(db);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return result;
        });

    /// <summary>A key place of <paramref name="categories"/> at a random point near the demo province's first city.</summary>
    public static async Task<long> StorePlaceAsync(DatabaseHost host, string name, KeyPlaceCategory categories, long jurisdictionId,
        double? heightMeters = null, int? occupants = null)
    {
        var place = new KeyPlace
        {
            Name = name, Categories = categories, JurisdictionId = jurisdictionId, HeightMeters = heightMeters, Occupants = occupants,
            Location = new Point(115.9 + Random.Shared.NextDouble() / 10, 28.6 + Random.Shared.NextDouble() / 10) { SRID = 4326 },
        };
        await WriteAsync(host, db => Task.FromResult(db.KeyPlaces.Add(place)));
        return place.Id;
    }

    /// <summary>An MQTT fire-alarm system on <paramref name="placeId"/>, installed a month ago, on 3F.</summary>
    public static async Task<long> StoreDeviceAsync(DatabaseHost host, long placeId, long jurisdictionId, bool online = true)
    {
        var device = new MonitoredDevice
        {
            DeviceKey = "mqtt:test-" + Guid.NewGuid().ToString("N")[..12], Transport = DeviceTransport.Mqtt, Name = "测试设备",
            ProfileCode = "fire-alarm-system", KeyPlaceId = placeId, JurisdictionId = jurisdictionId, Online = online,
            InstalledAt = DateTimeOffset.UtcNow.AddDays(-30), Building = "1号楼", Floor = "3F", Zone = "3层东区",
        };
        await WriteAsync(host, db => Task.FromResult(db.MonitoredDevices.Add(device)));
        return device.Id;
    }

    /// <summary>An open alarm of <paramref name="type"/>; a fire is pending unless <paramref name="confirmedBy"/> names what confirmed it.</summary>
    public static async Task<long> StoreAlarmAsync(DatabaseHost host, long deviceId, string type, string component,
        AlarmSeverity severity = AlarmSeverity.Warning, string? confirmedBy = null, DateTimeOffset? at = null) =>
        (await WriteAsync(host, async db =>
        {
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
            return alarm;
        })).Id;

    public static async Task<JsonArray> AlarmsAsync(ApiClient client, long keyPlaceId, string state = "recent") =>
        (await client.GetJsonAsync($"/api/sensing/alarms?state={state}&keyPlaceId={keyPlaceId}&limit=1000")).AsArray();

    /// <summary>The alarms of one device, without the offline alarm the background watch may add.</summary>
    public static IEnumerable<JsonNode> OfDevice(this JsonArray alarms, long deviceId) =>
        alarms.Where(a => a!["deviceId"]!.GetValue<long>() == deviceId && a["type"]!.GetValue<string>() != "offline")!;

    public static JsonNode OfComponent(this JsonArray alarms, long deviceId, string component, string type = "fire") =>
        alarms.Single(a => a!["deviceId"]!.GetValue<long>() == deviceId && a["component"]?.GetValue<string>() == component &&
                           a["type"]!.GetValue<string>() == type)!;
}
