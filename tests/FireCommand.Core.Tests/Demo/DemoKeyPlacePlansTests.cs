using FireCommand.Core.Demo;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Core.Resources;

namespace FireCommand.Core.Tests.Demo;

[Collection(DemoProvinceCollection.Name)]
public class DemoKeyPlacePlansTests(DemoProvinceFixture provinces)
{
    [Theory]
    [InlineData(DemoKeyPlacePlans.HighRise)]
    [InlineData(DemoKeyPlacePlans.Petrochemical)]
    public void ShippedSitePlans_LoadWithoutErrors(string json)
    {
        var loaded = PlanSet.Load(json);
        Assert.Empty(loaded.Errors);
        Assert.NotNull(loaded.PlanSet);
    }

    [Fact]
    public void SitePlan_AddsToTheCorpsPlan_ForAFireAtThePlace()
    {
        var own = PlanSet.Load(DemoKeyPlacePlans.Petrochemical).PlanSet!;
        var without = PlanExpansion.Expand(PlanSet.Default, IncidentType.Fire, 1, KeyPlaceCategory.Petrochemical);
        var with = PlanExpansion.Expand(PlanSet.Default, IncidentType.Fire, 1, KeyPlaceCategory.Petrochemical, own);
        Assert.Equal(PlanExpansion.TotalUnits(without) + 3, PlanExpansion.TotalUnits(with));
    }

    [Fact]
    public void Assign_GivesEveryPetrochemicalPlaceAndFiveHighRisesAPlan()
    {
        var places = DemoProvinceGenerator.Generate(1, DemoProvinceFixture.Now).KeyPlaces;
        DemoKeyPlacePlans.Assign(places);
        Assert.All(places.Where(p => p.Categories.HasFlag(KeyPlaceCategory.Petrochemical)),
            p => Assert.Equal(DemoKeyPlacePlans.Petrochemical, p.ResponsePlanJson));
        Assert.Equal(5, places.Count(p => p.ResponsePlanJson == DemoKeyPlacePlans.HighRise));
        Assert.Contains(provinces.Get(1).KeyPlaces, p => p.Categories.HasFlag(KeyPlaceCategory.Petrochemical));
    }
}
