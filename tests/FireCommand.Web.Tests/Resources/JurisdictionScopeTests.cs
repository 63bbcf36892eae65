using System.Net;
using System.Text.Json.Nodes;
using FireCommand.Web.Tests.Infrastructure;

namespace FireCommand.Web.Tests.Resources;

/// <summary>A detachment user sees and changes only their detachment's records.</summary>
public abstract class JurisdictionScopeTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    /// <summary>Detachments in id order (dispatcherN is bound to the Nth) and the jurisdiction ids under each.</summary>
    private async Task<List<(long Id, HashSet<long> Subtree)>> DetachmentsAsync(ApiClient admin)
    {
        var all = (await admin.GetJsonAsync("/api/jurisdictions")).AsArray()
            .Select(j => (Id: j!["id"]!.GetValue<long>(), Parent: j["parentId"]?.GetValue<long>(), Level: j["level"]!.GetValue<string>()))
            .ToList();
        return all.Where(j => j.Level == "Detachment").OrderBy(j => j.Id).Select(d =>
        {
            var subtree = new HashSet<long> { d.Id };
            foreach (var j in all.Where(j => j.Parent is { } p && subtree.Contains(p))) subtree.Add(j.Id);
            foreach (var j in all.Where(j => j.Parent is { } p && subtree.Contains(p))) subtree.Add(j.Id);
            return (d.Id, subtree);
        }).ToList();
    }

    private static async Task<JsonArray> StationsAsync(ApiClient client) => (await client.GetJsonAsync("/api/stations")).AsArray();

    [Fact]
    public async Task DetachmentUser_SeesOnlyOwnStationsUnitsAndMapLayers()
    {
        using var admin = await Admin();
        var detachments = await DetachmentsAsync(admin);
        Assert.True(detachments.Count >= 2, "the demo province has several detachments");
        var own = detachments[0].Subtree;

        using var dispatcher = await Demo("dispatcher1");
        var stations = await StationsAsync(dispatcher);
        Assert.NotEmpty(stations);
        Assert.All(stations, s => Assert.Contains(s!["jurisdictionId"]!.GetValue<long>(), own));
        Assert.True(stations.Count < (await StationsAsync(admin)).Count);

        var units = (await dispatcher.GetJsonAsync("/api/units")).AsArray();
        Assert.All(units, u => Assert.Contains(u!["jurisdictionId"]!.GetValue<long>(), own));

        var mapStations = (await dispatcher.GetJsonAsync("/api/map/stations"))["features"]!.AsArray();
        Assert.Equal(stations.Count, mapStations.Count);
        var jurisdictions = (await dispatcher.GetJsonAsync("/api/jurisdictions")).AsArray();
        Assert.All(jurisdictions, j => Assert.Contains(j!["id"]!.GetValue<long>(), own));
    }

    [Fact]
    public async Task DetachmentUser_CannotReadOrChangeAnotherDetachmentsStation()
    {
        using var admin = await Admin();
        var detachments = await DetachmentsAsync(admin);
        var foreign = (await StationsAsync(admin)).First(s => detachments[1].Subtree.Contains(s!["jurisdictionId"]!.GetValue<long>()))!;
        var id = foreign["id"]!.GetValue<long>();

        // The station officer has the edit role, but not in that jurisdiction.
        using var officer = await Demo("officer");
        var officerJurisdiction = (await officer.GetJsonAsync("/api/auth/me"))["jurisdiction"]!["id"]!.GetValue<long>();
        Assert.DoesNotContain(officerJurisdiction, detachments[1].Subtree);

        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/stations/{id}")).StatusCode);
        var put = await officer.PutAsync($"/api/stations/{id}", new
        {
            name = "篡改", kind = "Class1", latitude = 28.0, longitude = 115.0, jurisdictionId = officerJurisdiction,
        });
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.DeleteAsync($"/api/stations/{id}")).StatusCode);

        var after = await admin.GetJsonAsync($"/api/stations/{id}");
        Assert.Equal(foreign["name"]!.GetValue<string>(), after["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task StationOfficer_CannotCreateInAnotherJurisdiction_AndNothingIsWritten()
    {
        using var admin = await Admin();
        var detachments = await DetachmentsAsync(admin);
        var before = (await StationsAsync(admin)).Count;
        using var officer = await Demo("officer");
        var response = await officer.PostAsync("/api/stations", new
        {
            name = "越界新站", kind = "Class2", latitude = 28.0, longitude = 115.0, jurisdictionId = detachments[1].Id,
        });
        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["jurisdictionId"]);
        Assert.Equal(before, (await StationsAsync(admin)).Count);
    }

    [Fact]
    public async Task StationOfficer_CreatesAndEditsInsideOwnJurisdiction_AndIsAudited()
    {
        using var officer = await Demo("officer");
        var me = await officer.GetJsonAsync("/api/auth/me");
        var jurisdictionId = me["jurisdiction"]!["id"]!.GetValue<long>();
        // Beside one of the officer's own stations, so the new one lies inside its jurisdiction.
        var beside = (await StationsAsync(officer))[0]!;
        var (latitude, longitude) = (beside["latitude"]!.GetValue<double>(), beside["longitude"]!.GetValue<double>());
        var created = await officer.PostAsync("/api/stations", new
        {
            name = "审计测试站", kind = "Small", latitude, longitude, jurisdictionId, phone = "0791-119",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await ApiClient.ReadJsonAsync(created))["id"]!.GetValue<long>();
        var edited = await officer.PutAsync($"/api/stations/{id}", new
        {
            name = "审计测试站（改）", kind = "Small", latitude, longitude, jurisdictionId,
        });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        using var admin = await Admin();
        var audit = (await admin.GetJsonAsync($"/api/audit?entity=Station&entityId={id}")).AsArray();
        Assert.Equal(["Modified", "Added"], audit.Select(a => a!["action"]!.GetValue<string>()));
        Assert.All(audit, a => Assert.Equal("officer", a!["userName"]!.GetValue<string>()));
        Assert.Contains("审计测试站（改）", audit[0]!["changes"]!.GetValue<string>());
        Assert.Contains($"\"new\":{id}", audit[1]!["changes"]!.GetValue<string>());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteJurisdictionScopeTests(SqliteHost host) : JurisdictionScopeTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresJurisdictionScopeTests(PostgresHost host) : JurisdictionScopeTests<PostgresHost>(host);
