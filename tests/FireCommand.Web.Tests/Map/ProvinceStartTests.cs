using System.Net;
using Microsoft.Extensions.DependencyInjection;
using FireCommand.Core.Map.Province;
using FireCommand.Web.Cli;
using FireCommand.Web.Tests.Infrastructure;
using static FireCommand.Web.Tests.Dispatch.DispatchTestData;

namespace FireCommand.Web.Tests.Map;

/// <summary>The platform started on a province package built from North Bayreuth, with demo users switched on.</summary>
public sealed class ProvinceHost : DatabaseHost
{
    public override string ProviderName => "Sqlite";

    public ProvincePackage? Package { get; private set; }

    protected override async Task<Dictionary<string, string?>?> PrepareAsync()
    {
        var osm = Path.Combine(FireCommand.Tests.SharedDataFiles.Root, "osm/north-bayreuth.osm.gz");
        if (!File.Exists(osm))
        {
            SkipReason = $"needs shared data file 'osm/north-bayreuth.osm.gz', missing from {FireCommand.Tests.SharedDataFiles.Root}";
            return null;
        }
        Directory.CreateDirectory(DataDirectory);
        var packageDir = Path.Combine(DataDirectory, "package");
        var exit = await CliVerbs.RunAsync(["province", "build", "--osm", osm, "--out", packageDir], TextWriter.Null, TextWriter.Null,
            CancellationToken.None);
        if (exit != 0) throw new InvalidOperationException($"province build exited {exit}");
        Package = ProvincePackage.Read(packageDir);
        var s = PlatformFactory.Defaults(DataDirectory);
        s["Database:Provider"] = "Sqlite";
        s["Province:Path"] = packageDir;
        return s;
    }
}

public sealed class ProvinceStartTests(ProvinceHost host) : PlatformTest<ProvinceHost>(host), IClassFixture<ProvinceHost>
{
    [Fact]
    public async Task Platform_OnAPackage_ShowsThePackagesStationsNotTheDemoProvince()
    {
        using var dispatcher = await Demo("dispatcher");
        var stations = (await dispatcher.GetJsonAsync("/api/stations")).AsArray();
        Assert.Equal(Host.Package!.Records.Stations.Select(s => s.Name).Order(),
            stations.Select(s => s!["name"]!.GetValue<string>()).Order());
        var waterSources = Host.Package.Records.WaterSources.Count;
        Assert.Equal(20, waterSources);
    }

    [Fact]
    public async Task Alarm_NearARealStation_IsAnsweredByRoadFromThatStation()
    {
        using var dispatcher = await Demo("dispatcher");
        var records = Host.Package!.Records;
        // A station whose nearest neighbour is over 2 km away (straight line), and a road point about 200 m
        // from it: the first unit by road must come from there, whatever the road network looks like.
        var station = records.Stations.First(s => records.Stations.Where(o => o.Id != s.Id)
            .All(o => Meters(s.Latitude, s.Longitude, o.Latitude, o.Longitude) > 2_000));
        var (lat, lon) = records.Roads.SelectMany(r => r.Shape).Select(c => (Lat: c[1], Lon: c[0]))
            .Where(p => Meters(p.Lat, p.Lon, station.Latitude, station.Longitude) is > 150 and < 400)
            .OrderBy(p => Math.Abs(Meters(p.Lat, p.Lon, station.Latitude, station.Longitude) - 200)).First();

        var id = (await TakeAlarmAsync(dispatcher, lat, lon, "Testweg 1"))["id"]!.GetValue<long>();
        var first = (await dispatcher.GetJsonAsync($"/api/incidents/{id}/recommendation"))["recommendation"]!["units"]!.AsArray()[0]!;
        var unitId = first["unitId"]!.GetValue<long>();
        Assert.Contains(unitId, station.Units.Select(u => u.Id));
        // By road: a travel time from the package's graph (a unit off the network would have none), and one no
        // fire engine could beat in a straight line at 108 km/h.
        var eta = first["etaSeconds"]?.GetValue<double>() ?? throw new Xunit.Sdk.XunitException(first.ToJsonString());
        Assert.True(eta >= first["straightLineMeters"]!.GetValue<double>() / 30, $"eta {eta} s");
    }

    [Fact]
    public void Routing_UsesThePackagesGraph()
    {
        if (Host.SkipReason is not null) Requirements.SkipOrFail(Host.SkipReason);
        var geography = Host.Factory.Services.GetRequiredService<FireCommand.Web.Map.ProvinceGeography>();
        var network = geography.Current.Routing!.Network;
        var stored = FireCommand.Geo.Storage.RoadNetworkFile.Load(Host.Package!.GraphPath);
        Assert.Equal(stored.Graph.NodeCount, network.Graph.NodeCount);
        Assert.Equal(stored.Graph.ArcCount, network.Graph.ArcCount);
        // A graph rebuilt from the road table has the same roads but neither the extract's name nor its places.
        Assert.Equal("north-bayreuth.osm.gz", network.Source);
        Assert.Equal(27, network.Places.Count);
    }

    [Fact]
    public async Task DemoUsers_CanBeSwitchedOnForARealProvince()
    {
        using var commander = await Demo("commander");
        var response = await commander.GetAsync("/api/stations");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static double Meters(double lat1, double lon1, double lat2, double lon2) =>
        new FireCommand.Geo.GeoPoint(lat1, lon1).DistanceMetersTo(new FireCommand.Geo.GeoPoint(lat2, lon2));
}

public sealed class ProvinceStartRefusalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-province-bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Start_OnAFolderThatIsNoPackage_StopsWithTheReasonAndSeedsNothing()
    {
        var notAPackage = Directory.CreateDirectory(Path.Combine(_dir, "empty")).FullName;
        var data = Path.Combine(_dir, "data");
        Directory.CreateDirectory(data);
        var settings = PlatformFactory.Defaults(data);
        settings["Database:Provider"] = "Sqlite";
        settings["Province:Path"] = notAPackage;
        using var factory = new PlatformFactory(settings);
        var e = Assert.ThrowsAny<Exception>(() => factory.Server);
        var invalid = Assert.IsType<InvalidDataException>(e is AggregateException a ? a.InnerException : e);
        Assert.Contains("manifest.json", invalid.Message);
        // The demo province was not seeded in its place: the database has no station.
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Directory.GetFiles(data, "*.db").Single()}");
        db.Open();
        using var count = db.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM \"Stations\"";
        Assert.Equal(0L, (long)count.ExecuteScalar()!);
    }
}
