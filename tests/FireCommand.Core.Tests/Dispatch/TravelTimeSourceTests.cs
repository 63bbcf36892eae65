using FireCommand.Core.Dispatch;
using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Core.Resources;
using FireCommand.Geo;
using FireCommand.Geo.Routing;

namespace FireCommand.Core.Tests.Dispatch;

public class TravelTimeSourceTests
{
    private static readonly RoutingEngine Engine = TestRoad.Engine;
    private static readonly GeoPoint Start = TestRoad.Start;
    private static GeoPoint East(double km) => TestRoad.East(km);
    private static GeoPoint North(GeoPoint p, double meters) => TestRoad.North(p, meters);

    private static readonly UnitPosition[] Units =
    [
        new(1, East(1)), new(2, East(3)), new(3, North(East(2), 50)), new(4, North(East(5), 5000)), new(5, new GeoPoint(double.NaN, 0)),
    ];

    [Fact]
    public void TravelTimesTo_GivesRoadSecondsForUnitsOnTheNetwork_NearestFastest()
    {
        var times = new TravelTimeSource(Engine).TravelTimesTo(Start, Units);
        Assert.True(times[1].Seconds < times[3].Seconds);
        Assert.True(times[3].Seconds < times[2].Seconds);
        // Same figures as the engine's own search, in seconds.
        var positions = new[] { East(1), East(3) }.Select(p => Engine.Snap(p).Position!.Value).ToList();
        var raw = Engine.TravelTimesTo(Engine.Snap(Start).Position!.Value, positions);
        Assert.Equal(raw.Single(t => t.UnitIndex == 0).Time / 10.0, times[1].Seconds);
        Assert.Equal(raw.Single(t => t.UnitIndex == 1).Time / 10.0, times[2].Seconds);
    }

    [Fact]
    public void TravelTimesTo_IncludesTheOffRoadLeg()
    {
        var times = new TravelTimeSource(Engine).TravelTimesTo(Start, [new UnitPosition(1, East(2)), new UnitPosition(2, North(East(2), 100))]);
        // 100 m at the profile's 10 km/h off-road speed is 36 s.
        Assert.Equal(36, times[2].Seconds!.Value - times[1].Seconds!.Value, 0.5);
    }

    [Fact]
    public void TravelTimesTo_MarksUnitsFarFromAnyRoadOrWithBadFixes_AsOffTheNetwork()
    {
        var times = new TravelTimeSource(Engine).TravelTimesTo(Start, Units);
        Assert.Equal(UnreachableReason.UnitNotOnRoadNetwork, times[4].Unreachable);
        Assert.Equal(UnreachableReason.UnitNotOnRoadNetwork, times[5].Unreachable);
        Assert.False(times[4].IsReachable);
    }

    [Fact]
    public void TravelTimesTo_WhenTheIncidentIsFarFromAnyRoad_MarksEveryUnitWithThatReason()
    {
        var times = new TravelTimeSource(Engine).TravelTimesTo(North(Start, 3000), Units);
        Assert.Equal(UnreachableReason.IncidentNotOnRoadNetwork, times[1].Unreachable);
        Assert.Equal(UnreachableReason.IncidentNotOnRoadNetwork, times[2].Unreachable);
    }

    [Fact]
    public void TravelTimesTo_BeyondTheTimeLimit_IsUnreachable()
    {
        var limit = new TravelTimeSource(Engine).TravelTimesTo(Start, Units)[1].Seconds!.Value + 1;
        var times = new TravelTimeSource(Engine, new TravelTimeOptions { LimitSeconds = limit }).TravelTimesTo(Start, Units);
        Assert.True(times[1].IsReachable);
        Assert.Equal(UnreachableReason.BeyondTimeLimit, times[2].Unreachable);
    }

    [Fact]
    public void TravelTimesTo_WithK_StopsAtTheKFastest_AndSaysTheRestWereNotComputed()
    {
        var times = new TravelTimeSource(Engine, new TravelTimeOptions { MaxUnits = 1 }).TravelTimesTo(Start, Units);
        Assert.True(times[1].IsReachable);
        Assert.Equal(UnreachableReason.NotComputed, times[2].Unreachable);
        Assert.Equal(UnreachableReason.NotComputed, times[3].Unreachable);
    }

    [Fact]
    public void SnappedUnits_CanBeReusedForManyIncidents()
    {
        var source = new TravelTimeSource(Engine);
        var snapped = source.Snap(Units);
        Assert.Equal(3, snapped.Count);
        Assert.Equal(source.TravelTimesTo(East(4), Units)[2], source.TravelTimesTo(East(4), snapped)[2]);
    }

    [Fact]
    public void TravelTimesTo_FeedsTheRecommender()
    {
        var times = new TravelTimeSource(Engine).TravelTimesTo(Start, Units);
        var units = Units.Select(u => RecommendationBuilder.Unit(u.UnitId, UnitCapability.Water)).ToList();
        var request = new RecommendationRequest(new RecommendationIncident(Start, 1, IncidentType.Fire, 1),
            [RecommendationBuilder.Slot(UnitCapability.Water, 2)], units, times, new Dictionary<long, int>());
        Assert.Equal([1, 3], UnitRecommender.Recommend(request).Units.Select(u => u.UnitId));
    }
}
