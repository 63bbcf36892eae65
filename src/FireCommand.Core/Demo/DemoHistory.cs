using FireCommand.Core.Dispatch;
using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Core.Dispatch.Simulation;
using FireCommand.Core.Map;
using FireCommand.Core.Resources;
using FireCommand.Core.Shared;
using FireCommand.Geo;
using FireCommand.Geo.Graph;
using FireCommand.Geo.Routing;
using Assignment = FireCommand.Core.Dispatch.Assignment;

namespace FireCommand.Core.Demo;

/// <summary>
/// A month of past incidents for the demo, so the overview dashboard has history from the first
/// start: calls drawn like the live simulator's (by population and hour), the nearest suitable units
/// by real road travel time, and intervals drawn around realistic medians (call processing ~1 min,
/// turnout ~1 min, travel from the road network). Every incident is closed. Explicit ids from 1,
/// like the province itself. Works on the generated demo province and on a province package alike
/// (a corps training on its own map gets its own history). Not thread-safe (one call, one random source).
/// </summary>
public static class DemoHistory
{
    public sealed record History(IReadOnlyList<Incident> Incidents, IReadOnlyList<Alarm> Alarms, IReadOnlyList<Assignment> Assignments);

    /// <summary>What the history is drawn on: the roads as a routing network, and the province's records with their ids.</summary>
    public sealed record Setting(RoadNetwork Network, IReadOnlyList<Jurisdiction> Jurisdictions, IReadOnlyList<Station> Stations,
        IReadOnlyList<Unit> Units, IReadOnlyList<Settlement> Settlements, IReadOnlyList<RoadSegment> Roads);

    public static History Generate(DemoProvince province, DateTimeOffset now, int days, int seed, CorpsCalendar? calendar = null) =>
        Generate(new Setting(ProvinceRoadGraph.Build(province.RoadSegments).Network, province.Jurisdictions, province.Stations,
            province.Units, province.Settlements, province.RoadSegments), now, days, seed, calendar);

    /// <summary>The history on any geography; calls come from where <see cref="DemandPoints"/> says.</summary>
    public static History Generate(Setting province, DateTimeOffset now, int days, int seed, CorpsCalendar? calendar = null)
    {
        var random = new Random(seed);
        var demand = DemandPoints.From(province.Settlements, () => province.Roads);
        if (days <= 0 || demand.Count == 0) return new History([], [], []);
        var travel = new TravelTimeSource(new RoutingEngine(province.Network), new TravelTimeOptions { LimitSeconds = 3600, MaxUnits = 3 });
        var locator = new Map.JurisdictionLocator(province.Jurisdictions);
        var stations = province.Stations.ToDictionary(s => s.Id);
        var engines = province.Units.Where(u => u.Capabilities.HasFlag(UnitCapability.Water) || u.Capabilities.HasFlag(UnitCapability.Rescue))
            .ToList();
        var snapped = travel.Snap([.. engines.Select(u => new UnitPosition(u.Id, new GeoPoint(u.Position.Y, u.Position.X)))]);
        var calls = new CallGenerator(demand, callsPerHour: 1.6, seed);

        var incidents = new List<Incident>();
        var alarms = new List<Alarm>();
        var assignments = new List<Assignment>();
        calendar ??= CorpsCalendar.Default;
        var start = calendar.StartOf(calendar.DayOf(now).AddDays(-days));
        for (var hour = start; hour < now.AddHours(-2); hour = hour.AddHours(1))
        {
            foreach (var call in calls.Next(hour, TimeSpan.FromHours(1)))
            {
                var received = hour.AddSeconds(random.Next(3600)).ToUniversalTime();
                var at = Geography.Point(call.Location.Latitude, call.Location.Longitude);
                if (locator.Locate(at) is not { } jurisdiction) continue;
                var times = travel.TravelTimesTo(call.Location, snapped).Where(t => t.Value.IsReachable)
                    .OrderBy(t => t.Value.Seconds).Take(call.Type == IncidentType.Fire ? 2 : 1).ToList();
                if (times.Count == 0) continue;

                var id = incidents.Count + 1;
                var dispatched = received.AddSeconds(LogNormal(random, 55, 0.45));
                var incident = new Incident
                {
                    Id = id, Number = IncidentNumber.For(received, id, calendar), Type = call.Type, Subtype = call.Subtype,
                    Location = at, Address = call.Address, Description = call.Description, Trapped = call.Trapped,
                    JurisdictionId = jurisdiction, ReceivedAt = received, Source = AlarmSource.Call119,
                };
                DateTimeOffset? firstArrival = null;
                var cleared = dispatched;
                foreach (var (unitId, t) in times)
                {
                    var unit = engines.First(u => u.Id == unitId);
                    var enRoute = dispatched.AddSeconds(LogNormal(random, 50, 0.35));
                    var onScene = enRoute.AddSeconds(t.Seconds!.Value * (0.9 + 0.3 * random.NextDouble()));
                    var done = onScene.AddMinutes(call.Type == IncidentType.Fire ? 20 + random.Next(60) : 8 + random.Next(25));
                    firstArrival = firstArrival is { } f && f < onScene ? f : onScene;
                    cleared = done > cleared ? done : cleared;
                    assignments.Add(new Assignment
                    {
                        Id = assignments.Count + 1, IncidentId = id, UnitId = unit.Id, Slot = "首批力量",
                        EtaSeconds = (int)t.Seconds.Value, DispatchedAt = dispatched, EnRouteAt = enRoute, OnSceneAt = onScene,
                        ClearedAt = done, DispatchedBy = "demo", JurisdictionId = jurisdiction,
                        CrossJurisdiction = stations[unit.HomeStationId].JurisdictionId != jurisdiction,
                    });
                }
                incident.Restore(IncidentState.Closed, dispatched, firstArrival, cleared, "处置完毕（演示历史）");
                incidents.Add(incident);
                alarms.Add(new Alarm
                {
                    Id = alarms.Count + 1, IncidentId = id, Source = AlarmSource.Call119, CallerNumber = call.CallerNumber,
                    ReportedLocation = at, AddressText = call.Address, Type = call.Type, Subtype = call.Subtype,
                    Description = call.Description, Trapped = call.Trapped, ReceivedAt = received, TakenBy = "demo",
                    JurisdictionId = jurisdiction,
                });
            }
        }
        return new History(incidents, alarms, assignments);
    }

    /// <summary>A positive duration around <paramref name="median"/> seconds with a long right tail, as response intervals have.</summary>
    private static double LogNormal(Random random, double median, double sigma)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return median * Math.Exp(sigma * normal);
    }
}
