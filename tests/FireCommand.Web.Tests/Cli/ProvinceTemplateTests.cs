using System.Text;
using FireCommand.Core.Map.Province;
using FireCommand.Core.Resources;
using MiniExcelLibs;
using static FireCommand.Web.Tests.Cli.ProvinceRecordFileTests;

namespace FireCommand.Web.Tests.Cli;

/// <summary>Templates: the header row a corps sees, and export → fill → import for CSV and Excel.</summary>
public sealed class ProvinceTemplateTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-cli-template-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // The header rows as the documentation promises them.
    private static readonly Dictionary<string, string> Headers = new()
    {
        ["stations"] = "编号* code,名称* name,类别* kind,经度* longitude,纬度* latitude,地址 address,电话 phone",
        ["units"] = "所属站编号* station,呼号* call_sign,车辆类型* type,载水量(升) water_liters,载泡沫量(升) foam_liters,举高(米) reach_meters,座位数 seats",
        ["water-sources"] = "编号* code,类型* kind,经度* longitude,纬度* latitude,地址 address,容量(立方米) capacity_m3",
        ["key-places"] = "编号 code,名称* name,类别* categories,经度* longitude,纬度* latitude,地址 address,层数 floors,高度(米) height_meters,"
                         + "建筑面积(平方米) floor_area_m2,人员数 occupants,消防安全责任人 responsible_person,电话 phone",
    };

    // Rows to fill in, one list per template, in the header's column order; Chinese and English values mixed.
    private static readonly Dictionary<string, string[][]> Fill = new()
    {
        ["stations"] = [["A1", "徐汇消防救援站", "特勤站", .. Pos(Zhaojiabang).Split(','), "肇嘉浜路1号", "119"],
                        ["A2", "浦东消防救援站", "Small station", .. Pos(PudongSouth).Split(','), "", ""]],
        ["units"] = [["A1", "徐汇 登高1", "登高平台消防车", "", "", "54", "3"], ["A1", "徐汇 主战1", "MainPumper", "6000", "800", "", ""]],
        ["water-sources"] = [["XH-1", "市政消火栓", "121.461", "31.206", "肇嘉浜路口", ""], ["XH-2", "Fire pool", "121.47", "31.21", "", "500"]],
        ["key-places"] = [["ZD-1", "环球港", "大型综合体、人员密集场所", "121.4127", "31.2328", "中山北路3300号", "10", "60", "480000", "20000", "张三", "021-1"]],
    };

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Template_FilledIn_IsImported(string format)
    {
        var files = new Dictionary<string, string>();
        foreach (var table in Headers.Keys)
        {
            var path = Path.Combine(_dir, $"{table}.{format}");
            var run = await CliRun.Run("province", "template", table, "--format", format, "--out", path);
            Assert.True(run.Exit == 0, run.Err);
            Assert.Equal(Headers[table].Split(','), format == "csv" ? CsvHeader(path) : SheetHeader(path));
            if (format == "csv") FillCsv(path, Fill[table]);
            else FillSheet(path, Fill[table]);
            files[table] = path;
        }

        var output = Path.Combine(_dir, "out");
        var build = await CliRun.Run("province", "build", "--osm", CliRun.SharedData("osm/shanghai-center.osm.gz"), "--out", output,
            "--stations", files["stations"] + ":wgs84", "--units", files["units"], "--water-sources", files["water-sources"] + ":wgs84",
            "--key-places", files["key-places"] + ":wgs84");
        Assert.True(build.Exit == 0, build.Err + build.Out);
        var r = ProvincePackage.Read(output).Records;
        Assert.Equal([("徐汇消防救援站", StationKind.Special, "肇嘉浜路1号"), ("浦东消防救援站", StationKind.Small, (string?)null)],
            r.Stations.Select(s => (s.Name, s.Kind, s.Address)));
        Assert.Equal([("徐汇 登高1", ApparatusType.AerialPlatform, 54.0, 3), ("徐汇 主战1", ApparatusType.MainPumper, 0.0, 6)],
            r.Stations[0].Units.Select(u => (u.CallSign, u.Type, u.ReachHeightMeters, u.Seats)));
        Assert.Equal((6000, 800), (r.Stations[0].Units[1].WaterCapacityLiters, r.Stations[0].Units[1].FoamCapacityLiters));
        Assert.All(r.Stations[1].Units, u => Assert.True(u.Generated));
        Assert.Equal([("XH-1", WaterSourceKind.Hydrant, (double?)null), ("XH-2", WaterSourceKind.FirePool, 500.0)],
            r.WaterSources.Select(w => (w.Code, w.Kind, w.CapacityCubicMeters)));
        var place = Assert.Single(r.KeyPlaces!);
        Assert.Equal(("环球港", KeyPlaceCategory.LargeComplex | KeyPlaceCategory.Crowded, 10, 60.0, 480000.0, 20000, "张三"),
            (place.Name, place.Categories, place.Floors, place.HeightMeters, place.FloorAreaSquareMeters, place.Occupants, place.ResponsiblePerson));
    }

    [Fact]
    public async Task XlsxTemplate_ExplainsItsColumnsInChinese_WithoutCodeNames()
    {
        var path = Path.Combine(_dir, "stations.xlsx");
        Assert.Equal(0, (await CliRun.Run("province", "template", "stations", "--format", "xlsx", "--out", path)).Exit);
        Assert.Equal(["数据", "说明"], MiniExcel.GetSheetNames(path));
        var notes = MiniExcel.Query(path, sheetName: "说明").Cast<IDictionary<string, object>>()
            .Select(row => string.Join("|", row.Values)).ToList();
        var kind = Assert.Single(notes, n => n.StartsWith("类别* kind", StringComparison.Ordinal));
        Assert.Contains("特勤站、一级站、二级站、小型站、专职队、乡镇专职队、微型消防站", kind);
        Assert.DoesNotContain("Class1", string.Join("\n", notes));
    }

    [Fact]
    public async Task WorkbookFaults_AreReportedByTheirSheetRow_PastBlankRows()
    {
        var path = Path.Combine(_dir, "stations.xlsx");
        Assert.Equal(0, (await CliRun.Run("province", "template", "stations", "--format", "xlsx", "--out", path)).Exit);
        FillSheet(path, [["A1", "徐汇消防救援站", "特勤站", .. Pos(Zhaojiabang).Split(',')], ["", "", "", "", ""], ["", "", "", "", ""],
            ["A2", "浦东消防救援站", "大型站", .. Pos(PudongSouth).Split(',')]]);
        var run = await CliRun.Run("province", "build", "--osm", CliRun.SharedData("osm/shanghai-center.osm.gz"), "--out", Path.Combine(_dir, "out"),
            "--stations", path + ":wgs84");
        Assert.Equal(1, run.Exit);
        Assert.Contains("stations.xlsx:5 kind: '大型站' is not one of", run.Err);
    }

    [Fact]
    public async Task Template_NeverOverwritesAFile()
    {
        var path = Path.Combine(_dir, "mine.csv");
        await File.WriteAllTextAsync(path, "mine", TestContext.Current.CancellationToken);
        var run = await CliRun.Run("province", "template", "stations", "--format", "csv", "--out", path);
        Assert.Equal(1, run.Exit);
        Assert.Equal("mine", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
    }

    private static string[] CsvHeader(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // a BOM, so Excel shows the Chinese headers
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).TrimEnd('\r', '\n').Split(',');
    }

    private static void FillCsv(string path, string[][] rows) =>
        File.AppendAllText(path, string.Concat(rows.Select(r => string.Join(",", r) + "\r\n")), Encoding.UTF8);

    private static object? Cell(string text) =>
        text.Length == 0 ? null
        : double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d
        : text;

    private static string[] SheetHeader(string path) =>
        MiniExcel.Query(path, useHeaderRow: false).Cast<IDictionary<string, object>>().First().Values.Select(v => v?.ToString() ?? "").ToArray();

    private static void FillSheet(string path, string[][] rows)
    {
        var header = SheetHeader(path);
        var filled = new List<Dictionary<string, object?>> { header.Select((h, i) => (h, i)).ToDictionary(x => $"c{x.i}", x => (object?)x.h) };
        // Numbers go in as numbers, as Excel stores what a user types.
        foreach (var row in rows)
        {
            var cells = new Dictionary<string, object?>();
            for (var i = 0; i < header.Length; i++) cells[$"c{i}"] = i < row.Length ? Cell(row[i]) : null;
            filled.Add(cells);
        }
        File.Delete(path);
        MiniExcel.SaveAs(path, filled, printHeader: false);
    }
}
