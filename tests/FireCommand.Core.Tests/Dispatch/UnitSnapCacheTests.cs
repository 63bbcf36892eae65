using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Geo;
using FireCommand.Geo.Routing;

namespace FireCommand.Core.Tests.Dispatch;

/// <summary>Placements reused across recommendations must answer exactly as snapping afresh, after any move.</summary>
public class UnitSnapCacheTests
{
    private static readonly RoutingEngine Engine = TestRoad.Engine;
    private static GeoPoint East(double km) => TestRoad.East(km);

    private static IReadOnlyDictionary<long, UnitTravel> Fresh(IReadOnlyList<UnitPosition> units) =>
        new TravelTimeSource(Engine).TravelTimesTo(TestRoad.Start, units);

    private static IReadOnlyDictionary<long, UnitTravel> Cached(UnitSnapCache cache, IReadOnlyList<UnitPosition> units)
    {
        var source = new TravelTimeSource(Engine);
        return source.TravelTimesTo(TestRoad.Start, source.Snap(units, cache));
    }

    [Fact]
    public void UnitThatMoved_IsTimedFromItsNewPosition()
    {
        var cache = new UnitSnapCache(Engine, new TravelTimeOptions().UnitMaxOffRoadMeters);
        UnitPosition[] before = [new(1, East(1)), new(2, East(3))];
        Assert.Equal(Fresh(before), Cached(cache, before));
        Assert.True(Cached(cache, before)[1].Seconds < Cached(cache, before)[2].Seconds);

        // Unit 1 drives on past unit 2: it must now be the slower one, exactly as a fresh snap says.
        UnitPosition[] after = [new(1, East(4)), new(2, East(3))];
        var times = Cached(cache, after);
        Assert.Equal(Fresh(after), times);
        Assert.True(times[1].Seconds > times[2].Seconds);
    }

    [Fact]
    public void UnitThatLeftOrReachedTheRoads_IsPlacedAsItIsNow()
    {
        var cache = new UnitSnapCache(Engine, new TravelTimeOptions().UnitMaxOffRoadMeters);
        UnitPosition[] onRoad = [new(1, East(2))];
        Assert.True(Cached(cache, onRoad)[1].IsReachable);

        UnitPosition[] offRoad = [new(1, TestRoad.North(East(2), 5000))];
        Assert.Equal(UnreachableReason.UnitNotOnRoadNetwork, Cached(cache, offRoad)[1].Unreachable);
        Assert.Equal(Fresh(onRoad), Cached(cache, onRoad));
    }

    [Fact]
    public void UnitsThatDidNotMove_AreNotSnappedAgain()
    {
        var cache = new UnitSnapCache(Engine, new TravelTimeOptions().UnitMaxOffRoadMeters);
        UnitPosition[] units = [new(1, East(1)), new(2, East(3)), new(3, East(5))];
        Cached(cache, units);
        Assert.Equal(3, cache.Misses);
        Cached(cache, [units[0], units[1], new(3, East(6))]);
        Assert.Equal(4, cache.Misses);
    }

    [Fact]
    public void SharedCache_BelongsToOneNetwork()
    {
        var reach = new TravelTimeOptions().UnitMaxOffRoadMeters;
        Assert.Same(UnitSnapCache.For(Engine, reach), UnitSnapCache.For(Engine, reach));
        Assert.NotSame(UnitSnapCache.For(Engine, reach), UnitSnapCache.For(new RoutingEngine(Engine.Network), reach));
        Assert.Throws<ArgumentException>(() => new TravelTimeSource(Engine).Snap([], new UnitSnapCache(Engine, reach + 1)));
    }
}
