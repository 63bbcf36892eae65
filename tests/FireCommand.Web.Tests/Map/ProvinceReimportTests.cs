using System.IO.Compression;
using System.Net;
using System.Text.Json;
using FireCommand.Core.Data;
using FireCommand.Core.Map.Province;
using FireCommand.Core.Resources;
using FireCommand.Web.Cli;
using FireCommand.Web.Tests.Cli;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FireCommand.Web.Tests.Cli.ProvinceRecordFileTests;
using static FireCommand.Web.Tests.Dispatch.DispatchTestData;

namespace FireCommand.Web.Tests.Map;

/// <summary>Restarting on a newer package of the same province keeps what happened and applies what changed.</summary>
public sealed class ProvinceReimportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-province-reimport-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Restart_OnAPackageWithoutOneHydrant_KeepsIncidentUsersAndAudit_AndRetiresTheHydrant()
    {
        var osm = CliRun.SharedData("osm/north-bayreuth.osm.gz");
        var hydrant = OsmTagCount.Objects(osm, "emergency", "fire_hydrant").Keys.Order(StringComparer.Ordinal).First();
        // Package B: the same extract with one hydrant's tag taken off, as when the hydrant is removed in OSM.
        var extractB = Path.Combine(_dir, "b.osm.gz");
        WithoutHydrantTag(osm, extractB, hydrant["node/".Length..]);
        var a = await Build(osm, "a");
        var b = await Build(extractB, "b");
        Assert.Equal(20, a.Records.WaterSources.Count);
        Assert.Equal(19, b.Records.WaterSources.Count);

        var data = Directory.CreateDirectory(Path.Combine(_dir, "data")).FullName;
        var settings = PlatformFactory.Defaults(data);
        settings["Database:Provider"] = "Sqlite";
        settings["Province:Path"] = a.Directory;
        long incident, unit;
        int auditBefore, usersBefore;
        using (var first = new PlatformFactory(settings))
        {
            var dispatcher = await new ApiClient(first.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false }))
                .SignedInAs("dispatcher", PlatformFactory.DemoPassword);
            var station = a.Records.Stations[0];
            incident = (await TakeAlarmAsync(dispatcher, station.Latitude + 0.002, station.Longitude, "Testweg 1"))["id"]!.GetValue<long>();
            unit = station.Units[0].Id;
            var sent = await dispatcher.PostAsync($"/api/incidents/{incident}/dispatch", new { units = new[] { new { unitId = unit } } });
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            (auditBefore, usersBefore) = await Counts(first);
            using var scope = first.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
            // The seeded stations carry their road-time response areas.
            Assert.Equal(7, await db.Stations.IgnoreQueryFilters().CountAsync(s => s.District != null));
        }

        settings["Province:Path"] = b.Directory;
        using (var second = new PlatformFactory(settings))
        {
            _ = second.Server;
            var (audit, users) = await Counts(second);
            Assert.Equal(usersBefore, users);
            Assert.Equal(auditBefore + 1, audit);
            using var scope = second.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
            var entry = await db.AuditEntries.IgnoreQueryFilters().OrderByDescending(e => e.Id).FirstAsync();
            Assert.Equal(("Reimported", ProvinceReimport.AuditEntity), (entry.Action, entry.Entity));
            using var changes = JsonDocument.Parse(entry.Changes);
            var water = changes.RootElement.GetProperty("waterSources");
            Assert.Equal((0, 0, 1), (water.GetProperty("added").GetInt32(), water.GetProperty("updated").GetInt32(), water.GetProperty("retired").GetInt32()));
            var stations = changes.RootElement.GetProperty("stations");
            Assert.Equal((0, 0, 0), (stations.GetProperty("added").GetInt32(), stations.GetProperty("updated").GetInt32(), stations.GetProperty("retired").GetInt32()));

            // The incident and its dispatched unit are as they were; the hydrant is out of service, not deleted.
            Assert.True(await db.Incidents.IgnoreQueryFilters().AnyAsync(i => i.Id == incident));
            Assert.True(await db.Assignments.IgnoreQueryFilters().AnyAsync(x => x.IncidentId == incident && x.UnitId == unit));
            Assert.Equal(UnitStatus.Dispatched, (await db.Units.IgnoreQueryFilters().SingleAsync(u => u.Id == unit)).Status);
            Assert.Equal(20, await db.WaterSources.IgnoreQueryFilters().CountAsync());
            var gone = await db.WaterSources.IgnoreQueryFilters().Where(w => !w.InService).ToListAsync();
            Assert.Equal(a.Records.WaterSources.Single(w => w.Source == "osm:" + hydrant).Id, Assert.Single(gone).Id);
        }

        // The same package again changes nothing: no new audit entry.
        using (var third = new PlatformFactory(settings))
        {
            _ = third.Server;
            Assert.Equal(auditBefore + 1, (await Counts(third)).Audit);
        }
    }

    [Fact]
    public async Task Restart_OnANewerRegister_UpdatesKeyPlacesByCode_RetiresWhatIsGone_AndBringsItBack()
    {
        // Register A: three stations; key places with a code, one known by its name alone, one that will be dropped.
        var a = await BuildShanghai("a", $"XH,徐汇消防救援站,一级站,{Pos(Zhaojiabang)}\nPD,浦东消防救援站,特勤站,{Pos(PudongSouth)}\n"
            + $"ZB,闸北消防救援站,二级站,{Pos(ZhongshanNorth)}\n", """
            ZD-1,上海体育馆,大型综合体,121.4370,31.1830,10
            ,环球港,大型综合体、人员密集场所,121.4127,31.2328,
            ,旧仓库,农村火灾高风险区,121.4500,31.2200,
            """);
        // Register B: 闸北 is gone; a new place is listed first (every line moves), ZD-1 is renamed and raised, 旧仓库 is gone.
        var b = await BuildShanghai("b", $"XH,徐汇消防救援站,一级站,{Pos(Zhaojiabang)}\nPD,浦东消防救援站,特勤站,{Pos(PudongSouth)}\n", """
            ZD-9,新天地,人员密集场所,121.4750,31.2190,
            ZD-1,上海体育场,大型综合体,121.4370,31.1830,12
            ,环球港,大型综合体、人员密集场所,121.4127,31.2328,
            """);
        Assert.Equal(3, a.Records.KeyPlaces!.Count);

        var data = Directory.CreateDirectory(Path.Combine(_dir, "data")).FullName;
        var settings = PlatformFactory.Defaults(data);
        settings["Database:Provider"] = "Sqlite";
        settings["Province:Path"] = a.Directory;
        var zhabei = a.Records.Stations.Single(s => s.Name == "闸北消防救援站");
        var busyUnit = zhabei.Units[0].Id;
        var warehouse = a.Records.KeyPlaces.Single(k => k.Name == "旧仓库").Id;
        long incident;
        using (var first = new PlatformFactory(settings))
        {
            var dispatcher = await new ApiClient(first.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false }))
                .SignedInAs("dispatcher", PlatformFactory.DemoPassword);
            incident = (await TakeAlarmAsync(dispatcher, zhabei.Latitude + 0.001, zhabei.Longitude, "旧仓库"))["id"]!.GetValue<long>();
            var sent = await dispatcher.PostAsync($"/api/incidents/{incident}/dispatch", new { units = new[] { new { unitId = busyUnit } } });
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            using var scope = first.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
            (await db.Incidents.IgnoreQueryFilters().SingleAsync(i => i.Id == incident)).KeyPlaceId = warehouse;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        settings["Province:Path"] = b.Directory;
        using (var second = new PlatformFactory(settings))
        {
            _ = second.Server;
            using (var scope = second.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
                using var changes = await LastReimport(db);
                Assert.Equal((1, 1, 1), Counted(changes.RootElement.GetProperty("keyPlaces")));
                // The two stations left take over 闸北's streets: their road-time response areas change.
                Assert.Equal((0, 2, 1), Counted(changes.RootElement.GetProperty("stations")));

                var places = await db.KeyPlaces.IgnoreQueryFilters().OrderBy(k => k.Id).ToListAsync(TestContext.Current.CancellationToken);
                Assert.Equal(4, places.Count);
                // Matched by code and by name, whatever line they are on now: the same rows, updated in place.
                var stadium = places.Single(k => k.Id == a.Records.KeyPlaces.Single(x => x.Name == "上海体育馆").Id);
                Assert.Equal(("上海体育场", 12, false), (stadium.Name, stadium.Floors, stadium.Retired));
                Assert.False(places.Single(k => k.Id == a.Records.KeyPlaces.Single(x => x.Name == "环球港").Id).Retired);
                Assert.False(places.Single(k => k.Name == "新天地").Retired);
                // The dropped place stays for the incident that refers to it, marked retired.
                Assert.True(places.Single(k => k.Id == warehouse).Retired);
                Assert.Equal(warehouse, (await db.Incidents.IgnoreQueryFilters().SingleAsync(i => i.Id == incident)).KeyPlaceId);

                var stations = await db.Stations.IgnoreQueryFilters().ToListAsync(TestContext.Current.CancellationToken);
                Assert.Equal(["闸北消防救援站"], stations.Where(s => s.Retired).Select(s => s.Name));
                Assert.All(await db.Units.IgnoreQueryFilters().Where(u => u.HomeStationId == zhabei.Id && u.Id != busyUnit)
                    .ToListAsync(TestContext.Current.CancellationToken), u => Assert.Equal(UnitStatus.Decommissioned, u.Status));

                // The unit that was out when its station retired comes back available: it is still not offered.
                var unit = await db.Units.IgnoreQueryFilters().SingleAsync(u => u.Id == busyUnit, TestContext.Current.CancellationToken);
                Assert.Equal(UnitStatus.Dispatched, unit.Status);
                unit.ChangeStatus(UnitStatus.Available, DateTimeOffset.UtcNow);
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            }
            var dispatcher = await new ApiClient(second.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false }))
                .SignedInAs("dispatcher", PlatformFactory.DemoPassword);
            var next = (await TakeAlarmAsync(dispatcher, zhabei.Latitude - 0.001, zhabei.Longitude, "天目中路"))["id"]!.GetValue<long>();
            var offered = (await dispatcher.GetJsonAsync($"/api/incidents/{next}/recommendation"))["recommendation"]!["units"]!.AsArray();
            Assert.NotEmpty(offered);
            Assert.DoesNotContain(busyUnit, offered.Select(u => u!["unitId"]!.GetValue<long>()));
            // Coverage counts the available units of stations in service only: the register's own fleet, from package B.
            var coverage = await dispatcher.GetJsonAsync("/api/map/coverage?minutes=5");
            Assert.Equal(b.Records.Stations.Sum(s => s.Units.Count), coverage["availableUnits"]!.GetValue<int>());
            // The One Map still shows the retired station, marked.
            var layer = (await dispatcher.GetJsonAsync("/api/map/stations"))["features"]!.AsArray();
            Assert.Equal(["闸北消防救援站"], layer.Where(f => f!["properties"]!["retired"]!.GetValue<bool>())
                .Select(f => f!["properties"]!["name"]!.GetValue<string>()));
            // So does the dropped key place, marked, for the incident that refers to it.
            var placeLayer = (await dispatcher.GetJsonAsync("/api/map/key-places"))["features"]!.AsArray();
            Assert.Equal(["旧仓库"], placeLayer.Where(f => f!["properties"]!["retired"]!.GetValue<bool>())
                .Select(f => f!["properties"]!["name"]!.GetValue<string>()));
            // The retired station's response area is no longer drawn: only the stations in service have one.
            var districts = (await dispatcher.GetJsonAsync("/api/map/station-districts"))["features"]!.AsArray();
            Assert.Equal(b.Records.Stations.Select(s => s.Name).Order(StringComparer.Ordinal),
                districts.Select(f => f!["properties"]!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        }

        // Register A again: the station and the place are back in service, counted as updated.
        settings["Province:Path"] = a.Directory;
        using (var third = new PlatformFactory(settings))
        {
            _ = third.Server;
            using var scope = third.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
            using var changes = await LastReimport(db);
            Assert.Equal((0, 2, 1), Counted(changes.RootElement.GetProperty("keyPlaces")));
            Assert.Equal((0, 3, 0), Counted(changes.RootElement.GetProperty("stations")));
            Assert.False((await db.Stations.IgnoreQueryFilters().SingleAsync(s => s.Id == zhabei.Id)).Retired);
            Assert.False((await db.KeyPlaces.IgnoreQueryFilters().SingleAsync(k => k.Id == warehouse)).Retired);
            Assert.True((await db.KeyPlaces.IgnoreQueryFilters().SingleAsync(k => k.Name == "新天地")).Retired);
            // Its units decommissioned by the retirement are back available.
            Assert.All(await db.Units.IgnoreQueryFilters().Where(u => u.HomeStationId == zhabei.Id)
                .ToListAsync(TestContext.Current.CancellationToken), u => Assert.Equal(UnitStatus.Available, u.Status));
        }
    }

    [Fact]
    public async Task Start_OnAPackage_OverTheDemoProvince_IsRefused()
    {
        var package = await Build(CliRun.SharedData("osm/monaco.osm.pbf"), "monaco");
        var data = Directory.CreateDirectory(Path.Combine(_dir, "demo")).FullName;
        var settings = PlatformFactory.Defaults(data);
        settings["Database:Provider"] = "Sqlite";
        using (var demo = new PlatformFactory(settings)) _ = demo.Server;
        settings["Province:Path"] = package.Directory;
        using var factory = new PlatformFactory(settings);
        var e = Assert.ThrowsAny<Exception>(() => factory.Server);
        var invalid = Assert.IsType<InvalidDataException>(e is AggregateException x ? x.InnerException : e);
        Assert.Contains("not seeded from a province package", invalid.Message);
    }

    private async Task<ProvincePackage> Build(string osm, string name)
    {
        var output = Path.Combine(_dir, name);
        var exit = await CliVerbs.RunAsync(["province", "build", "--osm", osm, "--out", output], TextWriter.Null, TextWriter.Null,
            TestContext.Current.CancellationToken);
        Assert.Equal(0, exit);
        return ProvincePackage.Read(output);
    }

    private async Task<ProvincePackage> BuildShanghai(string name, string stationRows, string keyPlaceRows)
    {
        // The same file names in both builds: a record's key is its file and its code (or name).
        var dir = Directory.CreateDirectory(Path.Combine(_dir, name + "-files")).FullName;
        var stations = Path.Combine(dir, "stations.csv");
        var keyPlaces = Path.Combine(dir, "key-places.csv");
        await File.WriteAllTextAsync(stations, "编号,名称,类别,经度,纬度\n" + stationRows, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(keyPlaces, "编号,名称,类别,经度,纬度,层数\n" + keyPlaceRows + "\n", TestContext.Current.CancellationToken);
        var output = Path.Combine(_dir, name);
        var err = new StringWriter();
        var exit = await CliVerbs.RunAsync(["province", "build", "--osm", CliRun.SharedData("osm/shanghai-center.osm.gz"), "--out", output,
            "--stations", stations + ":wgs84", "--key-places", keyPlaces + ":wgs84"], TextWriter.Null, err, TestContext.Current.CancellationToken);
        Assert.True(exit == 0, err.ToString());
        return ProvincePackage.Read(output);
    }

    private static async Task<JsonDocument> LastReimport(FireCommandDbContext db)
    {
        var entry = await db.AuditEntries.IgnoreQueryFilters().OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal(("Reimported", ProvinceReimport.AuditEntity), (entry.Action, entry.Entity));
        return JsonDocument.Parse(entry.Changes);
    }

    private static (int Added, int Updated, int Retired) Counted(JsonElement counts) =>
        (counts.GetProperty("added").GetInt32(), counts.GetProperty("updated").GetInt32(), counts.GetProperty("retired").GetInt32());

    private static void WithoutHydrantTag(string osmGz, string target, string nodeId)
    {
        string xml;
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(osmGz), CompressionMode.Decompress))) xml = reader.ReadToEnd();
        var start = xml.IndexOf($"<node id=\"{nodeId}\"", StringComparison.Ordinal);
        var end = xml.IndexOf("</node>", start, StringComparison.Ordinal);
        var node = xml[start..end];
        var tag = System.Text.RegularExpressions.Regex.Match(node, "<tag k=\"emergency\" v=\"fire_hydrant\"\\s*/>");
        Assert.True(tag.Success, node);
        xml = xml[..(start + tag.Index)] + xml[(start + tag.Index + tag.Length)..];
        using var writer = new StreamWriter(new GZipStream(File.Create(target), CompressionLevel.Fastest));
        writer.Write(xml);
    }

    private static async Task<(int Audit, int Users)> Counts(PlatformFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
        return (await db.AuditEntries.IgnoreQueryFilters().CountAsync(), await db.Users.CountAsync());
    }
}
