using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Core.Resources;
using static FireCommand.Core.Tests.Dispatch.RecommendationBuilder;

namespace FireCommand.Core.Tests.Dispatch;

/// <summary>
/// What the plan still asks for once units are on the incident, far units offered as reinforcements,
/// and returning crews sent only when nobody else can go.
/// </summary>
public class UnitRecommenderPlanTests
{
    private const UnitCapability Water = UnitCapability.Water;
    private const UnitCapability Command = UnitCapability.Command;
    private const UnitCapability Aerial = UnitCapability.Aerial;

    private static RequiredSlot TypedSlot(UnitCapability capabilities, int count, params ApparatusType[] types) =>
        new(new SlotRequirement(capabilities, ApparatusSet.Of(types)), count, capabilities.ToString(), capabilities.ToString());

    [Fact]
    public void Outstanding_CountsTheCommandCapablePumperAsTheCommandUnit_WhenAnotherPumperTakesTheWaterSlot()
    {
        // The water slot is the more specific one; a first-come count gives it to the first pumper and
        // then asks for a command vehicle although the two units on scene cover both slots.
        var required = new[] { TypedSlot(Water, 1, ApparatusType.MainPumper), Slot(Command, 1) };
        var onScene = new[] { (Water | Command, ApparatusType.MainPumper), (Water, ApparatusType.MainPumper) };

        Assert.Empty(PlanCoverage.Outstanding(required, onScene));
    }

    [Fact]
    public void Outstanding_PutsALadderOnTheAerialSlot_RatherThanOnTheWaterSlot()
    {
        var required = new[] { Slot(Water, 1), TypedSlot(Aerial, 1, ApparatusType.Ladder) };
        var left = PlanCoverage.Outstanding(required, [(Water | Aerial, ApparatusType.Ladder)]);
        Assert.Equal(Water, Assert.Single(left).Requirement.Capabilities);
    }

    [Fact]
    public void Outstanding_FillsAsManySlotsAsABruteForceCount_OnRandomPlans()
    {
        var caps = new[] { Water, Command, Aerial, Water | Command, Water | Aerial, UnitCapability.Rescue | Water };
        var types = new[] { ApparatusType.MainPumper, ApparatusType.WaterTender, ApparatusType.Ladder, ApparatusType.Command };
        var rng = new Random(974);
        for (int round = 0; round < 400; round++)
        {
            var required = Enumerable.Range(0, rng.Next(1, 4)).Select(_ => rng.Next(3) == 0
                ? TypedSlot(caps[rng.Next(3)], rng.Next(1, 3), types[rng.Next(types.Length)], types[rng.Next(types.Length)])
                : Slot(caps[rng.Next(caps.Length)], rng.Next(1, 3))).ToArray();
            var units = Enumerable.Range(0, rng.Next(0, 5)).Select(_ => (caps[rng.Next(caps.Length)], types[rng.Next(types.Length)])).ToArray();

            int filled = required.Sum(s => s.Count) - PlanCoverage.Outstanding(required, units).Sum(s => s.Count);
            Assert.True(filled == BruteForceMostFilled(required, units), $"round {round}: filled {filled}, brute force {BruteForceMostFilled(required, units)}");
        }
    }

    /// <summary>Tries every way of giving each unit one slot or none.</summary>
    private static int BruteForceMostFilled(RequiredSlot[] required, (UnitCapability, ApparatusType)[] units)
    {
        int best = 0;
        var left = required.Select(s => s.Count).ToArray();
        Go(0, 0);
        return best;

        void Go(int u, int filled)
        {
            if (u == units.Length) { best = Math.Max(best, filled); return; }
            Go(u + 1, filled);
            for (int s = 0; s < required.Length; s++)
            {
                if (left[s] == 0 || !required[s].Requirement.IsMetBy(units[u].Item1, units[u].Item2)) continue;
                left[s]--;
                Go(u + 1, filled + 1);
                left[s]++;
            }
        }
    }

    [Fact]
    public void Recommend_MarksOnlyUnitsBeyondTheThreshold_AsReinforcements_AndSaysWhy()
    {
        var r = UnitRecommender.Recommend(Request([Slot(Water, 2), Slot(Aerial, 1)],
            [Unit(1, Water), Unit(2, Water), Unit(3, Aerial)],
            new Dictionary<long, double?> { [1] = 120, [2] = 1200, [3] = 3267 }, // 54:27 away
            options: new RecommendationOptions { ReinforcementThresholdSeconds = 1200 }));

        Assert.Equal([1, 2, 3], r.Units.Select(u => u.UnitId));
        Assert.Equal([false, false, true], r.Units.Select(u => u.Reinforcement));
        Assert.Contains(r.Units[2].Reasons, x => x.Code == "reinforcement" && x.Chinese.Contains("54分钟"));
        Assert.DoesNotContain(r.Units[0].Reasons, x => x.Code == "reinforcement");
        Assert.Equal(1200, r.ReinforcementThresholdSeconds);
        Assert.True(r.IsComplete); // a reinforcement still fills its slot
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Recommend_RejectsAThresholdThatIsNotAPositiveTime(double threshold)
    {
        Assert.Throws<ArgumentException>(() => UnitRecommender.Recommend(Request([Slot(Water, 1)], [Unit(1, Water)],
            new Dictionary<long, double?> { [1] = 60 }, options: new RecommendationOptions { ReinforcementThresholdSeconds = threshold })));
    }

    private static readonly RecommendationOptions ReturningAsLastResort = new() { AllowReturningUnits = true, ReturningUnitsOnlyForShortfalls = true };

    [Fact]
    public void Recommend_LeavesAJustReleasedCrewAlone_WhenAUnitAtItsStationCanGo()
    {
        // The returning unit is far nearer; it is still not asked for while a station unit fills the slot.
        var r = UnitRecommender.Recommend(Request([Slot(Water, 1)],
            [Unit(1, Water, status: UnitStatus.Returning), Unit(2, Water)],
            new Dictionary<long, double?> { [1] = 30, [2] = 900 }, options: ReturningAsLastResort));
        var pick = Assert.Single(r.Units);
        Assert.Equal(2, pick.UnitId);
        Assert.False(pick.Returning);
    }

    [Fact]
    public void Recommend_SendsAReturningCrew_WhenNoUnitAtAStationCanFillTheSlot_AndMarksIt()
    {
        var r = UnitRecommender.Recommend(Request([Slot(Water, 1), Slot(Aerial, 1)],
            [Unit(1, Aerial, status: UnitStatus.Returning), Unit(2, Water), Unit(3, Water, status: UnitStatus.Returning)],
            new Dictionary<long, double?> { [1] = 300, [2] = 200, [3] = 30 }, options: ReturningAsLastResort));

        Assert.True(r.IsComplete);
        Assert.Equal([1, 2], r.Units.Select(u => u.UnitId).Order());
        Assert.True(r.Units.Single(u => u.UnitId == 1).Returning);
    }

    [Fact]
    public void Recommend_WithoutTheLastResortRule_ReturningUnitsCompeteOnTime()
    {
        var r = UnitRecommender.Recommend(Request([Slot(Water, 1)],
            [Unit(1, Water, status: UnitStatus.Returning), Unit(2, Water)],
            new Dictionary<long, double?> { [1] = 30, [2] = 900 }, options: new RecommendationOptions { AllowReturningUnits = true }));
        Assert.Equal(1, Assert.Single(r.Units).UnitId);
    }
}
