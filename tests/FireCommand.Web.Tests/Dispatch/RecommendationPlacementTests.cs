using FireCommand.Core.Data;
using FireCommand.Core.Shared;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FireCommand.Web.Tests.Dispatch.DispatchTestData;

namespace FireCommand.Web.Tests.Dispatch;

/// <summary>Unit placements are reused between recommendations, yet a unit that moved is timed from where it is now.</summary>
public abstract class RecommendationPlacementTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    [Fact]
    public async Task Recommendation_AfterTheFirstPickMovesAway_NoLongerSendsItFromWhereItWas()
    {
        using var dispatcher = await Demo("dispatcher");
        var (lat, lon, _) = await SomewhereAsync(dispatcher, 4);
        var id = (await TakeAlarmAsync(dispatcher, lat, lon, "位置缓存测试路1号"))["id"]!.GetValue<long>();
        var before = (await dispatcher.GetJsonAsync($"/api/incidents/{id}/recommendation"))["recommendation"]!["units"]!.AsArray();
        Assert.NotEmpty(before);
        var moved = before[0]!["unitId"]!.GetValue<long>();
        var eta = before[0]!["etaSeconds"]!.GetValue<double>();

        // The unit (its AVL fix) is now at the station farthest from the incident.
        var far = (await dispatcher.GetJsonAsync("/api/stations")).AsArray()
            .Select(s => (Lat: s!["latitude"]!.GetValue<double>(), Lon: s["longitude"]!.GetValue<double>()))
            .MaxBy(s => Math.Pow(s.Lat - lat, 2) + Math.Pow((s.Lon - lon) * Math.Cos(lat * Math.PI / 180), 2));
        await using (var scope = Host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
            var unit = await db.Units.IgnoreQueryFilters().SingleAsync(u => u.Id == moved);
            unit.Position = Geography.Point(far.Lat, far.Lon);
            await db.SaveChangesAsync();
        }

        var after = (await dispatcher.GetJsonAsync($"/api/incidents/{id}/recommendation"))["recommendation"]!["units"]!.AsArray();
        Assert.DoesNotContain(after, u => u!["unitId"]!.GetValue<long>() == moved && u["etaSeconds"]!.GetValue<double>() <= eta);
        Assert.NotEqual(moved, after.FirstOrDefault()?["unitId"]?.GetValue<long>());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteRecommendationPlacementTests(SqliteHost host) : RecommendationPlacementTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresRecommendationPlacementTests(PostgresHost host) : RecommendationPlacementTests<PostgresHost>(host);
