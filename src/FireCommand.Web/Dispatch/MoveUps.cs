using FireCommand.Core.Data;
using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Core.Resources;
using FireCommand.Geo;
using FireCommand.Web.Map;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Dispatch;

/// <summary>
/// Move-ups (驻防): districts that no available unit reaches within the 5-minute standard after the
/// latest dispatches, and which unit to move where. The station-to-district travel matrix is
/// computed once per road network and station set, then reused. Thread-safe.
/// </summary>
public sealed class MoveUps(ProvinceGeography geography)
{
    private readonly Lock _gate = new();
    private (ProvinceGeography.Snapshot Snapshot, string Key, StationTravelMatrix Matrix)? _cache;

    public static async Task<Results<Ok<MoveUpAdvice>, ProblemHttpResult>> Handle(FireCommandDbContext db, MoveUps moveUps,
        CancellationToken ct)
    {
        if (moveUps.HasNoRoads)
            return TypedResults.Problem(statusCode: 503, title: "No road network", detail: "The platform has no road network loaded.");
        var stations = await db.Stations.AsNoTracking().Where(s => !s.Retired).OrderBy(s => s.Id).ToListAsync(ct);
        var moveUpStations = stations.Select(s => new MoveUpStation(s.Id, s.Name, new GeoPoint(s.Location.Y, s.Location.X),
            s.District is { } d ? new GeoPoint(d.InteriorPoint.Y, d.InteriorPoint.X) : null)).ToList();
        var stationIds = stations.Select(s => s.Id).ToHashSet();
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Status == UnitStatus.Available || u.Status == UnitStatus.Standby).ToListAsync(ct);
        var standby = units.Where(u => stationIds.Contains(u.HomeStationId))
            .Select(u => new StandbyUnit(u.Id, u.CallSign, u.Capabilities,
                u.Status == UnitStatus.Standby ? Nearest(stations, u) : u.HomeStationId)).ToList();
        var matrix = moveUps.MatrixFor(moveUpStations);
        return TypedResults.Ok(MoveUpAdvisor.Suggest(moveUpStations, standby, matrix.Seconds));
    }

    private bool HasNoRoads => geography.Current.Routing is null;

    private StationTravelMatrix MatrixFor(IReadOnlyList<MoveUpStation> stations)
    {
        var snapshot = geography.Current;
        var key = string.Join(",", stations.Select(s => s.StationId));
        lock (_gate)
        {
            if (_cache is { } c && ReferenceEquals(c.Snapshot, snapshot) && c.Key == key) return c.Matrix;
            var matrix = StationTravelMatrix.Compute(snapshot.Routing!, stations);
            _cache = (snapshot, key, matrix);
            return matrix;
        }
    }

    /// <summary>A unit on standby (驻防) is at whichever station it stands nearest to.</summary>
    private static long Nearest(IReadOnlyList<Station> stations, Unit unit) =>
        stations.MinBy(s => s.Location.Distance(unit.Position))!.Id;
}
