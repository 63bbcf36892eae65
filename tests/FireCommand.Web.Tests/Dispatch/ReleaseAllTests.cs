using System.Net;
using FireCommand.Web.Tests.Infrastructure;
using static FireCommand.Web.Tests.Dispatch.DispatchTestData;

namespace FireCommand.Web.Tests.Dispatch;

/// <summary>全部返队: every unit on an incident released in one step, on every database.</summary>
public abstract class ReleaseAllTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    /// <summary>Available units this client sees, from a random place in the list (tests share the host).</summary>
    private static async Task<List<long>> FreeUnitsAsync(ApiClient client, int count)
    {
        var free = (await client.GetJsonAsync("/api/units")).AsArray()
            .Where(u => u!["status"]!.GetValue<int>() == 10).Select(u => u!["id"]!.GetValue<long>()).ToList();
        return [.. free.Skip(Random.Shared.Next(0, Math.Max(1, free.Count - count))).Take(count)];
    }

    private static async Task<int> StatusOf(ApiClient client, long unit) =>
        (await client.GetJsonAsync($"/api/units/{unit}"))["status"]!.GetValue<int>();

    [Fact]
    public async Task ReleaseAll_ReturnsEveryUnit_WithWaterOffRecordedFirst_AndTheIncidentCanClose()
    {
        using var dispatcher = await Demo("dispatcher1");
        var (lat, lon, _) = await SomewhereAsync(dispatcher, 1);
        var id = (await TakeAlarmAsync(dispatcher, lat, lon, "全部返队测试"))["id"]!.GetValue<long>();
        var units = await FreeUnitsAsync(dispatcher, 3);
        Assert.Equal(3, units.Count);
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.PostAsync($"/api/incidents/{id}/dispatch",
            new { units = units.Select(u => new { unitId = u }) })).StatusCode);
        // One unit with water on (23), one en route (21), one just dispatched (20).
        foreach (var status in new[] { 21, 22, 23 })
            Assert.Equal(HttpStatusCode.OK, (await dispatcher.PostAsync($"/api/units/{units[0]}/status", new { status })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.PostAsync($"/api/units/{units[1]}/status", new { status = 21 })).StatusCode);

        var released = await dispatcher.PostAsync($"/api/incidents/{id}/release-all", new { });
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        var view = await ApiClient.ReadJsonAsync(released);
        Assert.All(view["assignments"]!.AsArray(), a => Assert.NotNull(a!["clearedAt"]));
        foreach (var unit in units) Assert.Equal(25, await StatusOf(dispatcher, unit));

        // Audited: the unit with water on went through 24 停水 to 25 返队, under the dispatcher's name.
        using var admin = await Admin();
        var audit = (await admin.GetJsonAsync($"/api/audit?entity=Unit&entityId={units[0]}&take=20")).AsArray();
        var changes = audit.Where(a => a!["userName"]!.GetValue<string>() == "dispatcher1")
            .Select(a => a!["changes"]!.ToString()).ToList();
        Assert.Contains(changes, c => c.Contains("WaterOn", StringComparison.Ordinal) && c.Contains("WaterOff", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Contains("WaterOff", StringComparison.Ordinal) && c.Contains("Returning", StringComparison.Ordinal));

        var closed = await dispatcher.PostAsync($"/api/incidents/{id}/close", new { outcome = "明火扑灭，全部返队" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        await ApiClient.AssertProblemAsync(await dispatcher.PostAsync($"/api/incidents/{id}/release-all", new { }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ReleaseAll_IsRefused_ToAViewerAndToAnotherDetachment_AndChangesNothing()
    {
        using var dispatcher = await Demo("dispatcher1");
        var (lat, lon, _) = await SomewhereAsync(dispatcher, 2);
        var id = (await TakeAlarmAsync(dispatcher, lat, lon, "全部返队权限测试"))["id"]!.GetValue<long>();
        var unit = (await FreeUnitsAsync(dispatcher, 1)).Single();
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.PostAsync($"/api/incidents/{id}/dispatch",
            new { units = new[] { new { unitId = unit } } })).StatusCode);

        using var viewer = await Demo("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/incidents/{id}/release-all", new { })).StatusCode);
        using var other = await Demo("dispatcher2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/incidents/{id}/release-all", new { })).StatusCode);
        Assert.Equal(20, await StatusOf(dispatcher, unit));
        Assert.Null((await dispatcher.GetJsonAsync($"/api/incidents/{id}"))["assignments"]!.AsArray().Single()!["clearedAt"]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteReleaseAllTests(SqliteHost host) : ReleaseAllTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresReleaseAllTests(PostgresHost host) : ReleaseAllTests<PostgresHost>(host);
