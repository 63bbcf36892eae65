using FireCommand.Geo.Routing;

namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>
/// Travel times from every station to every station's district point, computed once with the
/// routing engine (one bounded backward search per district) and then looked up by
/// <see cref="MoveUpAdvisor"/>. Stations do not move, so the host can build it at start and after
/// a road-network change.
/// </summary>
/// <remarks>Immutable after <see cref="Compute"/>; thread-safe.</remarks>
public sealed class StationTravelMatrix
{
    private readonly Dictionary<long, int> _index;
    private readonly double?[,] _seconds;

    private StationTravelMatrix(Dictionary<long, int> index, double?[,] seconds)
    {
        _index = index;
        _seconds = seconds;
    }

    /// <summary>Computes the matrix. Pairs farther apart than <paramref name="limitSeconds"/>, or with a
    /// station or district point off the network, have no time.</summary>
    /// <exception cref="ArgumentException">Duplicate station ids.</exception>
    public static StationTravelMatrix Compute(RoutingEngine engine, IReadOnlyList<MoveUpStation> stations, double limitSeconds = 1800)
    {
        var index = new Dictionary<long, int>();
        for (int i = 0; i < stations.Count; i++)
            if (!index.TryAdd(stations[i].StationId, i))
                throw new ArgumentException($"Station {stations[i].StationId} is listed twice.", nameof(stations));
        var source = new TravelTimeSource(engine, new TravelTimeOptions { LimitSeconds = limitSeconds });
        var from = source.Snap(stations.Select(s => new UnitPosition(s.StationId, s.Location)).ToList());
        var seconds = new double?[stations.Count, stations.Count];
        for (int d = 0; d < stations.Count; d++)
            foreach (var (id, travel) in source.TravelTimesTo(stations[d].CoveragePoint, from))
                seconds[index[id], d] = travel.Seconds;
        return new StationTravelMatrix(index, seconds);
    }

    /// <summary>Seconds from station <paramref name="fromStationId"/> to the district point of
    /// <paramref name="toStationId"/>; null when unknown or unreachable. Matches <see cref="StationTravelTime"/>.</summary>
    public double? Seconds(long fromStationId, long toStationId) =>
        _index.TryGetValue(fromStationId, out int a) && _index.TryGetValue(toStationId, out int b) ? _seconds[a, b] : null;
}
