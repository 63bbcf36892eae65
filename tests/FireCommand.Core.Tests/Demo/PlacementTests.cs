using FireCommand.Core.Demo;
using FireCommand.Core.Map;
using FireCommand.Core.Resources;
using NetTopologySuite.Geometries;

namespace FireCommand.Core.Tests.Demo;

[Collection(DemoProvinceCollection.Name)]
public sealed class PlacementTests(DemoProvinceFixture fixture)
{
    public static TheoryData<int> Seeds => new(DemoProvinceFixture.Seeds);

    /// <summary>Every located record with the jurisdiction it claims.</summary>
    private static IEnumerable<(string What, Point Where, long JurisdictionId)> Located(DemoProvince p) =>
        p.Settlements.Select(s => (s.Name, s.Location, s.JurisdictionId))
            .Concat(p.Stations.Select(s => (s.Name, s.Location, s.JurisdictionId)))
            .Concat(p.Units.Select(u => (u.CallSign, u.Position, u.JurisdictionId)))
            .Concat(p.WaterSources.Select(w => (w.Code, w.Location, w.JurisdictionId)))
            .Concat(p.KeyPlaces.Select(k => (k.Name, k.Location, k.JurisdictionId)));

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_EveryPoint_LiesInsideItsBrigade(int seed)
    {
        var p = fixture.Get(seed);
        var brigades = p.Jurisdictions.Where(j => j.Level == JurisdictionLevel.Brigade).ToDictionary(j => j.Id, j => j.Boundary!);

        Assert.All(Located(p), x =>
        {
            Assert.True(brigades.TryGetValue(x.JurisdictionId, out var boundary), $"{x.What} is not assigned to a brigade");
            Assert.Equal(4326, x.Where.SRID);
            Assert.True(boundary!.Covers(x.Where), $"{x.What} lies outside its brigade");
        });
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_EveryPoint_LiesInsideTheProvinceAndItsBounds(int seed)
    {
        var p = fixture.Get(seed);
        var province = p.Jurisdictions.Single(j => j.ParentId is null).Boundary!;
        var b = p.Bounds;

        Assert.All(Located(p), x =>
        {
            Assert.True(province.Covers(x.Where), x.What);
            Assert.InRange(x.Where.Y, b.MinLatitude, b.MaxLatitude);
            Assert.InRange(x.Where.X, b.MinLongitude, b.MaxLongitude);
        });
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_CountySeats_LieInTheBrigadeNamedAfterThem(int seed)
    {
        var p = fixture.Get(seed);
        var names = p.Jurisdictions.ToDictionary(j => j.Id, j => j.Name);

        Assert.All(p.Settlements.Where(s => s.Kind == SettlementKind.CountySeat), s => Assert.Equal(s.Name + "大队", names[s.JurisdictionId]));
        // A city centre lies in one of its own urban districts.
        var parents = p.Jurisdictions.ToDictionary(j => j.Id, j => j.ParentId);
        Assert.All(p.Settlements.Where(s => s.Kind == SettlementKind.City), s =>
        {
            Assert.EndsWith("区大队", names[s.JurisdictionId]);
            Assert.Equal(s.Name + "消防救援支队", names[parents[s.JurisdictionId]!.Value]);
        });
    }
}
