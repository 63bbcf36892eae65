using FireCommand.Core.Data;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Dispatch.Simulation;
using FireCommand.Core.Map;
using FireCommand.Core.Shared;
using FireCommand.Geo;
using FireCommand.Web.Hosting;
using FireCommand.Web.Map;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Dispatch.Simulation;

/// <summary>
/// Keeps the demo province alive: callers ring 119, the dispatcher's recommendation is sent, units
/// turn out, drive their routes, work, and come home. Every step goes through the same handlers as
/// a console's actions, so the simulation is audited and pushed to consoles like real work.
/// Runs only in demo mode with Demo:Simulate on.
/// </summary>
public sealed partial class DemoSimulator(IServiceScopeFactory scopes, ProvinceGeography geography, TimeProvider clock,
    IOptions<DemoOptions> options, CorpsCalendar calendar, ILogger<DemoSimulator> log) : BackgroundService
{
    private readonly UnitScript _script = new(geography);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled || !o.Simulate) return;
        if (await CreateGeneratorAsync(o, ct) is not { } generator)
        {
            LogNoDemand(log);
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(o.SimulationTickSeconds), clock);
        var last = clock.GetUtcNow();
        while (await timer.WaitForNextTickAsync(ct))
        {
            var now = clock.GetUtcNow();
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var calls = generator.Next(calendar.Local(now), now - last);
                foreach (var call in calls) await SimulatedDispatcher.HandleCallAsync(scope.ServiceProvider, call, ct);
                await _script.AdvanceAsync(scope.ServiceProvider, now, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogTickFailed(log, e);
            }
            last = now;
        }
    }

    private async Task<CallGenerator?> CreateGeneratorAsync(DemoOptions o, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
        var settlements = await db.Settlements.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        var roads = settlements.Count > 0 ? [] : await db.RoadSegments.AsNoTracking().Where(r => r.Name != null).ToListAsync(ct);
        var demand = DemandPoints.From(settlements, () => roads);
        return demand.Count == 0 ? null : new CallGenerator(demand, o.SimulatedCallsPerHour, o.Seed);
    }

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning,
        Message = "Demo simulation off: the province has neither settlements nor named streets for calls to come from")]
    private static partial void LogNoDemand(ILogger logger);

    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "Demo simulation step failed")]
    private static partial void LogTickFailed(ILogger logger, Exception e);
}
