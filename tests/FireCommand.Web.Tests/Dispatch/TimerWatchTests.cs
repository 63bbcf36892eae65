using System.Text.Json;
using FireCommand.Core.Data;
using FireCommand.Core.Dispatch;
using FireCommand.Web.Dispatch;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static FireCommand.Web.Tests.Dispatch.DispatchTestData;

namespace FireCommand.Web.Tests.Dispatch;

/// <summary>
/// The background timer watch reads every open incident's timers in two queries; each incident's
/// reading must be exactly what the one-incident path (the console's timer panel) reads for it.
/// </summary>
public abstract class TimerWatchTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    [Fact]
    public async Task WatchedTimers_OfEveryOpenIncident_MatchTheOneIncidentReading()
    {
        using var dispatcher = await Demo("dispatcher");
        var (lat, lon, _) = await SomewhereAsync(dispatcher, 4);
        // Two open incidents side by side, one with a unit on it: units must stay with their incident.
        var withUnit = (await TakeAlarmAsync(dispatcher, lat, lon, "计时监视测试1号"))["id"]!.GetValue<long>();
        var without = (await TakeAlarmAsync(dispatcher, lat + 0.001, lon, "计时监视测试2号"))["id"]!.GetValue<long>();
        var unit = (await AvailableUnitsAsync(dispatcher, 1)).Single();
        await dispatcher.PostAsync($"/api/incidents/{withUnit}/dispatch", new { units = new[] { new { unitId = unit } } });

        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
        var timers = scope.ServiceProvider.GetRequiredService<IOptions<DispatchOptions>>().Value.Timers;
        var now = DateTimeOffset.UtcNow.AddMinutes(3);

        var watched = await TimerWatch.WatchedReportsAsync(db, timers, now, CancellationToken.None);

        var open = await db.Incidents.AsNoTracking()
            .Where(i => i.State == IncidentState.Received || i.State == IncidentState.Dispatched).ToListAsync();
        Assert.Equal(open.Select(i => i.Id).Order(), watched.Select(w => w.Incident.Id).Order());
        Assert.Contains(withUnit, open.Select(i => i.Id));
        Assert.Contains(without, open.Select(i => i.Id));
        foreach (var (incident, report) in watched)
        {
            var one = (await IncidentTimers.ReadAsync(db, incident, timers, now, CancellationToken.None))!;
            Assert.Equal(JsonSerializer.Serialize(one), JsonSerializer.Serialize(report));
        }
        var reportOf = watched.ToDictionary(w => w.Incident.Id, w => w.Report);
        Assert.Equal([unit], reportOf[withUnit].Units.Select(u => u.UnitId!.Value).Distinct());
        Assert.Empty(reportOf[without].Units);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteTimerWatchTests(SqliteHost host) : TimerWatchTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresTimerWatchTests(PostgresHost host) : TimerWatchTests<PostgresHost>(host);
