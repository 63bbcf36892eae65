using FireCommand.Core.Map;
using FireCommand.Geo;

namespace FireCommand.Core.Dispatch.Simulation;

/// <summary>
/// Where demo calls come from: the settlements, weighted by population. A province package whose
/// extract has no <c>place=*</c> (a city district cut out of a larger city) has no settlements; its
/// calls then come from its named streets, each street once at the middle of one of its pieces, so a
/// corps training on such a map still gets calls across it.
/// </summary>
public static class DemandPoints
{
    /// <summary>At most this many streets stand in for missing settlements (evenly chosen by name).</summary>
    public const int MaxStreets = 400;

    public static IReadOnlyList<DemandPoint> From(IEnumerable<Settlement> settlements, Func<IEnumerable<RoadSegment>> roads)
    {
        var fromSettlements = settlements.Select(s => new DemandPoint(new GeoPoint(s.Location.Y, s.Location.X), s.Name, s.Population,
            s.Kind is SettlementKind.City or SettlementKind.CountySeat)).ToList();
        if (fromSettlements.Count > 0) return fromSettlements;

        var streets = roads().Where(r => !string.IsNullOrWhiteSpace(r.Name) && r.Geometry.NumPoints > 0)
            .GroupBy(r => r.Name!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                // The longest piece's middle vertex: on the street, whatever its shape.
                var piece = g.MaxBy(r => r.LengthMeters)!.Geometry;
                var middle = piece.GetCoordinateN(piece.NumPoints / 2);
                return new DemandPoint(new GeoPoint(middle.Y, middle.X), g.Key, 1, Urban: true);
            }).ToList();
        if (streets.Count <= MaxStreets) return streets;
        var step = (double)streets.Count / MaxStreets;
        return [.. Enumerable.Range(0, MaxStreets).Select(i => streets[(int)(i * step)])];
    }
}
