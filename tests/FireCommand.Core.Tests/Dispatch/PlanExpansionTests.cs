using FireCommand.Core.Dispatch;
using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Core.Resources;

namespace FireCommand.Core.Tests.Dispatch;

public class PlanExpansionTests
{
    private static PlanSet Plans(string rows)
    {
        var result = PlanSet.Load("{\"plans\":[" + rows + "]}");
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.PlanSet!;
    }

    private static readonly PlanSet Small = Plans("""
        {"type":"Fire","level":1,"slots":[{"capability":"Water","count":2,"zh":"水罐","en":"Water"}]},
        {"type":"Fire","level":2,"slots":[{"capability":"Water","count":2,"zh":"水罐2","en":"Water2"},{"capability":"Rescue","count":1,"zh":"抢险","en":"Rescue"},{"capability":"Command","count":1,"zh":"指挥","en":"Command"}]},
        {"type":"Fire","level":3,"slots":[{"capability":"Water","count":4,"zh":"水罐","en":"Water"}]},
        {"type":"Fire","level":1,"place":"HighRise","slots":[{"capability":"Aerial","count":1,"zh":"登高","en":"Aerial"}]},
        {"type":"Fire","level":3,"place":"HighRise","slots":[{"capability":"Aerial","count":1,"zh":"登高","en":"Aerial"}]},
        {"type":"Fire","level":1,"place":"Underground","slots":[{"capability":"SmokeExtraction","count":1,"zh":"排烟","en":"Smoke"}]},
        {"type":"Rescue","level":1,"slots":[{"capability":"Rescue","count":1,"zh":"抢险","en":"Rescue"}]},
        {"type":"Rescue","level":1,"subtype":"hazmat-leak","slots":[{"capability":"Rescue, Hazmat","count":1,"zh":"危化","en":"Hazmat"}]}
        """);

    private static int Count(IReadOnlyList<RequiredSlot> slots, UnitCapability capability) =>
        slots.Where(s => s.Requirement.Capabilities == capability).Sum(s => s.Count);

    [Fact]
    public void Expand_AddsTheRowsOfEveryLevelUpToTheIncidents()
    {
        Assert.Equal(2, Count(PlanExpansion.Expand(Small, IncidentType.Fire, 1, KeyPlaceCategory.None), UnitCapability.Water));
        var l2 = PlanExpansion.Expand(Small, IncidentType.Fire, 2, KeyPlaceCategory.None);
        Assert.Equal(4, Count(l2, UnitCapability.Water));
        Assert.Equal(1, Count(l2, UnitCapability.Rescue));
        Assert.Equal(1, Count(l2, UnitCapability.Command));
        Assert.Equal(8, Count(PlanExpansion.Expand(Small, IncidentType.Fire, 5, KeyPlaceCategory.None), UnitCapability.Water));
    }

    [Fact]
    public void Expand_MergesEqualRequirementsIntoOneSlot_KeepingTheFirstLabelAndEverySource()
    {
        var water = PlanExpansion.Expand(Small, IncidentType.Fire, 3, KeyPlaceCategory.None).Single(s => s.Requirement.Capabilities == UnitCapability.Water);
        Assert.Equal(8, water.Count);
        Assert.Equal("水罐", water.Chinese);
        Assert.Equal([1, 2, 3], water.Sources.Select(s => s.Key.Level));
        Assert.Equal([2, 2, 4], water.Sources.Select(s => s.Count));
    }

    [Fact]
    public void Expand_AddsPlaceRows_OnlyForTheCategoriesThePlaceHas()
    {
        Assert.Equal(0, Count(PlanExpansion.Expand(Small, IncidentType.Fire, 3, KeyPlaceCategory.None), UnitCapability.Aerial));
        Assert.Equal(1, Count(PlanExpansion.Expand(Small, IncidentType.Fire, 1, KeyPlaceCategory.HighRise), UnitCapability.Aerial));
        Assert.Equal(2, Count(PlanExpansion.Expand(Small, IncidentType.Fire, 3, KeyPlaceCategory.HighRise), UnitCapability.Aerial));
        var both = PlanExpansion.Expand(Small, IncidentType.Fire, 1, KeyPlaceCategory.HighRise | KeyPlaceCategory.Underground | KeyPlaceCategory.Crowded);
        Assert.Equal(1, Count(both, UnitCapability.Aerial));
        Assert.Equal(1, Count(both, UnitCapability.SmokeExtraction));
    }

    [Fact]
    public void Expand_AddsSubtypeRows_OnlyForThatSubtype()
    {
        var leak = PlanExpansion.Expand(Small, IncidentType.Rescue, 1, KeyPlaceCategory.None, subtype: "HAZMAT-LEAK");
        Assert.Equal(1, Count(leak, UnitCapability.Rescue | UnitCapability.Hazmat));
        Assert.Equal(1, Count(leak, UnitCapability.Rescue));
        var lift = PlanExpansion.Expand(Small, IncidentType.Rescue, 1, KeyPlaceCategory.None, subtype: IncidentSubtypes.Lift);
        Assert.Equal(0, Count(lift, UnitCapability.Rescue | UnitCapability.Hazmat));
    }

    [Fact]
    public void Expand_AddsTheKeyPlacesOwnPlanOnTopOfTheCorpsPlan()
    {
        var own = Plans("""
            {"type":"Fire","level":1,"slots":[{"capability":"Foam","count":2,"zh":"泡沫","en":"Foam"},{"capability":"Water","count":1,"zh":"水罐","en":"Water"}]},
            {"type":"Fire","level":3,"slots":[{"capability":"WaterRelay","count":1,"zh":"远程供水","en":"Relay"}]}
            """);
        var l1 = PlanExpansion.Expand(Small, IncidentType.Fire, 1, KeyPlaceCategory.None, own);
        Assert.Equal(3, Count(l1, UnitCapability.Water));
        Assert.Equal(2, Count(l1, UnitCapability.Foam));
        Assert.Equal(0, Count(l1, UnitCapability.WaterRelay));
        Assert.Contains(l1.Single(s => s.Requirement.Capabilities == UnitCapability.Water).Sources, s => s.FromKeyPlacePlan);
        Assert.Equal(1, Count(PlanExpansion.Expand(Small, IncidentType.Fire, 3, KeyPlaceCategory.None, own), UnitCapability.WaterRelay));
    }

    [Fact]
    public void Expand_ForAFalseAlarm_NeedsNothing() =>
        Assert.Empty(PlanExpansion.Expand(PlanSet.Default, IncidentType.FalseAlarm, 1, KeyPlaceCategory.None));

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Expand_WhenLevelIsOutside1To5_Throws(int level) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PlanExpansion.Expand(PlanSet.Default, IncidentType.Fire, level, KeyPlaceCategory.None));

    [Fact]
    public void DefaultPlan_GrowsWithEveryLevel_AndMatchesTheOfficersExample()
    {
        var totals = Enumerable.Range(1, 5)
            .Select(l => PlanExpansion.TotalUnits(PlanExpansion.Expand(PlanSet.Default, IncidentType.Fire, l, KeyPlaceCategory.None))).ToList();
        for (int i = 1; i < totals.Count; i++) Assert.True(totals[i] > totals[i - 1], string.Join(",", totals));
        var l1 = PlanExpansion.Expand(PlanSet.Default, IncidentType.Fire, 1, KeyPlaceCategory.None);
        Assert.Equal(2, Count(l1, UnitCapability.Water));
        var l2 = PlanExpansion.Expand(PlanSet.Default, IncidentType.Fire, 2, KeyPlaceCategory.None);
        Assert.Equal(4, Count(l2, UnitCapability.Water));
        Assert.Equal(1, Count(l2, UnitCapability.Rescue));
        Assert.Equal(1, Count(l2, UnitCapability.Command));
    }
}
