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
