using System.Net;
using FireCommand.Core.Sensing.Alarms;
using FireCommand.Web.Sensing;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FireCommand.Web.Tests.Sensing.SensingTestData;

namespace FireCommand.Web.Tests.Sensing;

/// <summary>From a detector's fire report to an incident on the console: verification, corroboration, the board's actions.</summary>
public abstract class FireVerificationTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    // Now, so a window is still open while the test runs (the background watch confirms expired ones).
    private static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    private async Task<(long Place, long Device, string Key)> DeviceAsync(ApiClient admin, int nth)
    {
        var place = (await KeyPlaceAsync(admin, nth))["id"]!.GetValue<long>();
        var device = await RegisterAsync(admin, place);
        return (place, device["id"]!.GetValue<long>(), device["deviceKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task SingleDetector_Waits_ASecondInTheSameZoneConfirmsBoth_AndTheFireIsOneIncidentAtThePlace()
    {
        using var admin = await Admin();
        var (place, device, key) = await DeviceAsync(admin, 5);
        var t = Now();
        await SendAsync(Host, Event(key, "fire", "1-1/1-0001", t));
        var first = (await AlarmsAsync(admin, place)).OfComponent(device, "1-1/1-0001");
        Assert.Equal("PendingVerification", first["state"]!.GetValue<string>());
        var window = (first["verifyBy"]!.GetValue<DateTimeOffset>() - t).TotalSeconds;
        Assert.InRange(window, 60, 300);
        Assert.Null(first["incidentId"]);

        await SendAsync(Host, Event(key, "fire", "1-1/1-0003", t.AddSeconds(5)));   // zone 3F-B: no corroboration
        Assert.Equal("PendingVerification", (await AlarmsAsync(admin, place)).OfComponent(device, "1-1/1-0001")["state"]!.GetValue<string>());
        await SendAsync(Host, Event(key, "fire", "1-1/1-0002", t.AddSeconds(10)));  // zone 3F-A: confirms

        var alarms = await AlarmsAsync(admin, place);
        var (a1, a2, a3) = (alarms.OfComponent(device, "1-1/1-0001"), alarms.OfComponent(device, "1-1/1-0002"),
            alarms.OfComponent(device, "1-1/1-0003"));
        Assert.Equal(["Confirmed", "Confirmed", "PendingVerification"],
            new[] { a1, a2, a3 }.Select(a => a["state"]!.GetValue<string>()));
        Assert.Equal("second_detector", a1["confirmedBy"]!.GetValue<string>());
        var incidentId = a1["incidentId"]!.GetValue<long>();
        Assert.Equal(incidentId, a2["incidentId"]!.GetValue<long>());
        Assert.NotNull(a1["timings"]!["frameToIncidentSeconds"]);
        Assert.True(a1["timings"]!["frameToAlarmSeconds"]!.GetValue<double>() >= 0);

        using var dispatcher = await Demo("dispatcher");
        var incident = await dispatcher.GetJsonAsync($"/api/incidents/{incidentId}");
        Assert.Equal("AutomaticFireAlarm", incident["source"]!.GetValue<string>());
        Assert.Equal("Fire", incident["type"]!.GetValue<string>());
        Assert.Equal(place, incident["keyPlaceId"]!.GetValue<long>());
        Assert.Equal(2, incident["alarms"]!.AsArray().Count);
        var linked = (await dispatcher.GetJsonAsync($"/api/sensing/alarms?incidentId={incidentId}&state=recent")).AsArray();
        Assert.Equal(2, linked.Count);
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.GetAsync($"/api/incidents/{incidentId}/recommendation")).StatusCode);

        // The incident's dispatch alarm rows carry the device and the alarm, the intake's repeat key.
        var external = await ReadAsync(Host, db => db.Alarms.Where(a => a.IncidentId == incidentId).Select(a => a.ExternalId).ToListAsync());
        Assert.Contains($"{key}#{a1["id"]}", external);
    }

    [Fact]
    public async Task ManualCallPoint_ConfirmsAtOnce_AndWaterFlowConfirmsAPendingFireInItsZone()
    {
        using var admin = await Admin();
        var (place, device, key) = await DeviceAsync(admin, 6);
        var t = Now();
        await SendAsync(Host, Event(key, "manual_call_point", "1-1/2-0001", t));
        var mcp = (await AlarmsAsync(admin, place)).OfComponent(device, "1-1/2-0001");
        Assert.Equal("Confirmed", mcp["state"]!.GetValue<string>());
        Assert.Equal("manual_call_point", mcp["confirmedBy"]!.GetValue<string>());
        Assert.NotNull(mcp["incidentId"]);

        var (place2, device2, key2) = await DeviceAsync(admin, 7);
        await SendAsync(Host, Event(key2, "fire", "1-1/1-0001", t));
        await SendAsync(Host, Event(key2, "water_flow", "1-1/3-0001", t.AddSeconds(20)));
        var fire = (await AlarmsAsync(admin, place2)).OfComponent(device2, "1-1/1-0001");
        Assert.Equal("water_flow", fire["confirmedBy"]!.GetValue<string>());
        Assert.NotNull(fire["incidentId"]);
    }

    [Fact]
    public async Task Board_VerifyDismissAcknowledgeAssign_FollowTheStateRolesAndJurisdiction()
    {
        using var admin = await Admin();
        var (place, device, key) = await DeviceAsync(admin, 8);
        var t = Now();
        await SendAsync(Host, Event(key, "fire", "1-1/1-0001", t), Event(key, "fire", "1-1/1-0003", t),
            Event(key, "fault", "1-1/1-0002", t));
        var alarms = await AlarmsAsync(admin, place);
        var (verifyId, dismissId, faultId) = (alarms.OfComponent(device, "1-1/1-0001")["id"]!.GetValue<long>(),
            alarms.OfComponent(device, "1-1/1-0003")["id"]!.GetValue<long>(),
            alarms.OfComponent(device, "1-1/1-0002", "fault")["id"]!.GetValue<long>());

        using var viewer = await Demo("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/sensing/alarms/{verifyId}/verify", new { })).StatusCode);

        using var dispatcher = await Demo("dispatcher");
        var verified = await ApiClient.ReadJsonAsync(await dispatcher.PostAsync($"/api/sensing/alarms/{verifyId}/verify", new { note = "监控中心电话确认" }));
        Assert.Equal("Confirmed", verified["alarm"]!["state"]!.GetValue<string>());
        Assert.Equal("person", verified["alarm"]!["confirmedBy"]!.GetValue<string>());
        Assert.NotNull(verified["alarm"]!["incidentId"]);
        Assert.Contains(verified["history"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "IncidentCreated");
        await ApiClient.AssertProblemAsync(await dispatcher.PostAsync($"/api/sensing/alarms/{verifyId}/dismiss", new { }), HttpStatusCode.Conflict);

        var dismissed = await ApiClient.ReadJsonAsync(await dispatcher.PostAsync($"/api/sensing/alarms/{dismissId}/dismiss", new { note = "厨房油烟" }));
        Assert.Equal("Dismissed", dismissed["alarm"]!["state"]!.GetValue<string>());
        Assert.Null(dismissed["alarm"]!["incidentId"]);
        await ApiClient.AssertProblemAsync(await dispatcher.PostAsync($"/api/sensing/alarms/{dismissId}/verify", new { }), HttpStatusCode.Conflict);
        await ApiClient.AssertProblemAsync(await dispatcher.PostAsync($"/api/sensing/alarms/{faultId}/verify", new { }), HttpStatusCode.Conflict);

        var bad = await ApiClient.AssertProblemAsync(await dispatcher.PostAsync($"/api/sensing/alarms/{faultId}/assign", new { assignee = "" }),
            HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]?["assignee"]);
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.PostAsync($"/api/sensing/alarms/{faultId}/acknowledge", new { })).StatusCode);
        var assigned = await ApiClient.ReadJsonAsync(await dispatcher.PostAsync($"/api/sensing/alarms/{faultId}/assign", new { assignee = "维保单位 王工" }));
        Assert.Equal("维保单位 王工", assigned["alarm"]!["assignedTo"]!.GetValue<string>());
        Assert.Equal("dispatcher", assigned["alarm"]!["acknowledgedBy"]!.GetValue<string>());
        Assert.Equal(["Raised", "Acknowledged", "Assigned"], assigned["history"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()));
        var audit = (await admin.GetJsonAsync($"/api/audit?entity=SensingAlarm&entityId={faultId}")).ToJsonString();
        Assert.Contains("dispatcher", audit, StringComparison.Ordinal);

        using var local = await Demo("dispatcher1");
        var visible = (await local.GetJsonAsync("/api/key-places")).AsArray().Any(k => k!["id"]!.GetValue<long>() == place);
        if (!visible)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await local.GetAsync($"/api/sensing/alarms/{faultId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await local.PostAsync($"/api/sensing/alarms/{faultId}/clear", new { })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.PostAsync($"/api/sensing/alarms/{faultId}/clear", new { })).StatusCode);
    }

    [Fact]
    public async Task Watch_ConfirmsAnExpiredWindow_MarksASilentDeviceOffline_AndThePlaceShowsItsWeaknesses()
    {
        using var admin = await Admin();
        var (place, device, key) = await DeviceAsync(admin, 9);
        var (_, silent, silentKey) = (place, (await RegisterAsync(admin, place))["id"]!.GetValue<long>(), "");
        silentKey = (await admin.GetJsonAsync($"/api/sensing/devices/{silent}"))["deviceKey"]!.GetValue<string>();
        var now = Now();
        // A fire an hour old whose window ran out unanswered, and a device last heard two hours ago.
        await SendAsync(Host, Event(key, "fire", "1-1/1-0001", now.AddHours(-1)), Event(key, "fault", "1-1/1-0002", now),
            Event(key, "shielded", "1-1/1-0003", now));
        await SendAsync(Host, Event(silentKey, "normal", null, now.AddHours(-2)));
        await Host.Factory.Services.GetRequiredService<SensingWatch>().RunOnceAsync(CancellationToken.None);

        var alarms = await AlarmsAsync(admin, place);
        var fire = alarms.OfComponent(device, "1-1/1-0001");
        Assert.Equal("window_expired", fire["confirmedBy"]!.GetValue<string>());
        Assert.NotNull(fire["incidentId"]);
        Assert.False((await admin.GetJsonAsync($"/api/sensing/devices/{silent}"))["online"]!.GetValue<bool>());

        var weak = await admin.GetJsonAsync($"/api/sensing/places/{place}/weaknesses");
        var items = weak["items"]!.AsArray();
        Assert.Contains(items, i => i!["type"]!.GetValue<string>() == "fault" && i["deviceId"]!.GetValue<long>() == device);
        Assert.Contains(items, i => i!["type"]!.GetValue<string>() == "shielded" && i["zone"]!.GetValue<string>() == "3F-B");
        Assert.Contains(items, i => i!["type"]!.GetValue<string>() == "offline" && i["deviceId"]!.GetValue<long>() == silent);
        Assert.True(weak["devicesOffline"]!.GetValue<int>() >= 1);

        // The silent device speaks again: online, and its offline alarm cleared by the device.
        await SendAsync(Host, Event(silentKey, "normal", null, now));
        Assert.True((await admin.GetJsonAsync($"/api/sensing/devices/{silent}"))["online"]!.GetValue<bool>());
        var offline = (await AlarmsAsync(admin, place)).Single(a => a!["deviceId"]!.GetValue<long>() == silent && a["type"]!.GetValue<string>() == "offline")!;
        Assert.Equal("Cleared", offline["state"]!.GetValue<string>());
        Assert.DoesNotContain((await admin.GetJsonAsync($"/api/sensing/places/{place}/weaknesses"))["items"]!.AsArray(),
            i => i!["deviceId"]!.GetValue<long>() == silent);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteFireVerificationTests(SqliteHost host) : FireVerificationTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresFireVerificationTests(PostgresHost host) : FireVerificationTests<PostgresHost>(host);
