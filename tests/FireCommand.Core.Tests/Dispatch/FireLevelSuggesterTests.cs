using FireCommand.Core.Dispatch;
using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Core.Resources;

namespace FireCommand.Core.Tests.Dispatch;

public class FireLevelSuggesterTests
{
    private static int Level(int trapped, int injured = 0, int deaths = 0, KeyPlaceCategory places = KeyPlaceCategory.None,
        double? area = null, IncidentType type = IncidentType.Fire, string? subtype = null) =>
        FireLevelSuggester.Suggest(type, subtype, trapped, injured, deaths, places, area).Level;

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(9, 3)]
    [InlineData(10, 4)]
    [InlineData(29, 4)]
    [InlineData(30, 5)]
    [InlineData(500, 5)]
    public void Suggest_MapsPeopleAtRiskToTheLevelBands(int people, int expected) => Assert.Equal(expected, Level(people));

    [Fact]
    public void Suggest_AddsTrappedInjuredAndDead()
    {
        Assert.Equal(3, Level(1, 1, 1));
        Assert.Equal(4, Level(4, 3, 3));
    }

    [Theory]
    [InlineData(KeyPlaceCategory.HighRise)]
    [InlineData(KeyPlaceCategory.Underground)]
    [InlineData(KeyPlaceCategory.LargeComplex)]
    [InlineData(KeyPlaceCategory.Petrochemical)]
    public void Suggest_RaisesOneLevelForSpecialPlaces(KeyPlaceCategory place)
    {
        Assert.Equal(2, Level(0, places: place));
        Assert.Equal(4, Level(3, places: place));
    }

    [Fact]
    public void Suggest_RaisesOnlyOnce_WhenThePlaceHasSeveralCategories() =>
        Assert.Equal(2, Level(0, places: KeyPlaceCategory.HighRise | KeyPlaceCategory.LargeComplex | KeyPlaceCategory.Underground));

    [Fact]
    public void Suggest_DoesNotRaiseForOtherCategories() =>
        Assert.Equal(1, Level(0, places: KeyPlaceCategory.CulturalRelic | KeyPlaceCategory.Crowded));

    [Fact]
    public void Suggest_CapsAtFive_AndSaysSo()
    {
        var s = FireLevelSuggester.Suggest(IncidentType.Fire, null, 40, 0, 0, KeyPlaceCategory.HighRise, null);
        Assert.Equal(5, s.Level);
        Assert.Contains(s.Reasons, r => r.Code == "level-place-capped");
    }

    [Theory]
    [InlineData(199.9, 1)]
    [InlineData(200, 2)]
    [InlineData(999, 2)]
    [InlineData(1000, 3)]
    [InlineData(3000, 4)]
    [InlineData(10000, 5)]
    public void Suggest_UsesBurningAreaThresholds(double area, int expected) => Assert.Equal(expected, Level(0, area: area));

    [Fact]
    public void Suggest_TakesTheHigherOfPeopleAndArea_ThenRaisesForThePlace()
    {
        Assert.Equal(3, Level(1, area: 1500));
        Assert.Equal(4, Level(1, area: 1500, places: KeyPlaceCategory.HighRise));
    }

    [Fact]
    public void Suggest_IgnoresBurningAreaForRescue() => Assert.Equal(1, Level(0, area: 5000, type: IncidentType.Rescue));

    [Fact]
    public void Suggest_PutsHazmatLeaksAtLeastAtLevelTwo() =>
        Assert.Equal(2, Level(0, type: IncidentType.Rescue, subtype: IncidentSubtypes.HazmatLeak));

    [Fact]
    public void Suggest_KeepsFalseAlarmsAndDutiesAtLevelOne()
    {
        Assert.Equal(1, Level(5, type: IncidentType.FalseAlarm));
        Assert.Equal(1, Level(0, places: KeyPlaceCategory.HighRise, type: IncidentType.SecurityDuty));
    }

    [Fact]
    public void Suggest_ExplainsEveryRuleThatApplied()
    {
        var s = FireLevelSuggester.Suggest(IncidentType.Fire, null, 2, 0, 0, KeyPlaceCategory.Underground, 1200);
        Assert.Equal(4, s.Level);
        Assert.Equal(["level-people", "level-area", "level-place"], s.Reasons.Select(r => r.Code));
        Assert.All(s.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Chinese + r.English)));
        Assert.Equal("level-base", FireLevelSuggester.Suggest(IncidentType.Fire, null, 0, 0, 0, KeyPlaceCategory.None).Reasons.Single().Code);
    }

    [Fact]
    public void Suggest_RejectsNegativeCountsAndBadAreas()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Level(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Level(0, injured: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Level(0, deaths: -3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Level(0, area: -5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Level(0, area: double.NaN));
    }
}
