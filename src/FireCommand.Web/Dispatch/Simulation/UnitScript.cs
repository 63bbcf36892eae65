using System.Collections.Concurrent;
using FireCommand.Core.Audit;
using FireCommand.Core.Data;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Dispatch.Simulation;
using FireCommand.Core.Resources;
using FireCommand.Core.Shared;
using FireCommand.Geo;
using FireCommand.Geo.Routing;
using Route = FireCommand.Geo.Routing.Route;
using FireCommand.Web.Map;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Dispatch.Simulation;

/// <summary>
/// What simulated crews do once sent: turn out, drive the fastest route, work a while (longer for
/// bigger fires), drive home. Status changes go through <see cref="ChangeUnitStatus"/>; positions
/// are written as telemetry. Routes are kept in memory; after a restart they are recomputed from
/// where the unit last was. Thread-safe for one simulator loop.
/// </summary>
internal sealed class UnitScript(ProvinceGeography geography)
{
    private readonly ConcurrentDictionary<long, Route> _routes = new();

    private static readonly UnitStatus[] Scripted =
    [
        UnitStatus.Dispatched, UnitStatus.EnRoute, UnitStatus.OnScene, UnitStatus.WaterOn, UnitStatus.WaterOff,
        UnitStatus.Returning,
    ];

    public async Task AdvanceAsync(IServiceProvider sp, DateTimeOffset now, CancellationToken ct)
    {
        var db = sp.GetRequiredService<FireCommandDbContext>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var notifier = sp.GetRequiredService<ConsoleNotifier>();
        var units = await db.Units.Where(u => Scripted.Contains(u.Status)).ToListAsync(ct);
        var ids = units.Select(u => u.Id).ToList();
        var open = await db.Assignments.Where(a => a.ClearedAt == null && ids.Contains(a.UnitId)).ToListAsync(ct);
        var incidentIds = open.Select(a => a.IncidentId).Distinct().ToList();
        var incidents = await db.Incidents.Where(i => incidentIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var homeIds = units.Select(u => u.HomeStationId).Distinct().ToList();
        var homes = await db.Stations.Where(s => homeIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Location, ct);

        foreach (var unit in units)
        {
            var assignment = open.FirstOrDefault(a => a.UnitId == unit.Id);
            var incident = assignment is null ? null : incidents[assignment.IncidentId];
            var since = now - unit.StatusChangedAt;
            var next = Next(unit, incident, since);
            if (unit.Status is UnitStatus.EnRoute && incident is not null)
                next ??= await MoveAsync(db, notifier, unit, incident.Location, UnitStatus.OnScene, since, ct);
            else if (unit.Status is UnitStatus.Returning)
                next ??= await MoveAsync(db, notifier, unit, homes[unit.HomeStationId], UnitStatus.Available, since, ct);
            if (next is not { } status) continue;
            _routes.TryRemove(unit.Id, out _);
            await ChangeUnitStatus.Handle(unit.Id, new ChangeUnitStatus.StatusRequest(status.Code()), db, clock, notifier, ct);
        }
        await CloseFinishedAsync(sp, db, now, ct);
    }

    /// <summary>Time-driven steps; movement steps are decided by <see cref="MoveAsync"/>.</summary>
    private static UnitStatus? Next(Unit unit, Incident? incident, TimeSpan since)
    {
        // Per-unit variety without state: durations come from the unit id, so a replay looks the same.
        var jitter = (unit.Id * 7919 % 100) / 100.0;
        var level = incident?.FireLevel ?? 1;
        return unit.Status switch
        {
            UnitStatus.Dispatched when since.TotalSeconds >= 45 + 45 * jitter => UnitStatus.EnRoute,
            UnitStatus.OnScene when incident?.Type == IncidentType.Fire && since.TotalSeconds >= 60 + 60 * jitter => UnitStatus.WaterOn,
            UnitStatus.OnScene when incident?.Type != IncidentType.Fire && since.TotalMinutes >= 4 + 6 * jitter => UnitStatus.Returning,
            UnitStatus.WaterOn when since.TotalMinutes >= (5 + 5 * jitter) * level => UnitStatus.WaterOff,
            UnitStatus.WaterOff when since.TotalSeconds >= 90 => UnitStatus.Returning,
            // Assignments that vanished (merged, closed) send the unit home.
            UnitStatus.Dispatched or UnitStatus.OnScene or UnitStatus.WaterOn or UnitStatus.WaterOff when incident is null => UnitStatus.Returning,
            _ => null,
        };
    }

    /// <summary>Moves the unit along its route; returns <paramref name="onArrival"/> when it gets there.</summary>
    private async Task<UnitStatus?> MoveAsync(FireCommandDbContext db, ConsoleNotifier notifier, Unit unit,
        NetTopologySuite.Geometries.Point destination, UnitStatus onArrival, TimeSpan since, CancellationToken ct)
    {
        var routing = geography.Current.Routing;
        var target = new GeoPoint(destination.Y, destination.X);
        var route = routing is null ? null : _routes.GetOrAdd(unit.Id, _ => RouteFor(routing, unit, target)!);
        if (route is null || route.Legs.Count == 0)
        {
            _routes.TryRemove(unit.Id, out _);
            unit.Position = (NetTopologySuite.Geometries.Point)destination.Copy();
            return onArrival;
        }
        var elapsed = (int)(since.TotalSeconds * 10);
        var at = elapsed >= route.Time ? target : RouteProgress.PositionAt(route, elapsed);
        unit.Position = Geography.Point(at.Latitude, at.Longitude);
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(ConsoleNotifier.UnitChanged, unit.JurisdictionId, IncidentViews.ToView(unit, null), ct);
        return elapsed >= route.Time ? onArrival : null;
    }

    private static Route? RouteFor(RoutingEngine routing, Unit unit, GeoPoint target)
    {
        var from = routing.Snap(new GeoPoint(unit.Position.Y, unit.Position.X), 2000).Position;
        var to = routing.Snap(target, 2000).Position;
        return from is { } f && to is { } t ? routing.Route(f, t) : null;
    }

    /// <summary>
    /// Incidents the simulation alone worked, whose units have all left the scene a while ago, are
    /// closed as a commander would; one a person took, dispatched, escalated or edited is left to
    /// them (<see cref="SimulatedClosing"/>).
    /// </summary>
    private static async Task CloseFinishedAsync(IServiceProvider sp, FireCommandDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var simulator = sp.GetRequiredService<IAuditActor>().UserName;
        var candidates = await db.Incidents
            .Where(i => (i.State == IncidentState.Working || i.State == IncidentState.Dispatched)
                        && !db.Assignments.Any(a => a.IncidentId == i.Id && a.ClearedAt == null))
            .Select(i => i.Id).ToListAsync(ct);
        foreach (var id in candidates)
        {
            var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var assignments = await db.Assignments.Where(a => a.IncidentId == id)
                .Select(a => new { a.DispatchedBy, a.ClearedAt }).ToListAsync(ct);
            var actors = assignments.Select(a => a.DispatchedBy)
                .Concat(await db.Alarms.Where(a => a.IncidentId == id).Select(a => a.TakenBy).ToListAsync(ct))
                .Concat(await db.AuditEntries.Where(e => e.Entity == nameof(Incident) && e.EntityId == key).Select(e => e.UserName).ToListAsync(ct));
            var lastCleared = assignments.Count == 0 ? null : assignments.Max(a => a.ClearedAt);
            if (!SimulatedClosing.MayClose(simulator, actors, lastCleared, now)) continue;
            await IncidentActions.Close(id, new IncidentActions.CloseRequest("处置完毕，力量归队（演示模拟）", false), db,
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ConsoleNotifier>(), ct);
        }
    }
}
