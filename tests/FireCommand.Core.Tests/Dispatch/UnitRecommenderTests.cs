using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Core.Resources;
using static FireCommand.Core.Tests.Dispatch.RecommendationBuilder;

namespace FireCommand.Core.Tests.Dispatch;

public class UnitRecommenderTests
{
    private const UnitCapability Water = UnitCapability.Water;
    private const UnitCapability Rescue = UnitCapability.Rescue;
    private const UnitCapability Aerial = UnitCapability.Aerial;

    [Fact]
    public void Recommend_WhenNearestUnitLacksAerial_PicksTheAerialAndExplains()
    {
        var r = UnitRecommender.Recommend(Request([Slot(Aerial, 1)],
            [Unit(1, Water), Unit(2, Aerial | Water), Unit(3, Aerial)],
            new Dictionary<long, double?> { [1] = 60, [2] = 300, [3] = 500 }));

        var pick = Assert.Single(r.Units);
        Assert.Equal(2, pick.UnitId);
        Assert.Equal(300, pick.EtaSeconds);
        Assert.Equal("slot-filled", pick.Reasons[0].Code);
        Assert.Contains("5分0秒", pick.Reasons[0].Chinese);
        Assert.Equal(3, pick.RunnerUp!.UnitId);
        Assert.Equal(500, pick.RunnerUp.EtaSeconds);
        Assert.Equal("runner-up-slower", pick.RunnerUp.Reason.Code);
        Assert.Contains("200", pick.RunnerUp.Reason.English);
        Assert.True(r.IsComplete);
    }

    [Fact]
    public void Recommend_SendsTheDualPurposeUnitWhereItSavesMostTime_NotToTheFirstSlotGreedily()
    {
        // Greedy would send the pumper as a water unit (60 + 100 + 400 = 560 s); the optimum sends it as the rescue unit.
        var r = UnitRecommender.Recommend(Request([Slot(Water, 2), Slot(Rescue, 1)],
            [Unit(1, Water | Rescue), Unit(2, Water), Unit(3, Water), Unit(4, Rescue)],
            new Dictionary<long, double?> { [1] = 60, [2] = 100, [3] = 120, [4] = 400 }));

        Assert.Equal(280, r.TotalCostSeconds);
        Assert.Equal([1, 2, 3], r.Units.Select(u => u.UnitId));
        Assert.Equal(Rescue, r.Units[0].Slot.Requirement.Capabilities);
        Assert.Contains(r.Units[1].Reasons, x => x.Code == "faster-unit-used-elsewhere" && x.English.Contains("U1"));
    }

    [Fact]
    public void Recommend_OrdersPicksByEta()
    {
        var r = UnitRecommender.Recommend(Request([Slot(Water, 3)],
            [Unit(5, Water), Unit(6, Water), Unit(7, Water), Unit(8, Water)],
            new Dictionary<long, double?> { [5] = 300, [6] = 90, [7] = 200, [8] = 900 }));
        Assert.Equal([6, 7, 5], r.Units.Select(u => u.UnitId));
        Assert.Equal(8, r.Units[2].RunnerUp!.UnitId);
    }

    [Theory]
    [InlineData(UnitStatus.Dispatched)]
    [InlineData(UnitStatus.EnRoute)]
    [InlineData(UnitStatus.OnScene)]
    [InlineData(UnitStatus.WaterOn)]
    [InlineData(UnitStatus.WaterShuttle)]
    [InlineData(UnitStatus.UnderRepair)]
    [InlineData(UnitStatus.Decommissioned)]
    public void Recommend_NeverSendsAUnitThatCannotBeDispatched(UnitStatus status)
    {
        var r = UnitRecommender.Recommend(Request([Slot(Water, 1)], [Unit(1, Water, status: status), Unit(2, Water)],
            new Dictionary<long, double?> { [1] = 10, [2] = 500 }));
        Assert.Equal(2, Assert.Single(r.Units).UnitId);
    }

    [Fact]
    public void Recommend_SendsTrainingAndStandbyUnits_AndSaysWhatTheyWereDoing()
    {
        var r = UnitRecommender.Recommend(Request([Slot(Water, 2)], [Unit(1, Water, status: UnitStatus.Training), Unit(2, Water, status: UnitStatus.Standby), Unit(3, Water)],
            new Dictionary<long, double?> { [1] = 10, [2] = 20, [3] = 500 }));
        Assert.Equal([1, 2], r.Units.Select(u => u.UnitId));
        Assert.Contains(r.Units[0].Reasons, x => x.Code == "status-training");
        Assert.Contains(r.Units[1].Reasons, x => x.Code == "status-standby");
    }

    [Fact]
    public void Recommend_SendsReturningUnits_OnlyWhenAllowed()
    {
        var units = new[] { Unit(1, Water, status: UnitStatus.Returning), Unit(2, Water) };
        var eta = new Dictionary<long, double?> { [1] = 30, [2] = 400 };
        Assert.Equal(2, UnitRecommender.Recommend(Request([Slot(Water, 1)], units, eta)).Units.Single().UnitId);
        var allowed = UnitRecommender.Recommend(Request([Slot(Water, 1)], units, eta, options: new RecommendationOptions { AllowReturningUnits = true }));
        Assert.Equal(1, allowed.Units.Single().UnitId);
        Assert.Contains(allowed.Units[0].Reasons, x => x.Code == "status-returning");
    }

    [Fact]
    public void Recommend_PrefersASlightlySlowerUnitToEmptyingAStation()
    {
        var units = new[] { Unit(1, Water, station: 10), Unit(2, Water, station: 20), Unit(3, Water, station: 20) };
        var counts = new Dictionary<long, int> { [10] = 1, [20] = 2 };
        var r = UnitRecommender.Recommend(Request([Slot(Water, 1)], units, new Dictionary<long, double?> { [1] = 100, [2] = 180, [3] = 600 }, counts));

        var pick = Assert.Single(r.Units);
        Assert.Equal(2, pick.UnitId);
        Assert.False(pick.LeavesStationEmpty);
        Assert.Equal(1, pick.RunnerUp!.UnitId);
        Assert.Equal("runner-up-last-unit", pick.RunnerUp.Reason.Code);
    }

    [Fact]
    public void Recommend_EmptiesAStation_WhenTheAlternativeIsMoreThanThePenaltySlower_AndFlagsIt()
    {
        var units = new[] { Unit(1, Water, station: 10), Unit(2, Water, station: 20), Unit(3, Water, station: 20) };
        var counts = new Dictionary<long, int> { [10] = 1, [20] = 2 };
        var r = UnitRecommender.Recommend(Request([Slot(Water, 1)], units, new Dictionary<long, double?> { [1] = 100, [2] = 230, [3] = 600 }, counts));

        var pick = Assert.Single(r.Units);
        Assert.Equal(1, pick.UnitId);
        Assert.True(pick.LeavesStationEmpty);
        Assert.Equal(120, pick.PenaltySeconds);
        Assert.Equal(220, r.TotalCostSeconds);
        Assert.Contains(pick.Reasons, x => x.Code == "leaves-station-empty");
    }

    [Fact]
    public void Recommend_ChargesThePenaltyOnlyWhenTheLastOfSeveralUnitsIsTaken()
    {
        // Both units of station 10 are fastest, but taking both empties it: one comes from station 20 instead.
        var units = new[] { Unit(1, Water, station: 10), Unit(2, Water, station: 10), Unit(3, Water, station: 20), Unit(4, Water, station: 20) };
        var counts = new Dictionary<long, int> { [10] = 2, [20] = 2 };
        var r = UnitRecommender.Recommend(Request([Slot(Water, 2)], units, new Dictionary<long, double?> { [1] = 100, [2] = 100, [3] = 150, [4] = 150 }, counts));
        Assert.Equal([1, 3], r.Units.Select(u => u.UnitId));
        Assert.Equal(0, r.TotalPenaltySeconds);
    }

    [Fact]
    public void Recommend_CountsUnitsItCanSeeEvenWhenTheStationCountIsLow()
    {
        var units = new[] { Unit(1, Water, station: 10), Unit(2, Water, station: 10) };
        var r = UnitRecommender.Recommend(Request([Slot(Water, 1)], units, new Dictionary<long, double?> { [1] = 100, [2] = 200 },
            new Dictionary<long, int> { [10] = 0 }));
        Assert.False(r.Units.Single().LeavesStationEmpty);
        Assert.Equal(0, r.TotalPenaltySeconds);
    }

    [Fact]
    public void Recommend_FlagsCrossJurisdictionUnitsThatArriveSooner()
    {
        var units = new[] { Unit(1, Water, jurisdiction: 2), Unit(2, Water) };
        var eta = new Dictionary<long, double?> { [1] = 100, [2] = 300 };
        var pick = UnitRecommender.Recommend(Request([Slot(Water, 1)], units, eta)).Units.Single();
        Assert.Equal(1, pick.UnitId);
        Assert.True(pick.CrossJurisdiction);
        Assert.Contains(pick.Reasons, x => x.Code == "cross-jurisdiction");

        var home = UnitRecommender.Recommend(Request([Slot(Water, 1)], units, eta, options: new RecommendationOptions { AllowCrossJurisdiction = false }));
        Assert.Equal(2, home.Units.Single().UnitId);
        Assert.False(home.Units[0].CrossJurisdiction);
    }

    [Fact]
    public void Recommend_NamesEachShortfallWithItsCause()
    {
        var units = new[]
        {
            Unit(1, Water | Rescue),                                   // the only rescue-capable unit, also needed as water
            Unit(2, Aerial, status: UnitStatus.UnderRepair),           // aerial exists but is under repair
            Unit(3, UnitCapability.Foam),                              // foam exists but is unreachable
            Unit(4, UnitCapability.SmokeExtraction, jurisdiction: 9),  // other brigade, not allowed
        };
        var slots = new[] { Slot(Water, 1), Slot(Rescue, 1), Slot(Aerial, 1), Slot(UnitCapability.Foam, 1), Slot(UnitCapability.Command, 2), Slot(UnitCapability.SmokeExtraction, 1) };
        var r = UnitRecommender.Recommend(Request(slots, units, new Dictionary<long, double?> { [1] = 100, [2] = 100, [3] = null, [4] = 50 },
            options: new RecommendationOptions { AllowCrossJurisdiction = false }));

        Assert.Single(r.Units);
        var causes = r.Shortfalls.ToDictionary(s => s.Slot.Requirement.Capabilities, s => (s.Cause, s.Missing));
        Assert.Equal(ShortfallCause.NeededForOtherSlots, causes[r.Units[0].Slot.Requirement.Capabilities == Water ? Rescue : Water].Cause);
        Assert.Equal((ShortfallCause.NoneAvailable, 1), causes[Aerial]);
        Assert.Equal((ShortfallCause.Unreachable, 1), causes[UnitCapability.Foam]);
        Assert.Equal((ShortfallCause.NoUnitWithCapability, 2), causes[UnitCapability.Command]);
        Assert.Equal((ShortfallCause.NoneAvailable, 1), causes[UnitCapability.SmokeExtraction]);
        Assert.Contains(r.Shortfalls, s => s.Reason.Chinese.Contains("缺2辆"));
        Assert.False(r.IsComplete);
    }

    [Fact]
    public void Recommend_NamesTheUnreachableReason()
    {
        var request = Request([Slot(Water, 1)], [Unit(1, Water)], new Dictionary<long, double?>()) with
        {
            TravelTimes = new Dictionary<long, UnitTravel> { [1] = UnitTravel.UnreachableBecause(UnreachableReason.UnitNotOnRoadNetwork) },
        };
        var s = Assert.Single(UnitRecommender.Recommend(request).Shortfalls);
        Assert.Equal(ShortfallCause.Unreachable, s.Cause);
        Assert.Contains("not near the road network", s.Reason.English);
    }

    [Fact]
    public void Recommend_BreaksTiesByUnitId_WhateverTheInputOrder()
    {
        var units = new[] { Unit(9, Water), Unit(4, Water), Unit(7, Water | Rescue), Unit(2, Water) };
        var eta = new Dictionary<long, double?> { [9] = 100, [4] = 100, [7] = 100, [2] = 100 };
        var first = UnitRecommender.Recommend(Request([Slot(Water, 2)], units, eta));
        Assert.Equal([2, 4], first.Units.Select(u => u.UnitId));
        Assert.Equal("runner-up-tie", first.Units[0].RunnerUp!.Reason.Code);
        foreach (var order in new[] { units.Reverse().ToArray(), units.OrderBy(u => u.CallSign).ToArray() })
        {
            var again = UnitRecommender.Recommend(Request([Slot(Water, 2)], order, eta));
            Assert.Equal(first.Units.Select(u => (u.UnitId, u.Slot.English, u.RunnerUp?.UnitId)), again.Units.Select(u => (u.UnitId, u.Slot.English, u.RunnerUp?.UnitId)));
        }
    }

    [Fact]
    public void Recommend_ReportsRoadAndStraightLineDistances()
    {
        var request = Request([Slot(Water, 1)], [Unit(1, Water)], new Dictionary<long, double?>()) with
        {
            TravelTimes = new Dictionary<long, UnitTravel> { [1] = UnitTravel.Reachable(240, 2500) },
        };
        var pick = UnitRecommender.Recommend(request).Units.Single();
        Assert.Equal(2500, pick.RoadDistanceMeters);
        Assert.InRange(pick.StraightLineMeters, 100, 120);
        Assert.Contains("2.5 km by road", pick.Reasons[0].English);
    }

    [Fact]
    public void Recommend_RejectsDuplicateUnitsAndEmptySlots()
    {
        Assert.Throws<ArgumentException>(() => UnitRecommender.Recommend(Request([Slot(Water, 1)], [Unit(1, Water), Unit(1, Water)], new Dictionary<long, double?> { [1] = 5 })));
        Assert.Throws<ArgumentException>(() => UnitRecommender.Recommend(Request([Slot(Water, 0)], [Unit(1, Water)], new Dictionary<long, double?> { [1] = 5 })));
        Assert.Throws<ArgumentException>(() => UnitRecommender.Recommend(Request([Slot(Water, 1)], [Unit(1, Water)], new Dictionary<long, double?> { [1] = 5 },
            options: new RecommendationOptions { LastUnitPenaltySeconds = -1 })));
    }

    [Fact]
    public void Recommend_WithNoSlots_RecommendsNothing()
    {
        var r = UnitRecommender.Recommend(Request([], [Unit(1, Water)], new Dictionary<long, double?> { [1] = 5 }));
        Assert.Empty(r.Units);
        Assert.True(r.IsComplete);
    }
}
