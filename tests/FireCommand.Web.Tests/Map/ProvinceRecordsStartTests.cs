using FireCommand.Core.Map.Province;
using FireCommand.Geo;
using FireCommand.Web.Cli;
using FireCommand.Web.Tests.Infrastructure;
using static FireCommand.Web.Tests.Cli.ProvinceRecordFileTests;
using static FireCommand.Web.Tests.Dispatch.DispatchTestData;

namespace FireCommand.Web.Tests.Map;

/// <summary>
/// The platform started on central Shanghai: real streets with Chinese names and no station in the
/// extract, so the stations (and a key place) come from CSV files written here at real road points.
/// </summary>
public sealed class ShanghaiProvinceHost : PackageHost
{
    public override string Extract => "osm/shanghai-center.osm.gz";

    protected override async Task<IReadOnlyList<string>> BuildArgumentsAsync(string directory)
    {
        var stations = Path.Combine(directory, "stations.csv");
        await File.WriteAllTextAsync(stations, $"""
            编号* code,名称* name,类别* kind,经度* longitude,纬度* latitude
            XH,徐汇消防救援站,一级站,{Pos(Zhaojiabang)}
            PD,浦东消防救援站,特勤站,{Pos(PudongSouth)}
            ZB,闸北消防救援站,二级站,{Pos(ZhongshanNorth)}

            """);
        var keyPlaces = Path.Combine(directory, "key-places.csv");
        await File.WriteAllTextAsync(keyPlaces, "名称,类别,经度,纬度,地址\n上海体育馆,大型综合体、人员密集场所,121.4370,31.1830,漕溪北路1111号\n");
        return ["--name", "上海市中心", "--stations", stations + ":wgs84", "--key-places", keyPlaces + ":wgs84"];
    }
}

public sealed class ProvinceRecordsStartTests(ShanghaiProvinceHost host) : PlatformTest<ShanghaiProvinceHost>(host), IClassFixture<ShanghaiProvinceHost>
{
    [Fact]
    public async Task AlarmOnAStreetFoundByName_IsAnsweredByRoadFromTheNearestCsvStation()
    {
        using var dispatcher = await Demo("dispatcher");
        var stations = (await dispatcher.GetJsonAsync("/api/stations")).AsArray();
        Assert.Equal(["徐汇消防救援站", "浦东消防救援站", "闸北消防救援站"], stations.Select(s => s!["name"]!.GetValue<string>()).Order());

        // 徐家汇路 is a real street of the extract; the gazetteer knows it from the road pieces.
        var found = (await dispatcher.GetJsonAsync($"/api/locate?q={Uri.EscapeDataString("徐家汇路")}")).AsArray();
        var street = found.First(m => m!["kind"]!.GetValue<string>() == "Road" && m["name"]!.GetValue<string>() == "徐家汇路")!;
        var at = new GeoPoint(street["latitude"]!.GetValue<double>(), street["longitude"]!.GetValue<double>());

        var records = Host.Package!.Records;
        var byDistance = records.Stations.OrderBy(s => at.DistanceMetersTo(new GeoPoint(s.Latitude, s.Longitude))).ToList();
        double Meters(StationRecord s) => at.DistanceMetersTo(new GeoPoint(s.Latitude, s.Longitude));
        // The street lies much nearer one station than any other, so whatever the road network, the first unit is its.
        Assert.True(Meters(byDistance[0]) * 2 < Meters(byDistance[1]), $"{Meters(byDistance[0])} m vs {Meters(byDistance[1])} m");

        var id = (await TakeAlarmAsync(dispatcher, at.Latitude, at.Longitude, "徐家汇路"))["id"]!.GetValue<long>();
        var first = (await dispatcher.GetJsonAsync($"/api/incidents/{id}/recommendation"))["recommendation"]!["units"]!.AsArray()[0]!;
        Assert.Contains(first["unitId"]!.GetValue<long>(), byDistance[0].Units.Select(u => u.Id));
        var eta = first["etaSeconds"]?.GetValue<double>() ?? throw new Xunit.Sdk.XunitException(first.ToJsonString());
        Assert.True(eta >= first["straightLineMeters"]!.GetValue<double>() / 30, $"eta {eta} s");
    }

    [Fact]
    public async Task AnyStreetFoundByName_IsAnsweredByRoadFromTheNearestCsvStation()
    {
        using var dispatcher = await Demo("dispatcher");
        await GazetteerAlarm.AssertAnsweredByRoadAsync(dispatcher, Host.Package!, "street");
    }

    [Fact]
    public async Task KeyPlaceFromTheCsv_IsSeededAndFoundByName()
    {
        using var dispatcher = await Demo("dispatcher");
        var found = (await dispatcher.GetJsonAsync($"/api/locate?q={Uri.EscapeDataString("上海体育馆")}")).AsArray();
        var place = found.First(m => m!["kind"]!.GetValue<string>() == "KeyPlace")!;
        Assert.Equal("上海体育馆", place["name"]!.GetValue<string>());
        Assert.Equal(1, place["keyPlaceId"]!.GetValue<long>());
        Assert.Equal(31.1830, place["latitude"]!.GetValue<double>(), 6);
    }
}
