using System.Net;
using FireCommand.Core.Data;
using FireCommand.Core.Resources;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FireCommand.Web.Tests.Dispatch.DispatchTestData;

namespace FireCommand.Web.Tests.Dispatch;

/// <summary>
/// What the alarm → recommendation path may and may not take as known: an alarm's answer is what
/// was stored, a recommendation reads every unit's status as it is now (whoever changed it), and its
/// reads stay inside the caller's jurisdiction.
/// </summary>
public abstract class CallSurgePathTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    [Fact]
    public async Task NewAlarm_AnswersWithTheIncidentAsStored()
    {
        using var dispatcher = await Demo("dispatcher");
        var (lat, lon, _) = await SomewhereAsync(dispatcher, 5);
        var answered = await TakeAlarmAsync(dispatcher, lat, lon, "应答一致测试路3号");

        var stored = await dispatcher.GetJsonAsync($"/api/incidents/{answered["id"]!.GetValue<long>()}");
        Assert.Equal(stored.ToJsonString(), answered.ToJsonString());
    }

    [Fact]
    public async Task Recommendation_AfterAnotherNodeTakesTheFirstPickOutOfService_OffersItNoMore()
    {
        using var dispatcher = await Demo("dispatcher");
        var (lat, lon, _) = await SomewhereAsync(dispatcher, 6);
        var id = (await TakeAlarmAsync(dispatcher, lat, lon, "状态新鲜测试路5号"))["id"]!.GetValue<long>();
        var before = (await dispatcher.GetJsonAsync($"/api/incidents/{id}/recommendation"))["recommendation"]!["units"]!.AsArray();
        Assert.NotEmpty(before);
        var first = before[0]!["unitId"]!.GetValue<long>();

        // Another node shares the database: its change reaches this one only through the database.
        await using (var node = Host.Factory.Services.CreateAsyncScope())
        {
            var db = node.ServiceProvider.GetRequiredService<FireCommandDbContext>();
            var unit = await db.Units.IgnoreQueryFilters().SingleAsync(u => u.Id == first);
            unit.ChangeStatus(UnitStatus.UnderRepair, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        try
        {
            var after = (await dispatcher.GetJsonAsync($"/api/incidents/{id}/recommendation"))["recommendation"]!["units"]!.AsArray();
            Assert.NotEmpty(after);
            Assert.DoesNotContain(after, u => u!["unitId"]!.GetValue<long>() == first);
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await dispatcher.PostAsync($"/api/units/{first}/status", new { status = 10 })).StatusCode);
        }
    }

    [Fact]
    public async Task Recommendation_ForAnotherCitysIncident_IsNotFound_AndOwnPicksStayInTheCity()
    {
        using var city2 = await Demo("dispatcher2");
        using var city1 = await Demo("dispatcher1");
        var (lat2, lon2, _) = await SomewhereAsync(city2);
        var theirs = (await TakeAlarmAsync(city2, lat2, lon2, "竹丰路9号"))["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.NotFound, (await city1.GetAsync($"/api/incidents/{theirs}/recommendation")).StatusCode);

        var (lat1, lon1, _) = await SomewhereAsync(city1);
        var ours = (await TakeAlarmAsync(city1, lat1, lon1, "白江路9号"))["id"]!.GetValue<long>();
        var picks = (await city1.GetJsonAsync($"/api/incidents/{ours}/recommendation"))["recommendation"]!["units"]!.AsArray();
        Assert.NotEmpty(picks);
        var theirUnits = (await city2.GetJsonAsync("/api/units")).AsArray().Select(u => u!["id"]!.GetValue<long>()).ToHashSet();
        Assert.DoesNotContain(picks, p => theirUnits.Contains(p!["unitId"]!.GetValue<long>()));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCallSurgePathTests(SqliteHost host) : CallSurgePathTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCallSurgePathTests(PostgresHost host) : CallSurgePathTests<PostgresHost>(host);
