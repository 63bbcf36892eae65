using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using FireCommand.Core.Map.Province;
using FireCommand.Web.Cli;
using FireCommand.Web.Tests.Infrastructure;
using static FireCommand.Web.Tests.Dispatch.DispatchTestData;

namespace FireCommand.Web.Tests.Map;

/// <summary>The platform started on a province package built from North Bayreuth, with demo users switched on.</summary>
public sealed class ProvinceHost : PackageHost
{
    public override string Extract => "osm/north-bayreuth.osm.gz";
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
    public async Task AlarmAtARealAddressFoundByName_IsAnsweredByRoadFromTheNearestOsmStation()
    {
        using var dispatcher = await Demo("dispatcher");
        await GazetteerAlarm.AssertAnsweredByRoadAsync(dispatcher, Host.Package!, "address", "poi", "street");
    }

    [Fact]
    public async Task DemoUsers_CanBeSwitchedOnForARealProvince()
    {
        using var commander = await Demo("commander");
        var response = await commander.GetAsync("/api/stations");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task DemoHistory_OnARealProvince_IsDrawnOnThePackagesOwnRecords()
    {
        using var commander = await Demo("commander");
        var overview = await commander.GetJsonAsync("/api/analytics/overview?days=30");
        Assert.True(overview["incidentsByDay"]!.AsArray().Sum(d => d!["count"]!.GetValue<int>()) > 0, overview.ToJsonString());

        using var scope = Host.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FireCommand.Core.Data.FireCommandDbContext>();
        var records = Host.Package!.Records;
        var ct = TestContext.Current.CancellationToken;
        // History is what the seeding wrote (taken by "demo"), as against the alarms the other tests take.
        var seeded = await db.Alarms.IgnoreQueryFilters().Where(a => a.TakenBy == "demo").Select(a => a.IncidentId).ToListAsync(ct);
        var history = await db.Incidents.IgnoreQueryFilters().AsNoTracking().Where(i => seeded.Contains(i.Id)).ToListAsync(ct);
        var assignments = await db.Assignments.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        Assert.True(history.Count > 30, $"{history.Count} past incidents");
        Assert.All(history, i => Assert.Equal(FireCommand.Core.Dispatch.IncidentState.Closed, i.State));
        var jurisdictions = records.Jurisdictions.Select(j => j.Id).ToHashSet();
        var packageUnits = records.Stations.SelectMany(s => s.Units).Select(u => u.Id).ToHashSet();
        foreach (var incident in history)
        {
            Assert.Contains(incident.JurisdictionId, jurisdictions);
            // Calls are drawn around the package's settlements (at most ~400 m from the centre in town).
            var nearest = records.Settlements.Min(s => Meters(incident.Location.Y, incident.Location.X, s.Latitude, s.Longitude));
            Assert.True(nearest < 600, $"incident {incident.Number} is {nearest:F0} m from every settlement");
        }
        var historyIds = history.Select(i => i.Id).ToHashSet();
        var sent = assignments.Where(a => historyIds.Contains(a.IncidentId)).ToList();
        Assert.NotEmpty(sent);
        Assert.All(sent, a => Assert.Contains(a.UnitId, packageUnits));
        Assert.All(sent, a => Assert.True(a.EtaSeconds > 0));
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
