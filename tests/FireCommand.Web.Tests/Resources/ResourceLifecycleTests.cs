using System.Net;
using System.Text.Json.Nodes;
using FireCommand.Web.Tests.Infrastructure;
using static FireCommand.Web.Tests.Dispatch.DispatchTestData;

namespace FireCommand.Web.Tests.Resources;

/// <summary>Water sources and key places are created, changed and removed through the API, audited, on every database.</summary>
public abstract class ResourceLifecycleTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    [Fact]
    public async Task WaterSource_IsCreatedUpdatedAndDeleted_AndEachStepIsReadBackAndAudited()
    {
        using var admin = await Admin();
        var (lat, lon, jurisdiction) = await SomewhereAsync(admin, 5);
        var created = await admin.PostAsync("/api/water-sources", new
        {
            code = "XHS-T-001", kind = "Hydrant", latitude = lat, longitude = lon, address = "测试路 1 号",
            flowLitersPerSecond = 15.0, jurisdictionId = jurisdiction,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await ApiClient.ReadJsonAsync(created))["id"]!.GetValue<long>();
        Assert.Equal($"/api/water-sources/{id}", created.Headers.Location?.OriginalString);

        var read = await admin.GetJsonAsync($"/api/water-sources/{id}");
        Assert.Equal("XHS-T-001", read["code"]!.GetValue<string>());
        Assert.Equal("Hydrant", read["kind"]!.GetValue<string>());
        Assert.Equal(lat, read["latitude"]!.GetValue<double>(), 6);
        Assert.Equal(lon, read["longitude"]!.GetValue<double>(), 6);
        Assert.True(read["inService"]!.GetValue<bool>());

        var updated = await admin.PutAsync($"/api/water-sources/{id}", new
        {
            code = "XHS-T-001", kind = "FirePool", latitude = lat + 0.001, longitude = lon, capacityCubicMeters = 500.0,
            inService = false, jurisdictionId = jurisdiction,
        });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        read = await admin.GetJsonAsync($"/api/water-sources/{id}");
        Assert.Equal("FirePool", read["kind"]!.GetValue<string>());
        Assert.Equal(lat + 0.001, read["latitude"]!.GetValue<double>(), 6);
        Assert.Equal(500.0, read["capacityCubicMeters"]!.GetValue<double>());
        Assert.Null(read["flowLitersPerSecond"]);
        Assert.False(read["inService"]!.GetValue<bool>());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/water-sources/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/water-sources/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/water-sources/{id}")).StatusCode);

        var trail = (await admin.GetJsonAsync($"/api/audit?entity=WaterSource&entityId={id}")).AsArray()
            .Select(a => a!["action"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["Added", "Deleted", "Modified"], trail);
    }

    [Fact]
    public async Task KeyPlace_IsCreatedUpdatedAndDeleted_AndEachStepIsReadBackAuditedAndSearchable()
    {
        using var admin = await Admin();
        var (lat, lon, jurisdiction) = await SomewhereAsync(admin, 6);
        var created = await admin.PostAsync("/api/key-places", new
        {
            name = "测试大厦", categories = "HighRise, Underground", latitude = lat, longitude = lon, address = "测试路 2 号",
            floors = 32, heightMeters = 99.5, occupants = 1200, responsiblePerson = "张三", phone = "0791-00000000",
            jurisdictionId = jurisdiction,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await ApiClient.ReadJsonAsync(created))["id"]!.GetValue<long>();

        var read = await admin.GetJsonAsync($"/api/key-places/{id}");
        Assert.Equal("测试大厦", read["name"]!.GetValue<string>());
        Assert.Equal(["HighRise", "Underground"], Names(read["categories"]!));
        Assert.Equal(32, read["floors"]!.GetValue<int>());
        Assert.Equal(lat, read["latitude"]!.GetValue<double>(), 6);

        var updated = await admin.PutAsync($"/api/key-places/{id}", new
        {
            name = "测试综合体", categories = "LargeComplex", latitude = lat, longitude = lon + 0.001, floors = 5,
            jurisdictionId = jurisdiction,
        });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        read = await admin.GetJsonAsync($"/api/key-places/{id}");
        Assert.Equal("测试综合体", read["name"]!.GetValue<string>());
        Assert.Equal(["LargeComplex"], Names(read["categories"]!));
        Assert.Equal(lon + 0.001, read["longitude"]!.GetValue<double>(), 6);
        Assert.Null(read["heightMeters"]);
        Assert.Contains((await admin.GetJsonAsync("/api/key-places")).AsArray(), k => k!["id"]!.GetValue<long>() == id);
        // The call-taker's address search knows the place by its new name at once.
        Assert.Contains(await LocatedKeyPlacesAsync(admin, "测试综合体"), k => k == id);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/key-places/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/key-places/{id}")).StatusCode);
        Assert.DoesNotContain((await admin.GetJsonAsync("/api/key-places")).AsArray(), k => k!["id"]!.GetValue<long>() == id);
        Assert.DoesNotContain(await LocatedKeyPlacesAsync(admin, "测试综合体"), k => k == id);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/key-places/{id}")).StatusCode);

        var trail = (await admin.GetJsonAsync($"/api/audit?entity=KeyPlace&entityId={id}")).AsArray()
            .Select(a => a!["action"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["Added", "Deleted", "Modified"], trail);
    }

    [Fact]
    public async Task UnknownIds_AreNotFound_ForUpdateAndDelete_OfBoth()
    {
        using var admin = await Admin();
        var (lat, lon, jurisdiction) = await SomewhereAsync(admin);
        const long unknown = 987_654_321;
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsync($"/api/key-places/{unknown}", new
        {
            name = "无此场所", categories = "HighRise", latitude = lat, longitude = lon, jurisdictionId = jurisdiction,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/key-places/{unknown}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsync($"/api/water-sources/{unknown}", new
        {
            code = "XHS-NONE", kind = "Hydrant", latitude = lat, longitude = lon, jurisdictionId = jurisdiction,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/water-sources/{unknown}")).StatusCode);
    }

    [Fact]
    public async Task StationOfficer_EditsOwnBrigadesRecords_AndAnotherJurisdictionsAreNotFound_AndUnchanged()
    {
        using var admin = await Admin();
        using var officer = await Demo("officer");
        var (lat, lon, brigade) = await SomewhereAsync(officer);

        // Inside the brigade: create, change and remove both kinds.
        var place = await officer.PostAsync("/api/key-places", new
        {
            name = "站长录入的场所", categories = "Underground", latitude = lat, longitude = lon, jurisdictionId = brigade,
        });
        Assert.Equal(HttpStatusCode.Created, place.StatusCode);
        var placeId = (await ApiClient.ReadJsonAsync(place))["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsync($"/api/key-places/{placeId}", new
        {
            name = "站长改过的场所", categories = "Underground", latitude = lat, longitude = lon, jurisdictionId = brigade,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.DeleteAsync($"/api/key-places/{placeId}")).StatusCode);
        var water = await officer.PostAsync("/api/water-sources", new
        {
            code = "XHS-OFFICER", kind = "Hydrant", latitude = lat, longitude = lon, jurisdictionId = brigade,
        });
        Assert.Equal(HttpStatusCode.Created, water.StatusCode);
        var waterId = (await ApiClient.ReadJsonAsync(water))["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsync($"/api/water-sources/{waterId}", new
        {
            code = "XHS-OFFICER-2", kind = "FirePool", latitude = lat, longitude = lon, jurisdictionId = brigade,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.DeleteAsync($"/api/water-sources/{waterId}")).StatusCode);
        var officerName = (await officer.GetJsonAsync("/api/auth/me"))["userName"]!.GetValue<string>();
        foreach (var (entity, id) in new[] { ("KeyPlace", placeId), ("WaterSource", waterId) })
        {
            var trail = (await admin.GetJsonAsync($"/api/audit?entity={entity}&entityId={id}")).AsArray();
            Assert.Equal(["Added", "Deleted", "Modified"], trail.Select(a => a!["action"]!.GetValue<string>()).Order());
            Assert.All(trail, a => Assert.Equal(officerName, a!["userName"]!.GetValue<string>()));
        }

        // Outside it: the same answer as for an id that does not exist, and nothing changes.
        var ownPlaces = (await officer.GetJsonAsync("/api/key-places")).AsArray().Select(k => k!["id"]!.GetValue<long>()).ToHashSet();
        var foreignPlace = (await admin.GetJsonAsync("/api/key-places")).AsArray().First(k => !ownPlaces.Contains(k!["id"]!.GetValue<long>()))!;
        var ownWater = (await officer.GetJsonAsync("/api/water-sources?take=5000")).AsArray().Select(w => w!["id"]!.GetValue<long>()).ToHashSet();
        var foreignWater = (await admin.GetJsonAsync("/api/water-sources?take=5000")).AsArray().First(w => !ownWater.Contains(w!["id"]!.GetValue<long>()))!;
        var fp = foreignPlace["id"]!.GetValue<long>();
        var fw = foreignWater["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PutAsync($"/api/key-places/{fp}", new
        {
            name = "越权修改", categories = "HighRise", latitude = lat, longitude = lon, jurisdictionId = brigade,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.DeleteAsync($"/api/key-places/{fp}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PutAsync($"/api/water-sources/{fw}", new
        {
            code = "XHS-HIJACK", kind = "Hydrant", latitude = lat, longitude = lon, jurisdictionId = brigade,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.DeleteAsync($"/api/water-sources/{fw}")).StatusCode);
        Assert.Equal(foreignPlace.ToJsonString(), (await admin.GetJsonAsync($"/api/key-places/{fp}")).ToJsonString());
        Assert.Equal(foreignWater.ToJsonString(), (await admin.GetJsonAsync($"/api/water-sources/{fw}")).ToJsonString());
    }

    [Fact]
    public async Task KeyPlace_DeleteByADispatcher_IsRefused_AndChangesNothing()
    {
        using var admin = await Admin();
        var existing = (await admin.GetJsonAsync("/api/key-places")).AsArray()[0]!;
        var id = existing["id"]!.GetValue<long>();
        using var dispatcher = await Demo("dispatcher");
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.DeleteAsync($"/api/key-places/{id}")).StatusCode);
        Assert.Equal(existing.ToJsonString(), (await admin.GetJsonAsync($"/api/key-places/{id}")).ToJsonString());
    }

    private static async Task<List<long>> LocatedKeyPlacesAsync(ApiClient client, string name) =>
        [.. (await client.GetJsonAsync($"/api/locate?q={Uri.EscapeDataString(name)}&limit=50")).AsArray()
            .Where(c => c!["keyPlaceId"] is not null).Select(c => c!["keyPlaceId"]!.GetValue<long>())];

    [Fact]
    public async Task WaterSource_ChangesByADispatcher_AreRefused_AndChangeNothing()
    {
        using var admin = await Admin();
        var existing = (await admin.GetJsonAsync("/api/water-sources?take=1")).AsArray().Single()!;
        var id = existing["id"]!.GetValue<long>();
        using var dispatcher = await Demo("dispatcher");
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.DeleteAsync($"/api/water-sources/{id}")).StatusCode);
        Assert.Equal(existing.ToJsonString(), (await admin.GetJsonAsync($"/api/water-sources/{id}")).ToJsonString());
    }

    private static List<string> Names(JsonNode array) => [.. array.AsArray().Select(n => n!.GetValue<string>())];
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteResourceLifecycleTests(SqliteHost host) : ResourceLifecycleTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresResourceLifecycleTests(PostgresHost host) : ResourceLifecycleTests<PostgresHost>(host);
