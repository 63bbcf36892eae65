using System.Net;
using FireCommand.Core.Sensing;
using FireCommand.Web.Tests.Infrastructure;
using static FireCommand.Web.Tests.Sensing.SensingTestData;

namespace FireCommand.Web.Tests.Sensing;

/// <summary>
/// An automatic alarm's incident seen from dispatch: GET /api/incidents/{id}/sensing names the device,
/// the point, the zone and what confirmed it, with the fire's timeline; the incident's own reports link
/// back to their sensing alarms; another city's dispatcher sees none of it.
/// </summary>
public abstract class IncidentSensingTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    private static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    /// <summary>A detector's report whose device clock read <paramref name="deviceTime"/>, received at <paramref name="receivedAt"/>.</summary>
    private static DeviceMessage Fire(string key, string component, DateTimeOffset deviceTime, DateTimeOffset receivedAt) =>
        new(key, DeviceTransport.Gb26875, DeviceMessageKind.Event, "fire", component, null, null, null,
            deviceTime.ToOffset(TimeSpan.FromHours(8)), receivedAt, Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task SecondDetectorFire_ShowsItsAlarms_TheirPlace_AndTheTimelineFromTheFirstReport()
    {
        using var admin = await Admin();
        var place = await KeyPlaceAsync(admin, 11);
        var placeId = place["id"]!.GetValue<long>();
        var device = await RegisterAsync(admin, placeId);
        var (deviceId, key) = (device["id"]!.GetValue<long>(), device["deviceKey"]!.GetValue<string>());
        var t = Now();
        // The device's clock read 3 s before the centre received the first report.
        await SendAsync(Host, Fire(key, "1-1/1-0001", t.AddSeconds(-3), t));
        await SendAsync(Host, Fire(key, "1-1/1-0002", t.AddSeconds(8), t.AddSeconds(9)));
        var alarms = await AlarmsAsync(admin, placeId);
        var (first, second) = (alarms.OfComponent(deviceId, "1-1/1-0001"), alarms.OfComponent(deviceId, "1-1/1-0002"));
        var incidentId = first["incidentId"]!.GetValue<long>();

        using var dispatcher = await Demo("dispatcher");
        var view = await dispatcher.GetJsonAsync($"/api/incidents/{incidentId}/sensing");
        Assert.Equal(placeId, view["keyPlace"]!["id"]!.GetValue<long>());
        Assert.Equal(place["name"]!.GetValue<string>(), view["keyPlace"]!["name"]!.GetValue<string>());
        var lines = view["alarms"]!.AsArray();
        Assert.Equal([first["id"]!.GetValue<long>(), second["id"]!.GetValue<long>()], lines.Select(l => l!["id"]!.GetValue<long>()));
        var line = lines[0]!;
        Assert.Equal(("主控室 火灾报警控制器", "Detector", "301 感烟", "1号楼", "3F", "3F-A", "second_detector"),
            (line["deviceName"]!.GetValue<string>(), line["pointKind"]!.GetValue<string>(), line["pointDescription"]!.GetValue<string>(),
             line["building"]!.GetValue<string>(), line["floor"]!.GetValue<string>(), line["zone"]!.GetValue<string>(),
             line["confirmedBy"]!.GetValue<string>()));
        Assert.Equal(t.AddSeconds(-3), line["deviceTime"]!.GetValue<DateTimeOffset>());

        // The timeline starts at the first detector's report, whichever alarm made the incident.
        var timeline = view["timeline"]!;
        var shownAt = first["createdAt"]!.GetValue<DateTimeOffset>();
        Assert.Equal(t.AddSeconds(-3), timeline["deviceTime"]!.GetValue<DateTimeOffset>());
        Assert.Equal(t, timeline["receivedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal((shownAt - t.AddSeconds(-3)).TotalSeconds, timeline["deviceToCentreSeconds"]!.GetValue<double>(), 3);
        var confirmed = new[] { first, second }.Min(a => a!["confirmedAt"]!.GetValue<DateTimeOffset>());
        var created = new[] { first, second }.Min(a => a!["incidentCreatedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(confirmed, timeline["confirmedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(created, timeline["incidentCreatedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal((created - confirmed).TotalSeconds, timeline["confirmedToIncidentSeconds"]!.GetValue<double>(), 3);
        Assert.Equal(20, view["targets"]!["deviceToCentreSeconds"]!.GetValue<double>());
        Assert.Equal(3, view["targets"]!["confirmedToIncidentSeconds"]!.GetValue<double>());

        // The incident's own reports point at the sensing alarms they came from.
        var incident = await dispatcher.GetJsonAsync($"/api/incidents/{incidentId}");
        Assert.Equal(new[] { first, second }.Select(a => a!["id"]!.GetValue<long>()).Order(),
            incident["alarms"]!.AsArray().Select(a => a!["sensingAlarmId"]!.GetValue<long>()).Order());
    }

    [Fact]
    public async Task DeviceTimeTooEarly_IsMarkedMissed_AndACallsIncidentHasNoSensingSide()
    {
        using var admin = await Admin();
        var placeId = (await KeyPlaceAsync(admin, 12))["id"]!.GetValue<long>();
        var device = await RegisterAsync(admin, placeId);
        var (deviceId, key) = (device["id"]!.GetValue<long>(), device["deviceKey"]!.GetValue<string>());
        var t = Now();
        // A device that held its report for 45 s before it reached the centre; the call point confirms at once.
        await SendAsync(Host, new DeviceMessage(key, DeviceTransport.Gb26875, DeviceMessageKind.Event, "manual_call_point", "1-1/2-0001",
            null, null, null, t.AddSeconds(-45), t, Guid.NewGuid().ToString("N")));
        var alarm = (await AlarmsAsync(admin, placeId)).OfComponent(deviceId, "1-1/2-0001");
        using var dispatcher = await Demo("dispatcher");
        var view = await dispatcher.GetJsonAsync($"/api/incidents/{alarm["incidentId"]}/sensing");
        Assert.False(view["timeline"]!["deviceToCentreMet"]!.GetValue<bool>());
        Assert.True(view["timeline"]!["deviceToCentreSeconds"]!.GetValue<double>() >= 45);
        Assert.Equal("ManualCallPoint", view["alarms"]![0]!["pointKind"]!.GetValue<string>());
        Assert.Equal("manual_call_point", view["alarms"]![0]!["confirmedBy"]!.GetValue<string>());

        var place = await KeyPlaceAsync(admin, 12);
        var taken = await dispatcher.PostAsync("/api/alarms", new
        {
            source = "Call119", type = "Fire", callerNumber = "13800138000", address = "三楼厨房",
            latitude = place["latitude"]!.GetValue<double>(), longitude = place["longitude"]!.GetValue<double>(),
        });
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        var call = (await ApiClient.ReadJsonAsync(taken))["incident"]!;
        Assert.DoesNotContain(call["alarms"]!.AsArray(), a => a!["sensingAlarmId"] is not null);
        var none = await dispatcher.GetJsonAsync($"/api/incidents/{call["id"]}/sensing");
        Assert.Empty(none["alarms"]!.AsArray());
        Assert.Null(none["timeline"]);
    }

    [Fact]
    public async Task AnotherCitysDispatcher_GetsNotFound_AndAnonymousIsRefused()
    {
        using var admin = await Admin();
        using var local = await Demo("dispatcher1");
        var visible = (await local.GetJsonAsync("/api/key-places")).AsArray().Select(k => k!["id"]!.GetValue<long>()).ToHashSet();
        var elsewhere = (await admin.GetJsonAsync("/api/key-places")).AsArray().Skip(13)
            .First(k => !visible.Contains(k!["id"]!.GetValue<long>()))!["id"]!.GetValue<long>();
        var device = await RegisterAsync(admin, elsewhere);
        var key = device["deviceKey"]!.GetValue<string>();
        await SendAsync(Host, Event(key, "manual_call_point", "1-1/2-0001", Now()));
        var alarm = (await AlarmsAsync(admin, elsewhere)).OfComponent(device["id"]!.GetValue<long>(), "1-1/2-0001");
        var url = $"/api/incidents/{alarm["incidentId"]}/sensing";

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await local.GetAsync(url)).StatusCode);
        using var anonymous = Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteIncidentSensingTests(SqliteHost host) : IncidentSensingTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresIncidentSensingTests(PostgresHost host) : IncidentSensingTests<PostgresHost>(host);
