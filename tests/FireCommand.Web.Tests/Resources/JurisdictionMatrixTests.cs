using System.Net;
using FireCommand.Web.Tests.Infrastructure;
using static FireCommand.Web.Tests.Dispatch.DispatchTestData;

namespace FireCommand.Web.Tests.Resources;

/// <summary>
/// Two city detachments and the corps, through list, dispatch, close and unit status: each city acts
/// on its own records only, the corps on both, and a refused action changes nothing.
/// </summary>
public abstract class JurisdictionMatrixTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    [Fact]
    public async Task Lists_ShowEachCityItsOwnIncidentsAndUnits_AndTheCorpsBoth()
    {
        using var a = await Demo("dispatcher1");
        using var b = await Demo("dispatcher2");
        using var corps = await Demo("dispatcher");
        var incidentA = await IncidentIn(a, "矩阵 列表 甲");
        var incidentB = await IncidentIn(b, "矩阵 列表 乙");

        var seenByA = await IdsOf(a, "/api/incidents");
        var seenByB = await IdsOf(b, "/api/incidents");
        var seenByCorps = await IdsOf(corps, "/api/incidents");
        Assert.Contains(incidentA, seenByA);
        Assert.DoesNotContain(incidentB, seenByA);
        Assert.Contains(incidentB, seenByB);
        Assert.DoesNotContain(incidentA, seenByB);
        Assert.Contains(incidentA, seenByCorps);
        Assert.Contains(incidentB, seenByCorps);

        var unitsA = await IdsOf(a, "/api/units");
        var unitsB = await IdsOf(b, "/api/units");
        var unitsCorps = await IdsOf(corps, "/api/units");
        Assert.NotEmpty(unitsA);
        Assert.NotEmpty(unitsB);
        Assert.Empty(unitsA.Intersect(unitsB));
        Assert.Superset(unitsA.Union(unitsB).ToHashSet(), unitsCorps.ToHashSet());
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/incidents/{incidentB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/units/{unitsB[0]}")).StatusCode);
    }

    [Fact]
    public async Task Dispatch_ACityCannotSendAnotherCitysUnitOrTouchItsIncident_TheCorpsSendsAcross()
    {
        using var a = await Demo("dispatcher1");
        using var b = await Demo("dispatcher2");
        using var corps = await Demo("dispatcher");
        var incidentA = await IncidentIn(a, "矩阵 出动 甲");
        var incidentB = await IncidentIn(b, "矩阵 出动 乙");
        var unitB = await AnyAvailableUnit(b);
        var unitA = await AnyAvailableUnit(a);

        var problem = await ApiClient.AssertProblemAsync(await a.PostAsync($"/api/incidents/{incidentA}/dispatch",
            new { units = new[] { new { unitId = unitB } } }), HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("units[0].unitId"), problem.ToJsonString());
        Assert.Equal(HttpStatusCode.NotFound, (await a.PostAsync($"/api/incidents/{incidentB}/dispatch",
            new { units = new[] { new { unitId = unitA } } })).StatusCode);
        Assert.Equal(10, (await b.GetJsonAsync($"/api/units/{unitB}"))["status"]!.GetValue<int>());
        Assert.Equal(10, (await a.GetJsonAsync($"/api/units/{unitA}"))["status"]!.GetValue<int>());
        Assert.Empty((await a.GetJsonAsync($"/api/incidents/{incidentA}"))["assignments"]!.AsArray());
        Assert.Empty((await b.GetJsonAsync($"/api/incidents/{incidentB}"))["assignments"]!.AsArray());

        var across = await corps.PostAsync($"/api/incidents/{incidentA}/dispatch", new { units = new[] { new { unitId = unitB } } });
        Assert.Equal(HttpStatusCode.OK, across.StatusCode);
        var assignment = Assert.Single((await ApiClient.ReadJsonAsync(across))["assignments"]!.AsArray())!;
        Assert.Equal(unitB, assignment["unitId"]!.GetValue<long>());
        Assert.True(assignment["crossJurisdiction"]!.GetValue<bool>());
        await ReleaseAsync(corps, unitB);
    }

    [Fact]
    public async Task CloseAndUnitStatus_AnotherCityIsRefused_AndNothingChanges_TheOwnCitySucceeds()
    {
        using var a = await Demo("dispatcher1");
        using var b = await Demo("dispatcher2");
        var incidentA = await IncidentIn(a, "矩阵 结案 甲");
        var unitA = await AnyAvailableUnit(a);
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsync($"/api/incidents/{incidentA}/dispatch",
            new { units = new[] { new { unitId = unitA } } })).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsync($"/api/units/{unitA}/status", new { status = 21 })).StatusCode);
        Assert.Equal(20, (await a.GetJsonAsync($"/api/units/{unitA}"))["status"]!.GetValue<int>());

        await ReleaseAsync(a, unitA);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsync($"/api/incidents/{incidentA}/close", new { outcome = "越权结案" })).StatusCode);
        Assert.Equal("Working", (await a.GetJsonAsync($"/api/incidents/{incidentA}"))["state"]!.GetValue<string>());

        var closed = await a.PostAsync($"/api/incidents/{incidentA}/close", new { outcome = "矩阵测试结案" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("Closed", (await ApiClient.ReadJsonAsync(closed))["state"]!.GetValue<string>());
    }

    private static async Task<long> IncidentIn(ApiClient client, string address)
    {
        var (lat, lon, _) = await SomewhereAsync(client, 1);
        return (await TakeAlarmAsync(client, lat, lon, address))["id"]!.GetValue<long>();
    }

    private static async Task<long> AnyAvailableUnit(ApiClient client)
    {
        var available = (await client.GetJsonAsync("/api/units")).AsArray()
            .Where(u => u!["status"]!.GetValue<int>() == 10).Select(u => u!["id"]!.GetValue<long>()).ToList();
        Assert.NotEmpty(available);
        return available[Random.Shared.Next(available.Count)];
    }

    private static async Task<List<long>> IdsOf(ApiClient client, string url) =>
        [.. (await client.GetJsonAsync(url)).AsArray().Select(n => n!["id"]!.GetValue<long>())];

    /// <summary>Takes a dispatched unit through en route, on scene and back to available.</summary>
    private static async Task ReleaseAsync(ApiClient client, long unit)
    {
        foreach (var status in new[] { 21, 22, 25, 10 })
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/units/{unit}/status", new { status })).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteJurisdictionMatrixTests(SqliteHost host) : JurisdictionMatrixTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresJurisdictionMatrixTests(PostgresHost host) : JurisdictionMatrixTests<PostgresHost>(host);
