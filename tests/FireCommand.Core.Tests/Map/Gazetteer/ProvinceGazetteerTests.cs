using FireCommand.Core.Demo;
using FireCommand.Core.Map;
using FireCommand.Core.Map.Gazetteer;
using FireCommand.Core.Tests.Demo;
using FireCommand.Geo;

namespace FireCommand.Core.Tests.Map.Gazetteer;

[Collection(DemoProvinceCollection.Name)]
public sealed class ProvinceGazetteerTests(DemoProvinceFixture provinces)
{
    private static readonly Dictionary<int, Core.Map.Gazetteer.Gazetteer> Built = [];

    [Fact]
    public void Search_ForEveryStationAndKeyPlaceOfTheDemoProvince_FindsItFirstByItsExactName()
    {
        var province = provinces.Get(1);
        var gazetteer = Gazetteer(1);
        var expected = province.Stations.Select(s => (s.Name, Id: $"station:{s.Id}"))
            .Concat(province.KeyPlaces.Select(k => (k.Name, Id: $"keyplace:{k.Id}"))).ToList();

        var misses = expected.Where(e => gazetteer.Search(e.Name, 1) is not [{ Kind: MatchKind.Exact } top] || top.Entry.Id != e.Id)
            .Select(e => e.Name).ToList();

        Assert.True(expected.Count > 300, $"only {expected.Count} stations and key places");
        Assert.True(misses.Count == 0, "not first: " + string.Join(", ", misses.Take(20)));
    }

    [Fact]
    public void FromProvince_MergesRoadsIntoOneEntryPerConnectedStretchOfAName()
    {
        var province = provinces.Get(1);
        var roads = Gazetteer(1).Entries.Where(e => e.Kind == GazetteerKind.Road).ToList();

        // 人民路-style names recur in every city, each its own road; no name is split into pieces per segment.
        var names = province.RoadSegments.Select(s => s.Name).Distinct().Count();
        Assert.InRange(roads.Count, names, province.RoadSegments.Count / 2);
        Assert.Contains(roads.GroupBy(r => r.Name), g => g.Select(r => r.Parents[0]).Distinct().Count() > 1);
        Assert.All(roads, r => Assert.NotNull(r.JurisdictionId));
    }

    [Fact]
    public void FromProvince_PutsACrossingWhereTwoDifferentlyNamedRoadsMeet()
    {
        var province = provinces.Get(1);
        var crossings = Gazetteer(1).Entries.Where(e => e.Kind == GazetteerKind.Junction).ToList();
        var junctionPoints = province.RoadSegments
            .SelectMany(s => new[] { s.Geometry.Coordinates[0], s.Geometry.Coordinates[^1] })
            .Select(c => new GeoPoint(c.Y, c.X)).ToHashSet();

        Assert.True(crossings.Count > 100, $"{crossings.Count} crossings");
        Assert.All(crossings, c =>
        {
            Assert.Equal(2, c.CrossingRoads.Count);
            Assert.NotEqual(c.CrossingRoads[0], c.CrossingRoads[1]);
            Assert.Equal($"{c.CrossingRoads[0]}与{c.CrossingRoads[1]}交叉口", c.Name);
            Assert.Contains(c.Location, junctionPoints);
        });
    }

    [Fact]
    public void Search_ForTheTwoRoadsOfADemoCrossing_FindsItNearby()
    {
        var gazetteer = Gazetteer(1);
        var urban = gazetteer.Entries.Where(e => e.Kind == GazetteerKind.Junction && e.Name.Contains('路')).Take(50).ToList();

        Assert.NotEmpty(urban);
        Assert.All(urban, c =>
        {
            var top = gazetteer.Search($"{c.CrossingRoads[1]}和{c.CrossingRoads[0]}路口", 5, c.Location)[0];
            Assert.Equal(MatchKind.Crossing, top.Kind);
            Assert.True(top.DistanceMeters < 1_000, $"{c.Name}: found {top.Entry.Name} {top.DistanceMeters:F0} m away");
        });
    }

    [Fact]
    public void FromProvince_GivesVillagesTheTownTheirAddressesName()
    {
        var province = provinces.Get(1);
        var gazetteer = Gazetteer(1);
        var villages = gazetteer.Entries.Where(e => e.Kind == GazetteerKind.Village).ToDictionary(e => e.Name);
        // Micro stations in villages carry the generator's own address: 江州市青山县石门镇大坪村5组.
        var checkedCount = 0;
        foreach (var station in province.Stations.Where(s => s.Name.EndsWith("村微型消防站", StringComparison.Ordinal)))
        {
            var village = villages[station.Name[..^"微型消防站".Length]];
            var town = village.Parents[^1];
            Assert.True(station.Address!.Contains(town + village.Name, StringComparison.Ordinal), $"{village.Name} in {town}: {station.Address}");
            checkedCount++;
        }
        Assert.True(checkedCount > 5, $"only {checkedCount} village stations");
    }

    [Fact]
    public void Search_ForAVillageAfterItsTown_FindsThatVillageFirst()
    {
        var gazetteer = Gazetteer(1);
        var villages = gazetteer.Entries.Where(e => e.Kind == GazetteerKind.Village).Where((_, i) => i % 25 == 0).ToList();

        Assert.All(villages, v =>
        {
            var top = gazetteer.Search(v.Parents[^1] + v.Name)[0];
            Assert.Equal(v.Id, top.Entry.Id);
            Assert.True(top.ContextMatched);
        });
    }

    [Fact]
    public void FromProvince_IsDeterministic()
    {
        var province = provinces.Get(1);
        var source = new ProvinceGazetteerSource(province.Jurisdictions, province.Settlements, province.Stations,
            province.KeyPlaces, province.RoadSegments);

        var first = ProvinceGazetteer.Entries(source);
        var second = ProvinceGazetteer.Entries(source);

        Assert.Equal(first.Select(Describe), second.Select(Describe));
    }

    private static string Describe(GazetteerEntry e) =>
        $"{e.Id}|{e.Kind}|{e.Name}|{e.Location}|{string.Join(",", e.Parents)}|{string.Join(",", e.Aliases)}|{e.Importance}";

    private Core.Map.Gazetteer.Gazetteer Gazetteer(int seed)
    {
        lock (Built)
        {
            if (!Built.TryGetValue(seed, out var g))
            {
                var p = provinces.Get(seed);
                Built[seed] = g = Core.Map.Gazetteer.Gazetteer.FromProvince(
                    new ProvinceGazetteerSource(p.Jurisdictions, p.Settlements, p.Stations, p.KeyPlaces, p.RoadSegments));
            }
            return g;
        }
    }
}
