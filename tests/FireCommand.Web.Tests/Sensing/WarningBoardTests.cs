using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FireCommand.Web.Tests.Infrastructure;
using static FireCommand.Web.Tests.Sensing.SensingTestData;

namespace FireCommand.Web.Tests.Sensing;

/// <summary>
/// What the early-warning board reads and hears: device health counted against the registry and the open
/// alarms, within the caller's jurisdiction, and alarm changes pushed live to the boards that may see them.
/// </summary>
public abstract class WarningBoardTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    private static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    private static async Task<HashSet<long>> PlacesOfAsync(ApiClient client) =>
        [.. (await client.GetJsonAsync("/api/key-places")).AsArray().Select(k => k!["id"]!.GetValue<long>())];

    /// <summary>A place dispatcher1 (白江市) sees and one only dispatcher2 (竹丰市) sees.</summary>
    private async Task<(long Ours, long Theirs)> TwoCitiesAsync()
    {
        using var city1 = await Demo("dispatcher1");
        using var city2 = await Demo("dispatcher2");
        var ours = await PlacesOfAsync(city1);
        var theirs = (await PlacesOfAsync(city2)).Where(id => !ours.Contains(id)).ToList();
        Assert.NotEmpty(theirs);
        // Late in the lists, away from the places other sensing tests use.
        return (ours.Order().ElementAt(ours.Count * 2 / 3), theirs.Order().ElementAt(theirs.Count * 2 / 3));
    }

    [Fact]
    public async Task DeviceHealth_OfAPlace_AgreesWithItsDevicesAndOpenAlarms()
    {
        using var admin = await Admin();
        var (place, _) = await TwoCitiesAsync();
        var healthy = await RegisterAsync(admin, place);
        var faulty = await RegisterAsync(admin, place);
        var shielded = await RegisterAsync(admin, place);
        var silent = await RegisterAsync(admin, place);
        var t = Now();
        await SendAsync(Host, Event(healthy["deviceKey"]!.GetValue<string>(), "normal", null, t));
        await SendAsync(Host, Event(faulty["deviceKey"]!.GetValue<string>(), "fault", "1-1/1-0002", t));
        await SendAsync(Host, Event(shielded["deviceKey"]!.GetValue<string>(), "shielded", "1-1/1-0003", t));

        var report = await admin.GetJsonAsync($"/api/sensing/device-health?keyPlaceId={place}");

        // The reference: the registry's own flags and the open alarms, read through their own endpoints.
        var devices = (await admin.GetJsonAsync($"/api/sensing/devices?keyPlaceId={place}")).AsArray();
        var impairments = new[] { "fault", "shielded", "offline", "mains_fault", "battery_fault", "low_pressure", "low_level", "supervisory" };
        var open = (await AlarmsAsync(admin, place, "open")).Where(a => impairments.Contains(a!["type"]!.GetValue<string>())).ToList();
        bool Has(JsonNode d, params string[] types) => open.Any(a =>
            a!["deviceId"]!.GetValue<long>() == d["id"]!.GetValue<long>() && types.Contains(a["type"]!.GetValue<string>()));
        bool Online(JsonNode d) => d["online"]!.GetValue<bool>();
        var total = report["total"]!;
        Assert.Equal(devices.Count, total["devices"]!.GetValue<int>());
        Assert.Equal(devices.Count(d => Online(d!)), total["online"]!.GetValue<int>());
        Assert.Equal(devices.Count(d => !Online(d!)), total["offline"]!.GetValue<int>());
        Assert.Equal(devices.Count(d => Has(d!, "fault", "mains_fault", "battery_fault")), total["faulty"]!.GetValue<int>());
        Assert.Equal(devices.Count(d => Has(d!, "shielded")), total["shielded"]!.GetValue<int>());
        var unhealthyIds = devices.Where(d => !Online(d!) || Has(d!, impairments)).Select(d => d!["id"]!.GetValue<long>()).ToHashSet();
        Assert.Equal(devices.Count - unhealthyIds.Count, total["healthy"]!.GetValue<int>());
        Assert.Equal(unhealthyIds, report["unhealthy"]!.AsArray().Select(d => d!["id"]!.GetValue<long>()).ToHashSet());
        var placeRow = Assert.Single(report["places"]!.AsArray());
        Assert.Equal(place, placeRow!["keyPlaceId"]!.GetValue<long>());
        Assert.Equal(total.ToJsonString(), placeRow["counts"]!.ToJsonString());

        // And the four devices of this test, as they were made.
        var byId = report["unhealthy"]!.AsArray().ToDictionary(d => d!["id"]!.GetValue<long>());
        Assert.DoesNotContain(healthy["id"]!.GetValue<long>(), byId.Keys);
        Assert.Equal(["fault"], byId[faulty["id"]!.GetValue<long>()]!["problems"]!.AsArray().Select(p => p!["type"]!.GetValue<string>()));
        Assert.Equal("1-1/1-0002", byId[faulty["id"]!.GetValue<long>()]!["problems"]![0]!["component"]!.GetValue<string>());
        Assert.Equal(["shielded"], byId[shielded["id"]!.GetValue<long>()]!["problems"]!.AsArray().Select(p => p!["type"]!.GetValue<string>()));
        var never = byId[silent["id"]!.GetValue<long>()]!;
        Assert.False(never["online"]!.GetValue<bool>());
        Assert.Null(never["lastSeenAt"]);
        Assert.Equal("offline", never["problems"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task ADispatcher_NeverSeesAnotherCitysAlarmsOrDevices_OnTheBoard()
    {
        using var admin = await Admin();
        var (ours, theirs) = await TwoCitiesAsync();
        var mine = await RegisterAsync(admin, ours);
        var other = await RegisterAsync(admin, theirs);
        var t = Now();
        await SendAsync(Host, Event(mine["deviceKey"]!.GetValue<string>(), "fault", "1-1/1-0001", t));
        await SendAsync(Host, Event(other["deviceKey"]!.GetValue<string>(), "fault", "1-1/1-0001", t));
        var otherAlarm = (await AlarmsAsync(admin, theirs, "open")).OfComponent(other["id"]!.GetValue<long>(), "1-1/1-0001", "fault");

        using var city1 = await Demo("dispatcher1");
        var health = await city1.GetJsonAsync("/api/sensing/device-health?limit=2000");
        var listed = health["unhealthy"]!.AsArray().Select(d => d!["id"]!.GetValue<long>()).ToHashSet();
        Assert.Contains(mine["id"]!.GetValue<long>(), listed);
        Assert.DoesNotContain(other["id"]!.GetValue<long>(), listed);
        var visible = await PlacesOfAsync(city1);
        Assert.All(health["places"]!.AsArray(), p => Assert.Contains(p!["keyPlaceId"]!.GetValue<long>(), visible));
        Assert.Equal(HttpStatusCode.NotFound, (await city1.GetAsync($"/api/sensing/device-health?keyPlaceId={theirs}")).StatusCode);

        var alarms = (await city1.GetJsonAsync("/api/sensing/alarms?state=recent&limit=1000")).AsArray();
        Assert.DoesNotContain(alarms, a => a!["keyPlaceId"]!.GetValue<long>() == theirs);
        Assert.Equal(HttpStatusCode.NotFound, (await city1.GetAsync($"/api/sensing/alarms/{otherAlarm["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await city1.PostAsync($"/api/sensing/alarms/{otherAlarm["id"]}/acknowledge", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await city1.GetAsync($"/api/sensing/devices/{other["id"]}/messages")).StatusCode);

        using var city2 = await Demo("dispatcher2");
        var theirHealth = await city2.GetJsonAsync($"/api/sensing/device-health?keyPlaceId={theirs}");
        Assert.Contains(other["id"]!.GetValue<long>(), theirHealth["unhealthy"]!.AsArray().Select(d => d!["id"]!.GetValue<long>()));
    }

    [Fact]
    public async Task DeviceHealth_RefusesABadLimitByName_AndNeedsALogin()
    {
        using var admin = await Admin();
        foreach (var limit in new[] { "0", "2001" })
        {
            var response = await admin.GetAsync($"/api/sensing/device-health?limit={limit}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotNull((await ApiClient.ReadJsonAsync(response))["errors"]?["limit"]);
        }
        using var viewer = await Demo("viewer");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/sensing/device-health")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/sensing/alarms/1/dismiss", new { })).StatusCode);
        using var anonymous = Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/sensing/device-health")).StatusCode);
    }

    [Fact]
    public async Task AlarmChanges_ArePushedToBoardsOfTheirJurisdiction_AndNotToAnotherCity()
    {
        using var admin = await Admin();
        var (ours, theirs) = await TwoCitiesAsync();
        var mine = await RegisterAsync(admin, ours);
        var other = await RegisterAsync(admin, theirs);
        var (hub, events) = await LongPollingConsole.ConnectAsync(Host.Factory, "dispatcher1", "sensingAlarmChanged");
        try
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            wait.CancelAfter(TimeSpan.FromSeconds(30));
            var t = Now();
            // Another city's fire first: messages to one connection arrive in order, so had it leaked it
            // would be heard before our own.
            await SendAsync(Host, Event(other["deviceKey"]!.GetValue<string>(), "fire", "1-1/1-0001", t));
            await SendAsync(Host, Event(mine["deviceKey"]!.GetValue<string>(), "fire", "1-1/1-0001", t));
            var raised = await NextOfDeviceAsync(events, other["id"]!.GetValue<long>(), mine["id"]!.GetValue<long>(), wait.Token);
            Assert.Equal("PendingVerification", raised.GetProperty("state").GetString());
            Assert.Equal(ours, raised.GetProperty("keyPlaceId").GetInt64());
            var id = raised.GetProperty("id").GetInt64();

            // A person's action is pushed too, with the state it left.
            using var city1 = await Demo("dispatcher1");
            Assert.Equal(HttpStatusCode.OK, (await city1.PostAsync($"/api/sensing/alarms/{id}/dismiss", new { note = "误报" })).StatusCode);
            var dismissed = await NextOfDeviceAsync(events, other["id"]!.GetValue<long>(), mine["id"]!.GetValue<long>(), wait.Token);
            Assert.Equal(id, dismissed.GetProperty("id").GetInt64());
            Assert.Equal("Dismissed", dismissed.GetProperty("state").GetString());
            Assert.NotEqual(JsonValueKind.Null, dismissed.GetProperty("closedAt").ValueKind);
        }
        finally
        {
            await hub.DisposeAsync();
        }
    }

    /// <summary>The next push about <paramref name="device"/>, failing on any about <paramref name="forbidden"/>.</summary>
    private static async Task<JsonElement> NextOfDeviceAsync(System.Threading.Channels.Channel<JsonElement> events, long forbidden,
        long device, CancellationToken ct)
    {
        while (true)
        {
            var e = await events.Reader.ReadAsync(ct);
            Assert.NotEqual(forbidden, e.GetProperty("deviceId").GetInt64());
            if (e.GetProperty("deviceId").GetInt64() == device) return e;
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteWarningBoardTests(SqliteHost host) : WarningBoardTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresWarningBoardTests(PostgresHost host) : WarningBoardTests<PostgresHost>(host);
