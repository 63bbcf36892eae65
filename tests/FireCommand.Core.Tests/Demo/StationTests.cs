using FireCommand.Core.Resources;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace FireCommand.Core.Tests.Demo;

[Collection(DemoProvinceCollection.Name)]
public sealed class StationTests(DemoProvinceFixture fixture)
{
    public static TheoryData<int> Seeds => new(DemoProvinceFixture.Seeds);

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_Stations_AreAboutAHundredOfEveryKind(int seed)
    {
        var stations = fixture.Get(seed).Stations;

        Assert.InRange(stations.Count, 90, 120);
        Assert.All(Enum.GetValues<StationKind>(), kind => Assert.Contains(stations, s => s.Kind == kind));
        var cities = fixture.Get(seed).Jurisdictions.Count(j => j.Level == JurisdictionLevel.Detachment);
        Assert.InRange(stations.Count(s => s.Kind == StationKind.Special), cities, 2 * cities);
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_EveryStation_BelongsToABrigadeAndHasItsDetails(int seed)
    {
        var p = fixture.Get(seed);
        var levels = p.Jurisdictions.ToDictionary(j => j.Id, j => j.Level);

        Assert.All(p.Stations, s =>
        {
            Assert.Equal(JurisdictionLevel.Brigade, levels[s.JurisdictionId]);
            Assert.False(string.IsNullOrWhiteSpace(s.Address));
            Assert.Matches(@"^0\d{3}-\d{8}$", s.Phone!);
            Assert.Null(s.Jurisdiction);
        });
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_EveryStation_HasAValidDistrictAroundItInsideItsBrigade(int seed)
    {
        var p = fixture.Get(seed);
        var brigades = p.Jurisdictions.ToDictionary(j => j.Id, j => j.Boundary!);

        Assert.All(p.Stations, s =>
        {
            var district = s.District;
            Assert.NotNull(district);
            Assert.False(district.IsEmpty, s.Name);
            Assert.True(district.IsValid, s.Name);
            Assert.Equal(4326, district.SRID);
            Assert.True(district.Covers(s.Location), $"{s.Name} lies outside its own district");
            var outside = OverlayNGRobust.Overlay(district, brigades[s.JurisdictionId], SpatialFunction.Difference).Area;
            Assert.True(outside <= district.Area * 1e-6, $"{s.Name} district leaves its brigade");
            Assert.True(s.DistrictAreaSquareKilometers > 0, s.Name);
        });
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_UrbanDistricts_RespectTheStandardSizes(int seed)
    {
        // 建标152-2017: 一级 ≤ 7 km², 二级 ≤ 4 km², 小型 ≤ 2 km²; suburban (county seat) 一级 ≤ 15 km².
        var limits = new Dictionary<StationKind, double>
        {
            [StationKind.Special] = 15, [StationKind.Class1] = 15, [StationKind.Class2] = 4, [StationKind.Small] = 2,
        };
        Assert.All(fixture.Get(seed).Stations.Where(s => limits.ContainsKey(s.Kind)),
            s => Assert.InRange(s.DistrictAreaSquareKilometers!.Value, 0.05, limits[s.Kind] * 1.01));
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_DistrictsOfABrigade_DoNotOverlap(int seed)
    {
        var p = fixture.Get(seed);
        foreach (var brigade in p.Stations.GroupBy(s => s.JurisdictionId))
        {
            var list = brigade.ToList();
            for (var i = 0; i < list.Count; i++)
            for (var k = i + 1; k < list.Count; k++)
            {
                var overlap = OverlayNGRobust.Overlay(list[i].District!, list[k].District!, SpatialFunction.Intersection).Area;
                Assert.True(overlap < 1e-9, $"{list[i].Name} and {list[k].Name} overlap");
            }
        }
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_DistrictArea_MatchesTheGeometry(int seed)
    {
        // Independent check of the spherical area: at these sizes a degree² is (111.32·cos φ)·110.57 km².
        Assert.All(fixture.Get(seed).Stations, s =>
        {
            var kmPerDegree2 = 111.32 * Math.Cos(s.Location.Y * Math.PI / 180) * 110.57;
            Assert.Equal(s.District!.Area * kmPerDegree2, s.DistrictAreaSquareKilometers!.Value, s.DistrictAreaSquareKilometers.Value * 0.01 + 0.001);
        });
    }
}
