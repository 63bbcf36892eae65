using System.Net;
using System.Text.Json.Nodes;
using FireCommand.Web.Tests.Infrastructure;
using static FireCommand.Web.Tests.Dispatch.DispatchTestData;

namespace FireCommand.Web.Tests.Dispatch;

/// <summary>
/// Where two jurisdictions meet: automatic alarms with the same device id, a unit sent across a
/// border, and the places next door of an incident.
/// </summary>
public abstract class CrossJurisdictionTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    private static async Task<long> JurisdictionOfAsync(ApiClient client) =>
        (await client.GetJsonAsync("/api/auth/me"))["jurisdiction"]!["id"]!.GetValue<long>();

    private static async Task<HashSet<long>> VisibleJurisdictionsAsync(ApiClient client) =>
        [.. (await client.GetJsonAsync("/api/jurisdictions")).AsArray().Select(j => j!["id"]!.GetValue<long>())];

    [Fact]
    public async Task AutomaticAlarm_WithAnIdUsedByADeviceInAnotherCity_IsANewIncident_AndShowsNothingOfThatCity()
    {
        using var city2 = await Demo("dispatcher2");
        using var city1 = await Demo("dispatcher1");
        var externalId = "panel-7-" + Guid.NewGuid().ToString("N")[..8];
        var (lat2, lon2, _) = await SomewhereAsync(city2);
        var theirs = await city2.PostAsync("/api/alarms", new
        {
            source = "AutomaticFireAlarm", type = "Fire", latitude = lat2, longitude = lon2, externalId,
            address = "竹丰路88号机房", description = "二号机房烟感动作", callerNumber = "0790-5550001", callerName = "值班员甲",
        });
        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        var theirIncident = (await ApiClient.ReadJsonAsync(theirs))["incident"]!;

        var (lat1, lon1, _) = await SomewhereAsync(city1);
        var ours = await city1.PostAsync("/api/alarms", new
        {
            source = "AutomaticFireAlarm", type = "Fire", latitude = lat1, longitude = lon1, externalId, address = "白江路1号",
        });
        var body = await ours.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, ours.StatusCode);
        foreach (var secret in new[] { "竹丰路88号机房", "二号机房烟感动作", "0790-5550001", "值班员甲" })
            Assert.DoesNotContain(secret, body);
        var taken = JsonNode.Parse(body)!;
        Assert.False(taken["duplicate"]!.GetValue<bool>());
        var ourIncident = taken["incident"]!;
        Assert.NotEqual(theirIncident["id"]!.GetValue<long>(), ourIncident["id"]!.GetValue<long>());
        Assert.Contains(ourIncident["jurisdictionId"]!.GetValue<long>(), await VisibleJurisdictionsAsync(city1));

        // A repeat of either delivery still finds its own alarm, in its own city.
        var again = await ApiClient.ReadJsonAsync(await city1.PostAsync("/api/alarms", new
        {
            source = "AutomaticFireAlarm", type = "Fire", latitude = lat1, longitude = lon1, externalId,
        }));
        Assert.True(again["duplicate"]!.GetValue<bool>());
        Assert.Equal(taken["alarmId"]!.GetValue<long>(), again["alarmId"]!.GetValue<long>());
        var theirsAgain = await ApiClient.ReadJsonAsync(await city2.PostAsync("/api/alarms", new
        {
            source = "AutomaticFireAlarm", type = "Fire", latitude = lat2, longitude = lon2, externalId,
        }));
        Assert.Equal(theirIncident["id"]!.GetValue<long>(), theirsAgain["incident"]!["id"]!.GetValue<long>());
        Assert.Single((await city2.GetJsonAsync($"/api/incidents/{theirIncident["id"]}"))["alarms"]!.AsArray());
    }

    [Fact]
    public async Task MergingTwoCitiesIncidents_WhoseDevicesShareAnId_IsRefused_AndChangesNothing()
    {
        using var city1 = await Demo("dispatcher1");
        using var city2 = await Demo("dispatcher2");
        using var corps = await Demo("dispatcher");
        var externalId = "panel-9-" + Guid.NewGuid().ToString("N")[..8];
        async Task<long> AlarmAsync(ApiClient client)
        {
            var (lat, lon, _) = await SomewhereAsync(client, 4);
            var taken = await client.PostAsync("/api/alarms", new { source = "AutomaticFireAlarm", type = "Fire", latitude = lat, longitude = lon, externalId });
            Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
            return (await ApiClient.ReadJsonAsync(taken))["incident"]!["id"]!.GetValue<long>();
        }
        var kept = await AlarmAsync(city1);
        var duplicate = await AlarmAsync(city2);

        var merged = await corps.PostAsync($"/api/incidents/{duplicate}/merge", new { intoIncidentId = kept });
        await ApiClient.AssertProblemAsync(merged, HttpStatusCode.Conflict);
        var after = await corps.GetJsonAsync($"/api/incidents/{duplicate}");
        Assert.Null(after["mergedIntoIncidentId"]);
        Assert.Single(after["alarms"]!.AsArray());
        Assert.Single((await corps.GetJsonAsync($"/api/incidents/{kept}"))["alarms"]!.AsArray());
    }

    [Fact]
    public async Task AlarmWithoutSource_DeliveredTwice_IsOneAlarm()
    {
        // A missing source is taken as a 119 call; its repeat must be recognised under that source.
        using var dispatcher = await Demo("dispatcher1");
        var (lat, lon, _) = await SomewhereAsync(dispatcher, 1);
        var body = new { type = "Fire", latitude = lat, longitude = lon, externalId = "call-" + Guid.NewGuid() };
        Assert.Equal(HttpStatusCode.Created, (await dispatcher.PostAsync("/api/alarms", body)).StatusCode);
        var again = await dispatcher.PostAsync("/api/alarms", body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await ApiClient.ReadJsonAsync(again))["duplicate"]!.GetValue<bool>());
    }

    [Fact]
    public async Task UnitSentAcrossABorder_ReportsItsStatusThroughItsOwnCityAndTheIncidentsCity_AndTheAuditNamesWho()
    {
        using var admin = await Admin();
        using var officer = await Demo("officer");
        var tree = (await admin.GetJsonAsync("/api/jurisdictions")).AsArray();
        var detachments = tree.Where(j => j!["level"]!.GetValue<string>() == "Detachment").Select(j => j!["id"]!.GetValue<long>()).Order().ToList();
        var brigade = await JurisdictionOfAsync(officer);
        var ownCity = tree.Single(j => j!["id"]!.GetValue<long>() == brigade)!["parentId"]!.GetValue<long>();
        var owner = $"dispatcher{detachments.IndexOf(ownCity) + 1}";
        var host = $"dispatcher{(detachments.IndexOf(ownCity) + 1) % detachments.Count + 1}";
        using var ownerDispatcher = await Demo(owner);
        using var hostDispatcher = await Demo(host);
        Assert.DoesNotContain(await JurisdictionOfAsync(hostDispatcher), await VisibleJurisdictionsAsync(ownerDispatcher));

        var unit = (await officer.GetJsonAsync("/api/units")).AsArray().First(u => u!["status"]!.GetValue<int>() == 10)!["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.OK, (await ownerDispatcher.GetAsync($"/api/units/{unit}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hostDispatcher.GetAsync($"/api/units/{unit}")).StatusCode);
        var (lat, lon, _) = await SomewhereAsync(hostDispatcher, 3);
        var incident = (await TakeAlarmAsync(hostDispatcher, lat, lon))["id"]!.GetValue<long>();
        using var corps = await Demo("dispatcher");
        var sent = await corps.PostAsync($"/api/incidents/{incident}/dispatch", new { units = new[] { new { unitId = unit, slot = "增援" } } });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var assignment = (await ApiClient.ReadJsonAsync(sent))["assignments"]!.AsArray().Single(a => a!["unitId"]!.GetValue<long>() == unit)!;
        Assert.True(assignment["crossJurisdiction"]!.GetValue<bool>());

        foreach (var (client, status) in new[] { (ownerDispatcher, 21), (officer, 22), (hostDispatcher, 23), (ownerDispatcher, 24), (hostDispatcher, 25) })
        {
            var response = await client.PostAsync($"/api/units/{unit}/status", new { status });
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"status {status}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        var view = await hostDispatcher.GetJsonAsync($"/api/incidents/{incident}");
        Assert.Equal("Working", view["state"]!.GetValue<string>());
        var done = view["assignments"]!.AsArray().Single(a => a!["unitId"]!.GetValue<long>() == unit)!;
        Assert.NotNull(done["enRouteAt"]);
        Assert.NotNull(done["onSceneAt"]);
        Assert.NotNull(done["clearedAt"]);

        // Back from the incident, the unit is its own city's again: the other city no longer reaches it.
        Assert.Equal(HttpStatusCode.NotFound, (await hostDispatcher.PostAsync($"/api/units/{unit}/status", new { status = 10 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/units/{unit}/status", new { status = 10 })).StatusCode);

        var audit = (await admin.GetJsonAsync($"/api/audit?entity=Unit&entityId={unit}&take=7")).AsArray()
            .Select(a => (User: a!["userName"]!.GetValue<string>(), Changes: a["changes"]!.GetValue<string>())).Reverse().ToList();
        Assert.Equal(["dispatcher", owner, "officer", host, owner, host, "officer"], audit.Select(a => a.User));
        var onScene = (await admin.GetJsonAsync($"/api/audit?entity=Assignment&entityId={assignment["id"]}")).AsArray()
            .Single(a => a!["action"]!.GetValue<string>() == "Modified" &&
                         a["changes"]!.GetValue<string>().Contains("OnSceneAt", StringComparison.Ordinal))!;
        Assert.Equal("officer", onScene["userName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Surroundings_ShowAPlaceOfAnotherJurisdiction_WithNameCategoriesAndPositionOnly()
    {
        using var admin = await Admin();
        using var city1 = await Demo("dispatcher1");
        using var city2 = await Demo("dispatcher2");
        var (lat, lon, _) = await SomewhereAsync(city1, 2);
        var name = "邻市危化仓库-" + Guid.NewGuid().ToString("N")[..6];
        // Registered by the other city, a few hundred metres from the incident.
        var created = await admin.PostAsync("/api/key-places", new
        {
            name, categories = "Petrochemical", latitude = lat + 0.003, longitude = lon, address = "保密地址9号",
            responsiblePerson = "李四", phone = "13700001111", occupants = 40, jurisdictionId = await JurisdictionOfAsync(city2),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var placeId = (await ApiClient.ReadJsonAsync(created))["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.NotFound, (await city1.GetAsync($"/api/key-places/{placeId}")).StatusCode);
        var incident = (await TakeAlarmAsync(city1, lat, lon))["id"]!.GetValue<long>();

        var response = await city1.GetAsync($"/api/incidents/{incident}/surroundings?radiusMeters=2000");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var secret in new[] { "保密地址9号", "李四", "13700001111" }) Assert.DoesNotContain(secret, text);
        var nearby = JsonNode.Parse(text)!["nearbyKeyPlaces"]!.AsArray();
        var foreign = nearby.Single(p => p!["name"]!.GetValue<string>() == name)!.AsObject();
        Assert.True(foreign["otherJurisdiction"]!.GetValue<bool>());
        Assert.Null(foreign["id"]);
        Assert.Equal(["Petrochemical"], foreign["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(["categories", "distanceMeters", "id", "latitude", "longitude", "name", "otherJurisdiction"],
            foreign.Select(p => p.Key).Order(StringComparer.Ordinal));

        // The flag agrees with what the caller may read through the registry itself.
        var readable = (await city1.GetJsonAsync("/api/key-places")).AsArray().Select(k => k!["id"]!.GetValue<long>()).ToHashSet();
        foreach (var place in nearby)
            if (place!["otherJurisdiction"]!.GetValue<bool>()) Assert.Null(place["id"]);
            else Assert.Contains(place["id"]!.GetValue<long>(), readable);

        // The corps sees every record in full.
        var corps = (await admin.GetJsonAsync($"/api/incidents/{incident}/surroundings?radiusMeters=2000"))["nearbyKeyPlaces"]!.AsArray()
            .Single(p => p!["name"]!.GetValue<string>() == name)!;
        Assert.False(corps["otherJurisdiction"]!.GetValue<bool>());
        Assert.Equal(placeId, corps["id"]!.GetValue<long>());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCrossJurisdictionTests(SqliteHost host) : CrossJurisdictionTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCrossJurisdictionTests(PostgresHost host) : CrossJurisdictionTests<PostgresHost>(host);
