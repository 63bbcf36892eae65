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
        var generator = await CreateGeneratorAsync(o, ct);
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

    private async Task<CallGenerator> CreateGeneratorAsync(DemoOptions o, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
        var demand = await db.Settlements.AsNoTracking()
            .Select(s => new { s.Location, s.Name, s.Population, s.Kind }).ToListAsync(ct);
        return new CallGenerator(
            [.. demand.Select(s => new DemandPoint(new GeoPoint(s.Location.Y, s.Location.X), s.Name, s.Population,
                s.Kind is SettlementKind.City or SettlementKind.CountySeat))],
            o.SimulatedCallsPerHour, o.Seed);
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "Demo simulation step failed")]
    private static partial void LogTickFailed(ILogger logger, Exception e);
}
