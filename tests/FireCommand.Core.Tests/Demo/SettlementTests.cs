using FireCommand.Core.Map;

namespace FireCommand.Core.Tests.Demo;

[Collection(DemoProvinceCollection.Name)]
public sealed class SettlementTests(DemoProvinceFixture fixture)
{
    public static TheoryData<int> Seeds => new(DemoProvinceFixture.Seeds);

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_Settlements_HaveRealisticCountsNamesAndPopulations(int seed)
    {
        var settlements = fixture.Get(seed).Settlements;
        List<Settlement> Of(SettlementKind k) => settlements.Where(s => s.Kind == k).ToList();
        var counties = fixture.Get(seed).Jurisdictions.Count(j => j.Name.EndsWith("县大队"));

        Assert.InRange(Of(SettlementKind.City).Count, 4, 6);
        Assert.Equal(counties, Of(SettlementKind.CountySeat).Count);
        Assert.InRange(Of(SettlementKind.Town).Count, 80, 150);
        Assert.InRange(Of(SettlementKind.Village).Count, 800, 1_500);

        Assert.All(Of(SettlementKind.City), s => { Assert.EndsWith("市", s.Name); Assert.InRange(s.Population, 500_000, 5_000_000); });
        Assert.All(Of(SettlementKind.CountySeat), s => Assert.EndsWith("县", s.Name));
        Assert.All(Of(SettlementKind.Town), s => Assert.Matches("[镇乡]$", s.Name));
        Assert.All(Of(SettlementKind.Village), s => Assert.EndsWith("村", s.Name));
        Assert.All(settlements, s => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}{3,5}$", s.Name));
        Assert.True(Of(SettlementKind.City).Min(s => s.Population) > Of(SettlementKind.CountySeat).Max(s => s.Population));
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_Villages_AreSpreadNotGridded(int seed)
    {
        var villages = fixture.Get(seed).Settlements.Where(s => s.Kind == SettlementKind.Village).ToList();
        var xs = villages.Select(v => Math.Round(v.Location.X, 4)).Distinct().Count();
        var ys = villages.Select(v => Math.Round(v.Location.Y, 4)).Distinct().Count();

        // On a grid many villages would share a column or a row (to ~10 m); scattered ones almost never do.
        Assert.True(xs > villages.Count * 0.95 && ys > villages.Count * 0.95, $"{xs} columns and {ys} rows for {villages.Count} villages");
    }
}
