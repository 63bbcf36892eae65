namespace FireCommand.Core.Tests.Demo;

[Collection(DemoProvinceCollection.Name)]
public sealed class IdentityTests(DemoProvinceFixture fixture)
{
    public static TheoryData<int> Seeds => new(DemoProvinceFixture.Seeds);

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_Ids_RunFromOneToNPerEntityType(int seed)
    {
        var p = fixture.Get(seed);
        static void OneToN(IEnumerable<long> ids) => Assert.Equal(Enumerable.Range(1, ids.Count()).Select(i => (long)i), ids);

        OneToN(p.Jurisdictions.Select(x => x.Id));
        OneToN(p.Stations.Select(x => x.Id));
        OneToN(p.Units.Select(x => x.Id));
        OneToN(p.Personnel.Select(x => x.Id));
        OneToN(p.WaterSources.Select(x => x.Id));
        OneToN(p.KeyPlaces.Select(x => x.Id));
        OneToN(p.Settlements.Select(x => x.Id));
        OneToN(p.RoadSegments.Select(x => x.Id));
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_ForeignKeys_AllResolveAndNavigationsAreUnset(int seed)
    {
        var p = fixture.Get(seed);
        var jurisdictions = p.Jurisdictions.Select(j => j.Id).ToHashSet();
        var stations = p.Stations.Select(s => s.Id).ToHashSet();

        Assert.All(p.Jurisdictions, j => Assert.True(j.ParentId is null || jurisdictions.Contains(j.ParentId.Value)));
        Assert.All(p.Jurisdictions, j => Assert.Null(j.Parent));
        Assert.All(p.Stations, s => Assert.Contains(s.JurisdictionId, jurisdictions));
        Assert.All(p.Units, u => Assert.Contains(u.HomeStationId, stations));
        Assert.All(p.Units, u => Assert.Contains(u.JurisdictionId, jurisdictions));
        Assert.All(p.Personnel, x => Assert.Contains(x.StationId, stations));
        Assert.All(p.Personnel, x => Assert.Null(x.Station));
        Assert.All(p.Personnel, x => Assert.Contains(x.JurisdictionId, jurisdictions));
        Assert.All(p.WaterSources, w => Assert.Contains(w.JurisdictionId, jurisdictions));
        Assert.All(p.KeyPlaces, k => Assert.Contains(k.JurisdictionId, jurisdictions));
        Assert.All(p.Settlements, s => Assert.Contains(s.JurisdictionId, jurisdictions));
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_Names_AreUniqueWhereTheyIdentifySomething(int seed)
    {
        var p = fixture.Get(seed);
        static void Unique(IEnumerable<string> names)
        {
            var duplicates = names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(duplicates.Count == 0, "duplicates: " + string.Join(", ", duplicates.Take(10)));
        }

        Unique(p.Jurisdictions.Select(x => x.Name));
        Unique(p.Settlements.Select(x => x.Name));
        // Roots too: 石门镇 and 石门村 would make addresses ambiguous.
        Unique(p.Settlements.Select(x => x.Name[..^1]));
        Unique(p.Stations.Select(x => x.Name));
        Unique(p.KeyPlaces.Select(x => x.Name));
        Unique(p.WaterSources.Select(x => x.Code));
    }
}
