using FireCommand.Core.Analytics;
using FireCommand.Core.Data;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Resources;
using FireCommand.Core.Shared;
using FireCommand.Web.Map;
using FireCommand.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Analytics;

/// <summary>
/// The overview dashboard's figures for the caller's jurisdiction: incidents by type and day,
/// response-time distributions against the standards (percentiles over raw samples, DESIGN §5),
/// units by status and current 5-minute coverage.
/// </summary>
public static class Overview
{
    public sealed record DayCount(string Day, IncidentType Type, int Count);
    /// <summary>A histogram bin; <c>ToSeconds</c> is null for the open last bin.</summary>
    public sealed record Bin(double FromSeconds, double? ToSeconds, int Count);
    public sealed record IntervalView(ResponseInterval Interval, int Count, double? P50, double? P90, double? P95,
        double ObjectiveSeconds, double? ShareWithin, string Citation, IReadOnlyList<Bin> Histogram);
    public sealed record StatusCount(int Status, int Count);
    public sealed record CoverageFigure(int Minutes, double? CoveredPopulationShare);
    /// <summary><c>TimeZone</c> is the corps' IANA zone that <c>IncidentsByDay</c> counts days in.</summary>
    public sealed record OverviewView(DateTimeOffset From, DateTimeOffset To, string TimeZone, IReadOnlyList<DayCount> IncidentsByDay,
        IReadOnlyList<IntervalView> ResponseTimes, IReadOnlyList<StatusCount> UnitsByStatus, CoverageFigure Coverage);

    private static readonly ApparatusType[] Engines =
        [ApparatusType.WaterTender, ApparatusType.MainPumper, ApparatusType.Foam];

    public static IEndpointRouteBuilder MapAnalytics(this RouteGroupBuilder api)
    {
        api.MapGet("/analytics/overview", Handle).WithTags("Analytics");
        return api;
    }

    public static async Task<Results<Ok<OverviewView>, ValidationProblem>> Handle(int? days, FireCommandDbContext db,
        CoverageLayer coverage, TimeProvider clock, CorpsCalendar calendar, CancellationToken ct)
    {
        if (days is < 1 or > 366) return new Validation().Add("days", "days must be between 1 and 366.").Problem();
        var (from, to) = Period(clock.GetUtcNow(), days ?? 30, calendar);
        var since = from.ToUniversalTime(); // PostgreSQL's timestamptz takes instants in UTC only
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.ReceivedAt >= since)
            .Select(i => new { i.Id, i.Type, i.ReceivedAt }).ToListAsync(ct);
        var ids = incidents.Select(i => i.Id).ToList();
        var units = await db.Assignments.AsNoTracking().Where(a => ids.Contains(a.IncidentId))
            .Join(db.Units.IgnoreQueryFilters(), a => a.UnitId, u => u.Id, (a, u) => new { a, u.Type }).ToListAsync(ct);
        var byIncident = units.ToLookup(x => x.a.IncidentId);

        var byDay = CountByDay(incidents.Select(i => (i.ReceivedAt, i.Type)), calendar);

        var statistics = ResponseTimeStatistics.Compute(incidents.Select(i => new CallTimeline(
            i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), i.ReceivedAt,
            i.Type == IncidentType.Fire ? ResponseClass.Fire : ResponseClass.Ems,
            [.. byIncident[i.Id].Select(x => new UnitTimeline(x.a.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Engines.Contains(x.Type), x.a.DispatchedAt, x.a.EnRouteAt, x.a.OnSceneAt))])));
        var intervals = ResponseStandards.Default.GroupBy(s => s.Interval).Select(g => g.First())
            .Append(new ResponseStandard(ResponseInterval.Travel, 240, 240, 0.9, "NFPA 1710: travel ≤ 240 s"))
            .OrderBy(s => s.Interval)
            .Select(s => View(statistics[s.Interval], s)).ToList();

        var statuses = await db.Units.AsNoTracking().GroupBy(u => u.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var covered = await coverage.GetAsync(db, 5, clock, ct);
        return TypedResults.Ok(new OverviewView(from, to, calendar.ZoneId, byDay, intervals,
            [.. statuses.OrderBy(s => s.Key).Select(s => new StatusCount(s.Key.Code(), s.Count))],
            new CoverageFigure(5, covered?.CoveredPopulationShare)));
    }

    /// <summary>
    /// "The last n days" are n whole days of the corps' calendar, today included: from the corps'
    /// midnight n − 1 days ago until now.
    /// </summary>
    public static (DateTimeOffset From, DateTimeOffset To) Period(DateTimeOffset now, int days, CorpsCalendar calendar) =>
        (calendar.StartOf(calendar.DayOf(now).AddDays(-(days - 1))), now);

    /// <summary>Incidents per corps' calendar day and type, ordered by day and type.</summary>
    public static IReadOnlyList<DayCount> CountByDay(IEnumerable<(DateTimeOffset ReceivedAt, IncidentType Type)> incidents,
        CorpsCalendar calendar) =>
        [.. incidents.GroupBy(i => (Day: calendar.DayKey(i.ReceivedAt), i.Type))
            .OrderBy(g => g.Key.Day, StringComparer.Ordinal).ThenBy(g => g.Key.Type)
            .Select(g => new DayCount(g.Key.Day, g.Key.Type, g.Count()))];

    private static IntervalView View(IntervalStatistics s, ResponseStandard standard)
    {
        var objective = standard.FireSeconds;
        if (s.Count == 0) return new IntervalView(s.Interval, 0, null, null, null, objective, null, standard.Citation, []);
        // Bins of a tenth of the objective up to three times it, and one open bin beyond, from the raw samples.
        var width = objective / 10;
        var bins = new List<Bin>();
        for (var k = 0; k < 30; k++)
        {
            var lo = k * width;
            var hi = lo + width;
            bins.Add(new Bin(lo, hi, (int)Math.Round((s.ShareWithin(hi) - (k == 0 ? 0 : s.ShareWithin(lo))) * s.Count)));
        }
        bins.Add(new Bin(30 * width, null, (int)Math.Round((1 - s.ShareWithin(30 * width)) * s.Count)));
        return new IntervalView(s.Interval, s.Count, s.P50, s.P90, s.P95, objective, s.ShareWithin(objective), standard.Citation, bins);
    }
}
