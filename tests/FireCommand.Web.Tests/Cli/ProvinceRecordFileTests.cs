using System.Text;
using System.Text.Json;
using FireCommand.Core.Map.Province;
using FireCommand.Core.Map.Province.Inputs;
using FireCommand.Core.Resources;
using FireCommand.Geo;

namespace FireCommand.Web.Tests.Cli;

/// <summary>
/// Record files in <c>province build</c>, on the central Shanghai extract (real streets, no station). The
/// points are road nodes of the extract, read off the file: 肇嘉浜路, 浦东南路, 中山北路.
/// </summary>
public sealed class ProvinceRecordFileTests : IDisposable
{
    internal static readonly GeoPoint Zhaojiabang = new(31.2057392, 121.4600918);
    internal static readonly GeoPoint PudongSouth = new(31.2268051, 121.5129688);
    internal static readonly GeoPoint ZhongshanNorth = new(31.2581887, 121.4383462);

    private readonly string _dir = Directory.CreateTempSubdirectory("fc-cli-records-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>"longitude,latitude" as a CSV writes it, whatever the test machine's culture.</summary>
    internal static string Pos(GeoPoint p) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.Longitude},{p.Latitude}");

    private static string Shanghai => CliRun.SharedData("osm/shanghai-center.osm.gz");

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, new UTF8Encoding(true));
        return path;
    }

    private (string Stations, string Units, string KeyPlaces) BadFiles() => (
        Write("stations.csv", $"""
            编号* code,名称* name,类别* kind,经度* longitude,纬度* latitude,地址 address,电话 phone
            SH-01,徐汇消防救援站,一级站,{Pos(Zhaojiabang)},肇嘉浜路,021-64000000
            SH-02,三级站,三级站,{Pos(PudongSouth)},,
            SH-01,重复站,二级站,121.45,31.22,,
            SH-04,坏经度站,二级站,abc,31.22,,
            SH-05,北京站,二级站,116.397,39.909,,
            SH-06,,二级站,121.45,31.22,,
            SH-08,"闸北站, 中山北路",Class 2 station,{Pos(ZhongshanNorth)},,

            """),
        Write("units.csv", """
            station,call_sign,type,water_liters,seats
            SH-01,徐汇 水罐1,水罐消防车,8000,6
            SH-99,无站 水罐1,水罐消防车,,
            SH-01,徐汇 飞机1,消防飞机,,
            SH-08,闸北 主战1,MainPumper,,0
            SH-02,三级 主战1,MainPumper,,
            """),
        Write("key-places.csv", $"""
            编号,名称,类别,经度,纬度,地址,层数
            ZD-1,上海体育馆,大型综合体、人员密集场所,121.4370,31.1830,漕溪北路1111号,4
            ,某大厦,"高层建筑、未知",121.47,31.23,,
            ,某仓库,地下空间,121.47,,,
            ZD-1,某商场,大型综合体,121.48,31.21,,
            """));

    // Each seeded fault: file, line, column.
    private static readonly (string, int, string)[] SeededFaults =
    [
        ("stations.csv", 3, "kind"), ("stations.csv", 4, "code"), ("stations.csv", 5, "longitude"), ("stations.csv", 6, "longitude"),
        ("stations.csv", 7, "name"),
        ("units.csv", 3, "station"), ("units.csv", 4, "type"), ("units.csv", 5, "seats"), ("units.csv", 6, "station"),
        ("key-places.csv", 3, "categories"), ("key-places.csv", 4, "latitude"), ("key-places.csv", 5, "code"),
    ];

    [Fact]
    public async Task BadRows_AreReportedRowByRow_AndNothingIsWritten()
    {
        var (stations, units, keyPlaces) = BadFiles();
        var output = Path.Combine(_dir, "out");
        var before = Directory.EnumerateFileSystemEntries(_dir).Order().ToList();
        var run = await CliRun.Run("province", "build", "--osm", Shanghai, "--out", output, "--stations", stations + ":wgs84",
            "--units", units, "--key-places", keyPlaces + ":cgcs2000");

        Assert.Equal(1, run.Exit);
        Assert.Equal(before, Directory.EnumerateFileSystemEntries(_dir).Order().ToList());
        using var report = JsonDocument.Parse(run.Out);
        var rows = report.RootElement.GetProperty("rejectedRows").EnumerateArray()
            .Select(r => (r.GetProperty("file").GetString()!, r.GetProperty("line").GetInt32(), r.GetProperty("field").GetString()!)).ToList();
        Assert.Equal(SeededFaults.Order(), rows.Order());
        // The readable list names each fault the same way, with its reason.
        Assert.Contains("stations.csv:3 kind: '三级站' is not one of 特勤站、一级站、二级站", run.Err);
        Assert.Contains("stations.csv:4 code: code 'SH-01' is already on line 2", run.Err);
        Assert.Contains("stations.csv:6 longitude: (116.397, 39.909) is outside the package's area", run.Err);
        Assert.Contains("units.csv:6 station: station 'SH-02' was rejected", run.Err);
    }

    [Fact]
    public async Task SkipBadRows_KeepsTheGoodRows_AndListsTheRestInTheManifest()
    {
        var (stations, units, keyPlaces) = BadFiles();
        var output = Path.Combine(_dir, "out");
        var run = await CliRun.Run("province", "build", "--osm", Shanghai, "--out", output, "--stations", stations + ":wgs84",
            "--units", units, "--key-places", keyPlaces + ":cgcs2000", "--skip-bad-rows");
        Assert.True(run.Exit == 0, run.Err);
        var package = ProvincePackage.Read(output);
        var r = package.Records;
        Assert.Equal(["徐汇消防救援站", "闸北站, 中山北路"], r.Stations.Select(s => s.Name));
        var xuhui = r.Stations[0];
        Assert.Equal((StationKind.Class1, "肇嘉浜路", "021-64000000"), (xuhui.Kind, xuhui.Address, xuhui.Phone));
        Assert.Equal((Zhaojiabang.Latitude, Zhaojiabang.Longitude), (xuhui.Latitude, xuhui.Longitude));
        // The listed unit keeps its figures; the station with no good unit row gets the generated fleet of its kind.
        var tender = Assert.Single(xuhui.Units);
        Assert.Equal(("徐汇 水罐1", ApparatusType.WaterTender, 8000, 6, false),
            (tender.CallSign, tender.Type, tender.WaterCapacityLiters, tender.Seats, tender.Generated));
        Assert.Equal(StationKind.Class2, r.Stations[1].Kind);
        Assert.NotEmpty(r.Stations[1].Units);
        Assert.All(r.Stations[1].Units, u => Assert.True(u.Generated));
        var place = Assert.Single(r.KeyPlaces!);
        Assert.Equal(("上海体育馆", KeyPlaceCategory.LargeComplex | KeyPlaceCategory.Crowded, 4, "漕溪北路1111号"),
            (place.Name, place.Categories, place.Floors, place.Address));
        Assert.Contains(r.Names, n => n.Name == "上海体育馆");

        Assert.Equal(SeededFaults.Order(), package.Manifest.RejectedRows!.Select(x => (x.File, x.Line, x.Field)).Order());
        Assert.Equal(SeededFaults.Length, package.Manifest.Counts["rejectedRows"]);
        Assert.Contains(package.Manifest.Sources, s => s.Kind == "stations:wgs84" && s.File == "stations.csv");
        Assert.Contains(package.Manifest.Sources, s => s.Kind == "key-places:cgcs2000");
        Assert.Contains("12 rejected rows were left out", run.Err);
    }

    [Fact]
    public async Task UnknownColumn_StopsTheBuild_EvenWhenRowsMayBeSkipped()
    {
        var stations = Write("stations.csv", "code,name,kind,longitude,latitude,颜色\nA,a,一级站,121.46,31.2,红\n");
        var output = Path.Combine(_dir, "out");
        var run = await CliRun.Run("province", "build", "--osm", Shanghai, "--out", output, "--stations", stations + ":wgs84", "--skip-bad-rows");
        Assert.Equal(1, run.Exit);
        Assert.Contains("stations.csv:1 颜色: unknown column", run.Err);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Gb18030Csv_IsRead()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var path = Path.Combine(_dir, "stations.csv");
        await File.WriteAllBytesAsync(path, Encoding.GetEncoding("GB18030").GetBytes(
            $"编号,名称,类别,经度,纬度\nA,徐汇消防救援站,一级站,{Pos(Zhaojiabang)}\n"), TestContext.Current.CancellationToken);
        var output = Path.Combine(_dir, "out");
        var run = await CliRun.Run("province", "build", "--osm", Shanghai, "--out", output, "--stations", path + ":wgs84");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal("徐汇消防救援站", Assert.Single(ProvincePackage.Read(output).Records.Stations).Name);
    }

    [Fact]
    public async Task GeoJsonFaults_AreReportedByFeatureNumber()
    {
        var water = Write("water.geojson", $$$"""
            {"type":"FeatureCollection","features":[
              {"type":"Feature","geometry":{"type":"Point","coordinates":[{{{Pos(Zhaojiabang)}}}]},"properties":{"code":"W1","kind":"Hydrant"}},
              {"type":"Feature","geometry":{"type":"LineString","coordinates":[[121.46,31.2],[121.47,31.21]]},"properties":{"code":"W2","kind":"Hydrant"}},
              {"type":"Feature","geometry":{"type":"Point","coordinates":[{{{Pos(PudongSouth)}}}]},"properties":{"编号":"W3","类型":"水井"}}
            ]}
            """);
        var run = await CliRun.Run("province", "build", "--osm", Shanghai, "--out", Path.Combine(_dir, "out"), "--water-sources", water + ":wgs84");
        Assert.Equal(1, run.Exit);
        using var report = JsonDocument.Parse(run.Out);
        var rows = report.RootElement.GetProperty("rejectedRows").EnumerateArray()
            .Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("field").GetString()!)).ToList();
        Assert.Equal([(2, "geometry"), (3, "kind")], rows);
    }

    [Fact]
    public async Task MissingRecordFile_IsAnErrorAndWritesNothing()
    {
        var run = await CliRun.Run("province", "build", "--osm", Shanghai, "--out", Path.Combine(_dir, "out"),
            "--key-places", Path.Combine(_dir, "nope.csv") + ":gcj02");
        Assert.Equal(1, run.Exit);
        Assert.Contains("key-places file", run.Err);
        Assert.Contains("nope.csv", run.Err);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
    }

    [Theory]
    [InlineData("--stations", "stations.csv")]
    [InlineData("--water-sources", "w.geojson:tokyo")]
    public async Task RecordFileWithoutItsCoordinateSystem_IsAUsageError(string option, string value)
    {
        var run = await CliRun.Run("province", "build", "--osm", Shanghai, "--out", Path.Combine(_dir, "out"), option, Path.Combine(_dir, value));
        Assert.Equal(2, run.Exit);
        Assert.Contains("wgs84|gcj02|bd09|cgcs2000", run.Err);
    }

    [Fact]
    public async Task Taichung_StationDrawnAsAnArea_KeepsItsChineseName_AndClippedWaysDoNotBreakTheBuild()
    {
        var osm = CliRun.SharedData("osm/taichung-xitun.osm.gz");
        // Units name an extract station by its name when no stations file is given.
        var units = Write("units.csv", "所属站编号,呼号,车辆类型\n協和分隊,協和 水箱車1,水罐消防车\n");
        var output = Path.Combine(_dir, "xitun");
        var run = await CliRun.Run("province", "build", "--osm", osm, "--out", output, "--units", units);
        Assert.True(run.Exit == 0, run.Err);
        using (var report = JsonDocument.Parse(run.Out))
            Assert.True(report.RootElement.GetProperty("missingNodeReferences").GetInt32() > 0, "the README counts 416 references to nodes outside the file");
        var package = ProvincePackage.Read(output);
        var station = Assert.Single(package.Records.Stations);
        Assert.Equal(("協和分隊", "osm:way/362714490", "+886-4-2359-1780"), (station.Name, station.Source, station.Phone));
        Assert.Equal("臺中市 臺灣大道四段 1347", station.Address);
        // The area's four corners average to 24.18385, 120.60900 (read off the extract); the station stands there.
        var ways = OsmTagCount.Objects(osm, "amenity", "fire_station");
        Assert.Equal(["way/362714490"], ways.Keys);
        Assert.True(new GeoPoint(24.18385, 120.60900).DistanceMetersTo(new GeoPoint(station.Latitude, station.Longitude)) < 15);
        var unit = Assert.Single(station.Units);
        Assert.Equal(("協和 水箱車1", false), (unit.CallSign, unit.Generated));
        Assert.Contains(package.Records.Names, n => n.Name == "臺中市政府消防局第六救災救護大隊協和分隊");
    }
}
