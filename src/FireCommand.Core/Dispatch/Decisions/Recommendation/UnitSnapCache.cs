using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FireCommand.Geo;
using FireCommand.Geo.Routing;
using FireCommand.Geo.Snapping;

namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>
/// Remembers where each unit was placed on the road network, so a recommendation snaps only the
/// units that moved since the last one instead of all of them (snapping several hundred units took
/// some 60 times longer than the search and the assignment together). One cache belongs to one road
/// network and one off-road reach: a new geography snapshot gets a new cache.
/// </summary>
/// <remarks>
/// An entry is keyed by the unit and holds the exact position it was snapped from; it answers only
/// when the position asked about is that same position. A unit that moved is snapped again, so the
/// cache can never place a unit where it no longer is, and needs no invalidation from the places that
/// move units. Status is not cached at all: candidates and their statuses are read fresh each time.
/// Thread-safe: entries are immutable and replaced whole.
/// </remarks>
public sealed class UnitSnapCache
{
    private static readonly ConditionalWeakTable<RoutingEngine, ConcurrentDictionary<double, UnitSnapCache>> PerNetwork = [];

    private readonly ConcurrentDictionary<long, Entry> _entries = new();

    /// <summary>Creates an empty cache for <paramref name="engine"/>'s road network.</summary>
    public UnitSnapCache(RoutingEngine engine, double maxOffRoadMeters)
    {
        Engine = engine ?? throw new ArgumentNullException(nameof(engine));
        MaxOffRoadMeters = maxOffRoadMeters;
    }

    /// <summary>The shared cache of <paramref name="engine"/>'s network for this off-road reach; it lives
    /// as long as the network does, so a reloaded geography starts with an empty one.</summary>
    public static UnitSnapCache For(RoutingEngine engine, double maxOffRoadMeters) =>
        PerNetwork.GetOrCreateValue(engine).GetOrAdd(maxOffRoadMeters, reach => new UnitSnapCache(engine, reach));

    public RoutingEngine Engine { get; }
    public double MaxOffRoadMeters { get; }

    /// <summary>Units whose placement was computed (not found in the cache) since creation.</summary>
    public long Misses => Interlocked.Read(ref _misses);
    private long _misses;

    /// <summary>Where <paramref name="unit"/> sits on the road network (null: no road within reach).</summary>
    public RoadPosition? Place(UnitPosition unit)
    {
        if (_entries.TryGetValue(unit.UnitId, out var known) && known.From == unit.Position) return known.Placed;
        Interlocked.Increment(ref _misses);
        var placed = unit.Position.IsValid ? Engine.Snap(unit.Position, MaxOffRoadMeters).Position : null;
        _entries[unit.UnitId] = new Entry(unit.Position, placed);
        // Units deleted or renumbered leave entries behind; a generous bound keeps that from growing.
        if (_entries.Count > 100_000) _entries.Clear();
        return placed;
    }

    private sealed record Entry(GeoPoint From, RoadPosition? Placed);
}
