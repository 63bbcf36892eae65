using System.Globalization;
using System.Text;
using FireCommand.Core.Map.Province;
using FireCommand.Geo;
using static FireCommand.Web.Tests.Cli.ProvinceRecordFileTests;

namespace FireCommand.Web.Tests.Cli;

/// <summary>
/// A point given in GCJ-02 or BD-09 lands where its WGS-84 twin is. The twins are made here with the
/// published forward formulas written out afresh (not the platform's code), and the import's inverse
/// must bring them back within a metre.
/// </summary>
public sealed class ProvinceRecordCoordinateTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-cli-crs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly GeoPoint[] Points = [Zhaojiabang, PudongSouth, ZhongshanNorth];

    [Fact]
    public async Task Gcj02Stations_AndBd09WaterSources_LandOnTheirWgs84Twins()
    {
        var stations = new StringBuilder("code,name,kind,longitude,latitude\n");
        var features = new List<string>();
        for (var i = 0; i < Points.Length; i++)
        {
            var gcj = Gcj(Points[i]);
            // The offset is hundreds of metres here: a file read in the wrong system would miss by that much.
            Assert.True(gcj.DistanceMetersTo(Points[i]) > 300, $"GCJ-02 offset {gcj.DistanceMetersTo(Points[i])} m");
            stations.Append(CultureInfo.InvariantCulture, $"S{i},站{i},二级站,{gcj.Longitude:R},{gcj.Latitude:R}\n");
            var bd = Bd(gcj);
            Assert.True(bd.DistanceMetersTo(Points[i]) > 800, $"BD-09 offset {bd.DistanceMetersTo(Points[i])} m");
            features.Add("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":["
                + string.Create(CultureInfo.InvariantCulture, $"{bd.Longitude:R},{bd.Latitude:R}")
                + $"]}},\"properties\":{{\"code\":\"W{i}\",\"类型\":\"市政消火栓\"}}}}");
        }
        var stationFile = Path.Combine(_dir, "stations.csv");
        await File.WriteAllTextAsync(stationFile, stations.ToString(), TestContext.Current.CancellationToken);
        var waterFile = Path.Combine(_dir, "water.geojson");
        await File.WriteAllTextAsync(waterFile, $$"""{"type":"FeatureCollection","features":[{{string.Join(",", features)}}]}""",
            TestContext.Current.CancellationToken);

        var output = Path.Combine(_dir, "out");
        var run = await CliRun.Run("province", "build", "--osm", CliRun.SharedData("osm/shanghai-center.osm.gz"), "--out", output,
            "--stations", stationFile + ":gcj02", "--water-sources", waterFile + ":BD-09");
        Assert.True(run.Exit == 0, run.Err);
        var records = ProvincePackage.Read(output).Records;
        for (var i = 0; i < Points.Length; i++)
        {
            var s = records.Stations.Single(x => x.Name == $"站{i}");
            Assert.True(Points[i].DistanceMetersTo(new GeoPoint(s.Latitude, s.Longitude)) < 1.0, $"station {i}");
            var w = records.WaterSources.Single(x => x.Code == $"W{i}");
            Assert.True(Points[i].DistanceMetersTo(new GeoPoint(w.Latitude, w.Longitude)) < 1.0, $"water source {i}");
        }
    }

    // WGS-84 → GCJ-02 as published (Krasovsky ellipsoid, the public "eviltransform" polynomial).
    private static GeoPoint Gcj(GeoPoint p)
    {
        const double a = 6378245.0, ee = 0.00669342162296594323;
        double x = p.Longitude - 105.0, y = p.Latitude - 35.0;
        double dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.Sqrt(Math.Abs(x));
        dLat += (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        dLat += (20.0 * Math.Sin(y * Math.PI) + 40.0 * Math.Sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        dLat += (160.0 * Math.Sin(y / 12.0 * Math.PI) + 320.0 * Math.Sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        double dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.Sqrt(Math.Abs(x));
        dLon += (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        dLon += (20.0 * Math.Sin(x * Math.PI) + 40.0 * Math.Sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        dLon += (150.0 * Math.Sin(x / 12.0 * Math.PI) + 300.0 * Math.Sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        double radLat = p.Latitude / 180.0 * Math.PI, magic = 1 - ee * Math.Sin(radLat) * Math.Sin(radLat), sqrtMagic = Math.Sqrt(magic);
        dLat = dLat * 180.0 / (a * (1 - ee) / (magic * sqrtMagic) * Math.PI);
        dLon = dLon * 180.0 / (a / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return new GeoPoint(p.Latitude + dLat, p.Longitude + dLon);
    }

    // GCJ-02 → BD-09 as Baidu publishes it.
    private static GeoPoint Bd(GeoPoint gcj)
    {
        const double xPi = Math.PI * 3000.0 / 180.0;
        double x = gcj.Longitude, y = gcj.Latitude;
        double z = Math.Sqrt(x * x + y * y) + 0.00002 * Math.Sin(y * xPi);
        double theta = Math.Atan2(y, x) + 0.000003 * Math.Cos(x * xPi);
        return new GeoPoint(z * Math.Sin(theta) + 0.006, z * Math.Cos(theta) + 0.0065);
    }
}
