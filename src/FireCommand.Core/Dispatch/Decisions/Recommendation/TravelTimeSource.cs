using FireCommand.Geo;
using FireCommand.Geo.Graph;
using FireCommand.Geo.Routing;
using FireCommand.Geo.Snapping;

namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>Settings of <see cref="TravelTimeSource"/>. Immutable.</summary>
public sealed record TravelTimeOptions
{
    /// <summary>Search bound: units farther than this are reported <see cref="UnreachableReason.BeyondTimeLimit"/>.
    /// 30 minutes covers every first alarm and most reinforcement; raise it for remote counties.</summary>
    public double LimitSeconds { get; init; } = 1800;

    /// <summary>Stop once this many of the fastest units are certain (K); the rest are
    /// <see cref="UnreachableReason.NotComputed"/>. Unlimited by default: K must exceed the slot count
    /// for every capability, which the time bound already keeps cheap.</summary>
    public int MaxUnits { get; init; } = int.MaxValue;

    /// <summary>How far a unit may be from a road and still be placed on it (its AVL fix, a yard).</summary>
    public double UnitMaxOffRoadMeters { get; init; } = 500;

    /// <summary>How far an incident may be from a road (a farmhouse up a track); the off-road leg is
    /// driven at the profile's off-road speed.</summary>
    public double IncidentMaxOffRoadMeters { get; init; } = 1000;
}

/// <summary>A unit's id and position. Immutable value.</summary>
/// <param name="UnitId">Unit id.</param>
/// <param name="Position">Position, WGS-84.</param>
public readonly record struct UnitPosition(long UnitId, GeoPoint Position);

/// <summary>Unit positions placed on the road network, reusable for many incidents while units do not move.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class SnappedUnits
{
    internal SnappedUnits(long[] onRoadIds, RoadPosition[] onRoad, long[] offRoadIds)
    {
        OnRoadIds = onRoadIds; OnRoad = onRoad; OffRoadIds = offRoadIds;
    }

    internal long[] OnRoadIds { get; }
    internal RoadPosition[] OnRoad { get; }
    internal long[] OffRoadIds { get; }

    /// <summary>Units placed on a road.</summary>
    public int Count => OnRoadIds.Length;
}

/// <summary>
/// Travel times from units to an incident with FireCommand.Geo's <see cref="RoutingEngine"/>: one
/// backward search from the incident, bounded by time and K, snapping positions with their off-road
/// leg. Produces the <see cref="RecommendationRequest.TravelTimes"/> dictionary.
/// </summary>
/// <remarks>Thread-safe: the engine is, and this class holds no mutable state.</remarks>
public sealed class TravelTimeSource
{
    private readonly RoutingEngine _engine;
    private readonly TravelTimeOptions _options;
    private readonly int _limit;

    /// <summary>Creates a source over <paramref name="engine"/>, whose graph must carry times (deciseconds).</summary>
    /// <exception cref="ArgumentException">The graph's weights are nominal (DIMACS), not times.</exception>
    public TravelTimeSource(RoutingEngine engine, TravelTimeOptions? options = null)
    {
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _options = options ?? new TravelTimeOptions();
        _limit = engine.Graph.TimeUnit.FromSeconds(_options.LimitSeconds)
            ?? throw new ArgumentException("The graph's weights are not travel times.", nameof(engine));
    }

    /// <summary>Places units on the road network; a unit with no road within reach, or with an
    /// invalid position, is kept as off-road (unreachable).</summary>
    public SnappedUnits Snap(IReadOnlyList<UnitPosition> units) => Snap(units, null);

    /// <summary>As <see cref="Snap(IReadOnlyList{UnitPosition})"/>, reusing the placements in
    /// <paramref name="cache"/> of units that have not moved since they were placed.</summary>
    /// <exception cref="ArgumentException">The cache belongs to another road network or off-road reach.</exception>
    public SnappedUnits Snap(IReadOnlyList<UnitPosition> units, UnitSnapCache? cache)
    {
        if (cache is not null && (cache.Engine != _engine || cache.MaxOffRoadMeters != _options.UnitMaxOffRoadMeters))
            throw new ArgumentException("The cache belongs to another road network or off-road reach.", nameof(cache));
        var ids = new List<long>(units.Count); var positions = new List<RoadPosition>(units.Count); var off = new List<long>();
        foreach (var u in units)
        {
            var placed = cache is not null ? cache.Place(u)
                : u.Position.IsValid ? _engine.Snap(u.Position, _options.UnitMaxOffRoadMeters).Position : null;
            if (placed is { } p)
            {
                ids.Add(u.UnitId);
                positions.Add(p);
            }
            else off.Add(u.UnitId);
        }
        return new SnappedUnits(ids.ToArray(), positions.ToArray(), off.ToArray());
    }

    /// <summary>Snaps <paramref name="units"/> and computes their travel times to <paramref name="incident"/>.</summary>
    public IReadOnlyDictionary<long, UnitTravel> TravelTimesTo(GeoPoint incident, IReadOnlyList<UnitPosition> units) =>
        TravelTimesTo(incident, Snap(units));

    /// <summary>The shared placement cache of this source's road network and off-road reach.</summary>
    public UnitSnapCache SharedSnapCache() => UnitSnapCache.For(_engine, _options.UnitMaxOffRoadMeters);

    /// <summary>Travel times of already snapped units to <paramref name="incident"/>.</summary>
    /// <exception cref="ArgumentException">The incident coordinate is not a valid WGS-84 point.</exception>
    public IReadOnlyDictionary<long, UnitTravel> TravelTimesTo(GeoPoint incident, SnappedUnits units)
    {
        if (!incident.IsValid) throw new ArgumentException($"Invalid incident coordinate {incident}.", nameof(incident));
        var result = new Dictionary<long, UnitTravel>(units.OnRoadIds.Length + units.OffRoadIds.Length);
        foreach (var id in units.OffRoadIds) result[id] = UnitTravel.UnreachableBecause(UnreachableReason.UnitNotOnRoadNetwork);
        if (_engine.Snap(incident, _options.IncidentMaxOffRoadMeters).Position is not { } target)
        {
            foreach (var id in units.OnRoadIds) result[id] = UnitTravel.UnreachableBecause(UnreachableReason.IncidentNotOnRoadNetwork);
            return result;
        }
        var found = _engine.TravelTimesTo(target, units.OnRoad, _options.MaxUnits, _limit);
        foreach (var t in found)
            result[units.OnRoadIds[t.UnitIndex]] = UnitTravel.Reachable(_engine.Graph.TimeUnit.ToSeconds(t.Time)!.Value);
        // Fewer than K found means the search ran to its bound; exactly K means it stopped early.
        var missing = found.Count >= _options.MaxUnits ? UnreachableReason.NotComputed : UnreachableReason.BeyondTimeLimit;
        foreach (var id in units.OnRoadIds) result.TryAdd(id, UnitTravel.UnreachableBecause(missing));
        return result;
    }
}
