using FireCommand.Core.Map.Gazetteer;
using FireCommand.Core.Map.Province;
using FireCommand.Core.Tests.Demo;
using FireCommand.Geo;

namespace FireCommand.Core.Tests.Map.Gazetteer;

/// <summary>A province package's names in the gazetteer: new names are added, a record's own name nearby is not repeated.</summary>
[Collection(DemoProvinceCollection.Name)]
public sealed class PackageNameGazetteerTests(DemoProvinceFixture provinces)
{
    [Fact]
    public void Entries_AddPackageNames_ButNotARecordsNameAtTheSamePlace()
    {
        var p = provinces.Get(1);
        var station = p.Stations.OrderBy(s => s.Id).First();
        var (lat, lon) = (station.Location.Y, station.Location.X);
        NameRecord[] names =
        [
            new(station.Name, "station", lat + 0.001, lon, "osm:node/1"), // ~110 m: the station itself
            new(station.Name, "poi", lat + 0.05, lon, "osm:node/2"), // ~5.5 km: another place of that name
            new("测试商场东门", "poi", lat, lon + 0.01, "osm:node/3"),
            new("测试街 18 号", "address", lat, lon - 0.01, "osm:node/4"),
        ];
        var source = new ProvinceGazetteerSource(p.Jurisdictions, p.Settlements, p.Stations, p.KeyPlaces, p.RoadSegments, names);

        var entries = ProvinceGazetteer.Entries(source);

        var sameName = entries.Where(e => e.Name == station.Name).ToList();
        Assert.Equal(2, sameName.Count);
        Assert.Contains(sameName, e => e.Id == "name:1" && e.Kind == GazetteerKind.Poi);
        var poi = Assert.Single(entries, e => e.Name == "测试商场东门");
        Assert.Equal(new GeoPoint(lat, lon + 0.01), poi.Location);
        Assert.NotNull(poi.JurisdictionId);
        Assert.Equal(GazetteerKind.Address, Assert.Single(entries, e => e.Name == "测试街 18 号").Kind);

        // Searchable by pinyin initials like every other entry: 测试商场 = c s s c.
        var gazetteer = Core.Map.Gazetteer.Gazetteer.Build(entries);
        Assert.Contains(gazetteer.Search("cssc"), m => m.Entry.Name == "测试商场东门");
    }
}
