using System.Net;
using System.Text;
using FireCommand.Web.Tests.Infrastructure;
using static FireCommand.Web.Tests.Dispatch.DispatchTestData;

namespace FireCommand.Web.Tests.Dispatch;

/// <summary>The dispatcher's decisions through the API: preview, recommendation, plans, timers, move-ups.</summary>
public abstract class DecisionEndpointTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    [Fact]
    public async Task Preview_SuggestsLevel_OffersTheOpenIncidentNearby_AndWritesNothing()
    {
        using var dispatcher = await Demo("dispatcher");
        var (lat, lon, _) = await SomewhereAsync(dispatcher, 11);
        var first = await TakeAlarmAsync(dispatcher, lat, lon);
        var before = (await dispatcher.GetJsonAsync("/api/incidents")).AsArray().Count;

        var response = await dispatcher.PostAsync("/api/alarms/preview", new
        {
            type = "Fire", latitude = lat + 0.0008, longitude = lon, trapped = 5, description = "又有人报警",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await ApiClient.ReadJsonAsync(response);
        // DESIGN §4: 3–10 trapped is level 3.
        Assert.Equal(3, preview["suggestedLevel"]!["level"]!.GetValue<int>());
        Assert.NotEmpty(preview["suggestedLevel"]!["reasons"]!.AsArray());
        Assert.Contains(preview["duplicates"]!.AsArray(), d => d!["incidentId"]!.GetValue<long>() == first["id"]!.GetValue<long>());
        Assert.NotEmpty(preview["recommendation"]!["recommendation"]!["units"]!.AsArray());
        Assert.Equal(before, (await dispatcher.GetJsonAsync("/api/incidents")).AsArray().Count);
    }

    [Fact]
    public async Task Recommendation_FillsThePlan_FastestFirst_AndEveryPickIsExplained()
    {
        using var dispatcher = await Demo("dispatcher");
        var (lat, lon, _) = await SomewhereAsync(dispatcher, 13);
        var id = (await TakeAlarmAsync(dispatcher, lat, lon))["id"]!.GetValue<long>();
        var advice = await dispatcher.GetJsonAsync($"/api/incidents/{id}/recommendation");
        var units = advice["recommendation"]!["units"]!.AsArray();
        Assert.NotEmpty(units);
        var etas = units.Select(u => u!["etaSeconds"]!.GetValue<double>()).ToList();
        Assert.Equal(etas.Order(), etas);
        Assert.All(units, u =>
        {
            Assert.NotEmpty(u!["reasons"]!.AsArray());
            Assert.False(string.IsNullOrEmpty(u["slot"]!["chinese"]!.GetValue<string>()));
        });
        var required = advice["outstanding"]!.AsArray().Sum(s => s!["count"]!.GetValue<int>());
        var shortfall = advice["recommendation"]!["shortfalls"]!.AsArray().Sum(s => s!["missing"]!.GetValue<int>());
        Assert.Equal(required, units.Count + shortfall);

        // Once those units are sent, the plan is filled and nothing more is asked for.
        var sent = await dispatcher.PostAsync($"/api/incidents/{id}/dispatch",
            new { units = units.Select(u => new { unitId = u!["unitId"]!.GetValue<long>() }) });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var after = await dispatcher.GetJsonAsync($"/api/incidents/{id}/recommendation");
        Assert.Equal(shortfall, after["outstanding"]!.AsArray().Sum(s => s!["count"]!.GetValue<int>()));

        // An escalation asks only for the added slots.
        await dispatcher.PostAsync($"/api/incidents/{id}/escalate", new { fireLevel = 2 });
        var escalated = await dispatcher.GetJsonAsync($"/api/incidents/{id}/recommendation");
        Assert.True(escalated["outstanding"]!.AsArray().Sum(s => s!["count"]!.GetValue<int>()) > shortfall);
        Assert.DoesNotContain(escalated["recommendation"]!["units"]!.AsArray(),
            u => units.Any(s => s!["unitId"]!.GetValue<long>() == u!["unitId"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Timers_RunFromTheCall_AndStopAtDispatch()
    {
        using var dispatcher = await Demo("dispatcher");
        var (lat, lon, _) = await SomewhereAsync(dispatcher, 15);
        var id = (await TakeAlarmAsync(dispatcher, lat, lon))["id"]!.GetValue<long>();
        var running = await dispatcher.GetJsonAsync($"/api/incidents/{id}/timers");
        var call = running["incident"]!.AsArray().First(t => t!["kind"]!.GetValue<string>() == "CallProcessing")!;
        Assert.Null(call["endedAt"]);
        // NFPA 1221: 64 s for 90 % of calls, 106 s for 95 %.
        Assert.Equal(64, call["amberAfterSeconds"]!.GetValue<double>());
        Assert.Equal(106, call["redAfterSeconds"]!.GetValue<double>());

        var unit = (await AvailableUnitsAsync(dispatcher, 1)).Single();
        await dispatcher.PostAsync($"/api/incidents/{id}/dispatch", new { units = new[] { new { unitId = unit } } });
        var stopped = await dispatcher.GetJsonAsync($"/api/incidents/{id}/timers");
        Assert.NotNull(stopped["incident"]!.AsArray().First(t => t!["kind"]!.GetValue<string>() == "CallProcessing")!["endedAt"]);
    }

    [Fact]
    public async Task MoveUps_NameDistrictsWithoutCover()
    {
        using var commander = await Demo("commander");
        // Every available unit of one station goes training: its district is left without cover.
        var station = await StationUnitsAsync(commander);
        try
        {
            foreach (var u in station.Units) Assert.Equal(HttpStatusCode.OK, (await commander.PostAsync($"/api/units/{u}/status", new { status = 30 })).StatusCode);
            var advice = await commander.GetJsonAsync("/api/dispatch/move-ups");
            Assert.Contains(advice["uncovered"]!.AsArray(), d => d!["stationId"]!.GetValue<long>() == station.Id);
            var moveUps = advice["moveUps"]!.AsArray();
            Assert.NotEmpty(moveUps);
            Assert.All(moveUps, m => Assert.NotEqual(m!["fromStationId"]!.GetValue<long>(), m["toStationId"]!.GetValue<long>()));
            Assert.DoesNotContain(moveUps, m => station.Units.Contains(m!["unitId"]!.GetValue<long>()));
        }
        finally
        {
            foreach (var u in station.Units) await commander.PostAsync($"/api/units/{u}/status", new { status = 10 });
        }
    }

    [Fact]
    public async Task ResponsePlans_AreData_BadPlansAreNamed_GoodOnesTakeEffect()
    {
        using var commander = await Demo("commander");
        var current = await commander.GetJsonAsync("/api/response-plans");
        Assert.NotEmpty(current["document"]!["plans"]!.AsArray());

        var bad = await commander.Http.PutAsync("/api/response-plans",
            new StringContent("""{"plans":[{"type":"Fire","level":9,"slots":[{"capability":"Water","count":-1}]}]}""", Encoding.UTF8, "application/json"));
        await ApiClient.AssertProblemAsync(bad, HttpStatusCode.BadRequest);
        Assert.Equal(current["source"]!.GetValue<string>(), (await commander.GetJsonAsync("/api/response-plans"))["source"]!.GetValue<string>());

        var good = await commander.Http.PutAsync("/api/response-plans",
            new StringContent(current["document"]!.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var saved = await ApiClient.ReadJsonAsync(good);
        Assert.Equal("edited", saved["source"]!.GetValue<string>());
        Assert.Equal("commander", saved["savedBy"]!.GetValue<string>());

        using var dispatcher = await Demo("dispatcher");
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.Http.PutAsync("/api/response-plans",
            new StringContent(current["document"]!.ToJsonString(), Encoding.UTF8, "application/json"))).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteDecisionEndpointTests(SqliteHost host) : DecisionEndpointTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresDecisionEndpointTests(PostgresHost host) : DecisionEndpointTests<PostgresHost>(host);
