using System.Net;
using FireCommand.Web.Tests.Infrastructure;
using static FireCommand.Web.Tests.Dispatch.DispatchTestData;

namespace FireCommand.Web.Tests.Dispatch;

/// <summary>A duplicate call is merged into the incident it duplicates: callers and units move, the duplicate closes.</summary>
public abstract class IncidentMergeTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    [Fact]
    public async Task Merge_MovesCallersAndUnitsToTheTarget_AndClosesTheDuplicate()
    {
        using var dispatcher = await Demo("dispatcher");
        var (lat, lon, _) = await SomewhereAsync(dispatcher, 7);
        var target = (await TakeAlarmAsync(dispatcher, lat, lon, "合并测试 主"))["id"]!.GetValue<long>();
        var duplicate = (await TakeAlarmAsync(dispatcher, lat, lon, "合并测试 重复"))["id"]!.GetValue<long>();
        var unit = (await AvailableUnitsAsync(dispatcher, 1)).Single();
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.PostAsync($"/api/incidents/{duplicate}/dispatch",
            new { units = new[] { new { unitId = unit } } })).StatusCode);

        var merged = await dispatcher.PostAsync($"/api/incidents/{duplicate}/merge", new { intoIncidentId = target });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);

        var into = await dispatcher.GetJsonAsync($"/api/incidents/{target}");
        Assert.Equal("Dispatched", into["state"]!.GetValue<string>());
        Assert.Equal(2, into["alarms"]!.AsArray().Count);
        var moved = Assert.Single(into["assignments"]!.AsArray());
        Assert.Equal(unit, moved!["unitId"]!.GetValue<long>());
        Assert.Null(moved["clearedAt"]);

        var closed = await dispatcher.GetJsonAsync($"/api/incidents/{duplicate}");
        Assert.Equal("Closed", closed["state"]!.GetValue<string>());
        Assert.Equal(target, closed["mergedIntoIncidentId"]!.GetValue<long>());
        Assert.Empty(closed["alarms"]!.AsArray());
        Assert.DoesNotContain(closed["assignments"]!.AsArray(), a => a!["clearedAt"] is null);
        Assert.Equal(20, (await dispatcher.GetJsonAsync($"/api/units/{unit}"))["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Merge_IntoAnUnknownIncident_NamesTheField_AndChangesNothing()
    {
        using var dispatcher = await Demo("dispatcher");
        var (lat, lon, _) = await SomewhereAsync(dispatcher, 8);
        var duplicate = (await TakeAlarmAsync(dispatcher, lat, lon, "合并测试 无目标"))["id"]!.GetValue<long>();
        var before = (await dispatcher.GetJsonAsync($"/api/incidents/{duplicate}")).ToJsonString();

        foreach (var body in new object[] { new { intoIncidentId = 987_654_321L }, new { } })
        {
            var problem = await ApiClient.AssertProblemAsync(
                await dispatcher.PostAsync($"/api/incidents/{duplicate}/merge", body), HttpStatusCode.BadRequest);
            Assert.True(problem["errors"]!.AsObject().ContainsKey("intoIncidentId"), problem.ToJsonString());
        }
        Assert.Equal(before, (await dispatcher.GetJsonAsync($"/api/incidents/{duplicate}")).ToJsonString());
    }

    [Fact]
    public async Task Merge_IntoItself_IsAConflict_AndChangesNothing()
    {
        using var dispatcher = await Demo("dispatcher");
        var (lat, lon, _) = await SomewhereAsync(dispatcher, 8);
        var id = (await TakeAlarmAsync(dispatcher, lat, lon, "合并测试 自身"))["id"]!.GetValue<long>();
        var before = (await dispatcher.GetJsonAsync($"/api/incidents/{id}")).ToJsonString();
        await ApiClient.AssertProblemAsync(await dispatcher.PostAsync($"/api/incidents/{id}/merge", new { intoIncidentId = id }),
            HttpStatusCode.Conflict);
        Assert.Equal(before, (await dispatcher.GetJsonAsync($"/api/incidents/{id}")).ToJsonString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteIncidentMergeTests(SqliteHost host) : IncidentMergeTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresIncidentMergeTests(PostgresHost host) : IncidentMergeTests<PostgresHost>(host);
