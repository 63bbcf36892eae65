using System.Net;
using System.Text.Json.Nodes;
using FireCommand.Web.Tests.Infrastructure;
using static FireCommand.Web.Tests.Dispatch.DispatchTestData;

namespace FireCommand.Web.Tests.Dispatch;

/// <summary>From the first ring to units on scene, through the API, on every database.</summary>
public abstract class DispatchFlowTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    [Fact]
    public async Task Call_FromIntakeToOnScene_RecordsEveryTimestamp()
    {
        using var dispatcher = await Demo("dispatcher");
        var (lat, lon, _) = await SomewhereAsync(dispatcher);
        var incident = await TakeAlarmAsync(dispatcher, lat, lon);
        var id = incident["id"]!.GetValue<long>();
        Assert.Equal("Received", incident["state"]!.GetValue<string>());
        Assert.Matches(@"^\d{8}-\d{5}$", incident["number"]!.GetValue<string>());
        Assert.Single(incident["alarms"]!.AsArray());

        var units = await AvailableUnitsAsync(dispatcher, 2);
        var dispatched = await dispatcher.PostAsync($"/api/incidents/{id}/dispatch",
            new { units = units.Select(u => new { unitId = u, slot = "水罐", etaSeconds = 300 }) });
        Assert.Equal(HttpStatusCode.OK, dispatched.StatusCode);
        var view = await ApiClient.ReadJsonAsync(dispatched);
        Assert.Equal("Dispatched", view["state"]!.GetValue<string>());
        Assert.Equal(2, view["assignments"]!.AsArray().Count);

        foreach (var status in new[] { 21, 22 })
            Assert.Equal(HttpStatusCode.OK, (await dispatcher.PostAsync($"/api/units/{units[0]}/status", new { status })).StatusCode);
        var working = await dispatcher.GetJsonAsync($"/api/incidents/{id}");
        Assert.Equal("Working", working["state"]!.GetValue<string>());
        Assert.NotNull(working["firstArrivalAt"]);
        var first = working["assignments"]!.AsArray().First(a => a!["unitId"]!.GetValue<long>() == units[0])!;
        Assert.NotNull(first["enRouteAt"]);
        Assert.NotNull(first["onSceneAt"]);
        Assert.Equal(22, first["unitStatus"]!.GetValue<int>());

        // Closing while units still work is refused; after they return it succeeds.
        await ApiClient.AssertProblemAsync(await dispatcher.PostAsync($"/api/incidents/{id}/close", new { outcome = "扑灭" }), HttpStatusCode.Conflict);
        foreach (var unit in units)
        {
            if (unit != units[0]) Assert.Equal(HttpStatusCode.OK, (await dispatcher.PostAsync($"/api/units/{unit}/status", new { status = 21 })).StatusCode);
            if (unit != units[0]) Assert.Equal(HttpStatusCode.OK, (await dispatcher.PostAsync($"/api/units/{unit}/status", new { status = 22 })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await dispatcher.PostAsync($"/api/units/{unit}/status", new { status = 25 })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await dispatcher.PostAsync($"/api/units/{unit}/status", new { status = 10 })).StatusCode);
        }
        var closed = await dispatcher.PostAsync($"/api/incidents/{id}/close", new { outcome = "明火扑灭，无人员伤亡" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("Closed", (await ApiClient.ReadJsonAsync(closed))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task ConcurrentDispatchOfOneUnit_ExactlyOneWins_OthersGet409()
    {
        using var dispatcher = await Demo("dispatcher");
        var (lat, lon, _) = await SomewhereAsync(dispatcher, 3);
        var incidents = new List<long>();
        for (var i = 0; i < 6; i++) incidents.Add((await TakeAlarmAsync(dispatcher, lat, lon, $"并发测试{i}"))["id"]!.GetValue<long>());
        var unit = (await AvailableUnitsAsync(dispatcher, 1)).Single();

        var clients = await Task.WhenAll(incidents.Select(_ => Demo("dispatcher")));
        var results = await Task.WhenAll(incidents.Select((incident, i) =>
            clients[i].PostAsync($"/api/incidents/{incident}/dispatch", new { units = new[] { new { unitId = unit } } })));

        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.OK));
        foreach (var loser in results.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            var problem = await ApiClient.AssertProblemAsync(loser, HttpStatusCode.Conflict);
            Assert.False(string.IsNullOrEmpty(problem["detail"]?.GetValue<string>()));
        }
        var assigned = 0;
        foreach (var incident in incidents)
            assigned += (await dispatcher.GetJsonAsync($"/api/incidents/{incident}"))["assignments"]!.AsArray()
                .Count(a => a!["unitId"]!.GetValue<long>() == unit && a["clearedAt"] is null);
        Assert.Equal(1, assigned);
        Assert.Equal(20, (await dispatcher.GetJsonAsync($"/api/units/{unit}"))["status"]!.GetValue<int>());
        foreach (var c in clients) c.Dispose();
    }

    // The worst interleaving, forced: the first order has written and waits before its commit while
    // the second reads the unit. On PostgreSQL the second then reads the unit as available and only
    // the commit-time check (concurrency token, unique open assignment) turns it into a 409. SQLite's
    // dispatch transaction takes the write lock when it begins, so there the second waits and reads
    // the unit as dispatched; the test holds the same promise on both.
    [Fact]
    public async Task DispatchOfOneUnit_SecondReadsItAvailableBeforeTheFirstCommits_FirstWins_SecondGets409()
    {
        using var dispatcher = await Demo("dispatcher");
        var (lat, lon, _) = await SomewhereAsync(dispatcher, 4);
        var incidents = new List<long>();
        for (var i = 0; i < 2; i++) incidents.Add((await TakeAlarmAsync(dispatcher, lat, lon, $"交错测试{i}"))["id"]!.GetValue<long>());
        var unit = (await AvailableUnitsAsync(dispatcher, 1)).Single();
        using var first = await Demo("dispatcher");
        using var second = await Demo("dispatcher");
        object Order() => new { units = new[] { new { unitId = unit } } };

        HttpResponseMessage won, lost;
        using (var round = Host.Interleaving.Arm())
        {
            var firstResponse = first.PostAsync($"/api/incidents/{incidents[0]}/dispatch", Order());
            await round.FirstHeldBeforeCommit;
            var secondResponse = second.PostAsync($"/api/incidents/{incidents[1]}/dispatch", Order());
            won = await firstResponse;
            lost = await secondResponse;
            Assert.True(round.Interleaved, "the second order never arrived while the first was held before its commit");
        }

        Assert.True(won.StatusCode == HttpStatusCode.OK, $"first order: {(int)won.StatusCode} {await won.Content.ReadAsStringAsync()}");
        var problem = await ApiClient.AssertProblemAsync(lost, HttpStatusCode.Conflict);
        Assert.False(string.IsNullOrEmpty(problem["detail"]?.GetValue<string>()));
        var open = await Task.WhenAll(incidents.Select(async incident =>
            (await dispatcher.GetJsonAsync($"/api/incidents/{incident}"))["assignments"]!.AsArray()
                .Count(a => a!["unitId"]!.GetValue<long>() == unit && a["clearedAt"] is null)));
        Assert.Equal([1, 0], open);
        Assert.Equal(20, (await dispatcher.GetJsonAsync($"/api/units/{unit}"))["status"]!.GetValue<int>());
    }

    public static TheoryData<string, string> BadAlarms => new()
    {
        { """{"type":"Fire","latitude":51.5,"longitude":-0.12}""", "latitude" },
        { """{"type":"Meteor","latitude":28,"longitude":115}""", "type" },
        { """{"latitude":28,"longitude":115}""", "type" },
        { """{"type":"Fire","latitude":28,"longitude":115,"trapped":-1}""", "trapped" },
        { """{"type":"Fire","latitude":28,"longitude":115,"injured":-3}""", "injured" },
        { "{\"type\":\"Fire\",\"latitude\":28,\"longitude\":115,\"description\":\"" + new string('烟', 2001) + "\"}", "description" },
        { """{"type":"Fire"}""", "latitude" },
        { """{"type":"Fire","latitude":28}""", "longitude" },
        { """{"type":"Fire","latitude":28,"longitude":115,"fireLevel":6}""", "fireLevel" },
        { """{"type":"Fire","latitude":28,"longitude":115,"keyPlaceId":999999}""", "keyPlaceId" },
    };

    [Theory]
    [MemberData(nameof(BadAlarms))]
    public async Task Alarm_WithBadInput_IsNamedAndNothingIsWritten(string json, string field)
    {
        using var dispatcher = await Demo("dispatcher");
        var before = (await dispatcher.GetJsonAsync("/api/incidents")).AsArray().Count;
        var response = await dispatcher.Http.PostAsync("/api/alarms",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
        Assert.Equal(before, (await dispatcher.GetJsonAsync("/api/incidents")).AsArray().Count);
    }

    [Fact]
    public async Task Alarm_OutsideTheDispatchersJurisdiction_IsRefused()
    {
        using var admin = await Admin();
        var stations = (await admin.GetJsonAsync("/api/stations")).AsArray();
        using var local = await Demo("dispatcher1");
        var mine = (await local.GetJsonAsync("/api/stations")).AsArray().Select(s => s!["id"]!.GetValue<long>()).ToHashSet();
        var foreign = stations.First(s => !mine.Contains(s!["id"]!.GetValue<long>()))!;
        var response = await local.PostAsync("/api/alarms", new
        {
            type = "Fire", latitude = foreign["latitude"]!.GetValue<double>(), longitude = foreign["longitude"]!.GetValue<double>(),
        });
        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("jurisdiction", problem["errors"]!["latitude"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Viewer_CannotTakeAlarmsOrDispatch()
    {
        using var viewer = await Demo("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/alarms", new { type = "Fire", latitude = 28, longitude = 115 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/incidents/1/dispatch", new { units = new[] { new { unitId = 1 } } })).StatusCode);
    }

    [Fact]
    public async Task AutomaticAlarm_DeliveredTwice_IsOneAlarm()
    {
        using var dispatcher = await Demo("dispatcher");
        var (lat, lon, _) = await SomewhereAsync(dispatcher, 5);
        var body = new { source = "AutomaticFireAlarm", type = "Fire", latitude = lat, longitude = lon, externalId = "dev-889-" + Guid.NewGuid() };
        var first = await dispatcher.PostAsync("/api/alarms", body);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var again = await dispatcher.PostAsync("/api/alarms", body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var a = await ApiClient.ReadJsonAsync(first);
        var b = await ApiClient.ReadJsonAsync(again);
        Assert.Equal(a["alarmId"]!.GetValue<long>(), b["alarmId"]!.GetValue<long>());
        Assert.True(b["duplicate"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SecondCall_MergedIntoTheIncident_KeepsBothCallers()
    {
        using var dispatcher = await Demo("dispatcher");
        var (lat, lon, _) = await SomewhereAsync(dispatcher, 7);
        var incident = await TakeAlarmAsync(dispatcher, lat, lon);
        var id = incident["id"]!.GetValue<long>();
        var second = await dispatcher.PostAsync("/api/alarms", new
        {
            type = "Fire", latitude = lat + 0.0005, longitude = lon, callerNumber = "13900000000", mergeIntoIncidentId = id,
        });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var callers = (await dispatcher.GetJsonAsync($"/api/incidents/{id}"))["alarms"]!.AsArray()
            .Select(a => a!["callerNumber"]!.GetValue<string>()).ToList();
        Assert.Equal(["13800000000", "13900000000"], callers);
    }

    [Fact]
    public async Task Escalation_RaisesTheLevel_AndLoweringIsRefused()
    {
        using var dispatcher = await Demo("dispatcher");
        var (lat, lon, _) = await SomewhereAsync(dispatcher, 9);
        var id = (await TakeAlarmAsync(dispatcher, lat, lon))["id"]!.GetValue<long>();
        var raised = await dispatcher.PostAsync($"/api/incidents/{id}/escalate", new { fireLevel = 3 });
        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        Assert.Equal(3, (await ApiClient.ReadJsonAsync(raised))["fireLevel"]!.GetValue<int>());
        await ApiClient.AssertProblemAsync(await dispatcher.PostAsync($"/api/incidents/{id}/escalate", new { fireLevel = 2 }), HttpStatusCode.Conflict);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteDispatchFlowTests(SqliteHost host) : DispatchFlowTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresDispatchFlowTests(PostgresHost host) : DispatchFlowTests<PostgresHost>(host);
