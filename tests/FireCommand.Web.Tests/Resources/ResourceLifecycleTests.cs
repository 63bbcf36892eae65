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
    public async Task KeyPlace_IsCreatedAndUpdated_AndEachStepIsReadBackAndAudited()
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

        var trail = (await admin.GetJsonAsync($"/api/audit?entity=KeyPlace&entityId={id}")).AsArray()
            .Select(a => a!["action"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["Added", "Modified"], trail);
    }

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
