using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FireCommand.Web.Tests.Infrastructure;
using static FireCommand.Web.Tests.Dispatch.DispatchTestData;

namespace FireCommand.Web.Tests.Resources;

/// <summary>
/// Texts with control characters, undefined enum values, non-finite numbers and unreadable
/// parameters are refused with a ProblemDetails naming the field, and nothing is written.
/// </summary>
public abstract class TextAndParameterTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    /// <summary>NUL, BEL, ESC and the right-to-left override, each smuggled into a single-line text.</summary>
    public static TheoryData<string, string> Smuggled => new()
    {
        { "\u0000", "NUL" }, { "\u0007", "BEL" }, { "\u001b[31m", "ESC" }, { "\u202Egpj.exe", "RLO" }, { "\u2066", "LRI" },
    };

    /// <summary>The newest audit row: a rejected request must leave it the newest.</summary>
    private static async Task<long> LastAuditIdAsync(ApiClient admin) =>
        (await admin.GetJsonAsync("/api/audit?take=1")).AsArray().Single()!["id"]!.GetValue<long>();

    private static async Task AssertRejectedAsync(ApiClient admin, HttpResponseMessage response, string field, long auditBefore)
    {
        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]?[field] is not null, $"errors should name {field}: {problem.ToJsonString()}");
        Assert.Equal(auditBefore, await LastAuditIdAsync(admin));
    }

    [Theory]
    [MemberData(nameof(Smuggled))]
    public async Task ControlCharacters_InNamesAddressesAndCallers_AreRefusedOnEveryWriteEndpoint(string bad, string what)
    {
        using var admin = await Admin();
        var (lat, lon, jurisdictionId) = await SomewhereAsync(admin);
        var station = (await admin.GetJsonAsync("/api/stations")).AsArray()[0]!["id"]!.GetValue<long>();
        var writes = new (string Url, object Body, string Field)[]
        {
            ("/api/stations", new { name = "甲站" + bad, kind = "Class1", latitude = lat, longitude = lon, jurisdictionId }, "name"),
            ("/api/stations", new { name = "甲站", kind = "Class1", latitude = lat, longitude = lon, jurisdictionId, address = "江滨路" + bad }, "address"),
            ("/api/water-sources", new { code = "X-" + what, kind = "Hydrant", latitude = lat, longitude = lon, jurisdictionId, address = bad + "1号" }, "address"),
            ("/api/key-places", new { name = "商场" + bad, categories = "HighRise", latitude = lat, longitude = lon, jurisdictionId }, "name"),
            ("/api/units", new { callSign = "水罐" + bad, type = "WaterTender", homeStationId = station }, "callSign"),
            ("/api/personnel", new { name = "王" + bad, post = "班长", stationId = station }, "name"),
            ("/api/alarms", new { type = "Fire", latitude = lat, longitude = lon, callerName = "张三" + bad }, "callerName"),
            ("/api/alarms", new { type = "Fire", latitude = lat, longitude = lon, address = "江滨路" + bad }, "address"),
            ("/api/alarms", new { type = "Fire", latitude = lat, longitude = lon, description = "三楼冒烟" + bad }, "description"),
            ("/api/admin/users", new { userName = "u" + Guid.NewGuid().ToString("N")[..8], displayName = "值班" + bad, role = "Viewer", jurisdictionId, password = "Str0ng!pass-word" }, "displayName"),
        };
        foreach (var (url, body, field) in writes)
            await AssertRejectedAsync(admin, await admin.PostAsync(url, body), field, await LastAuditIdAsync(admin));
    }

    [Theory]
    [MemberData(nameof(Smuggled))]
    public async Task ControlCharacters_InDispatchSlotsAndOutcomes_AreRefused_AndTheIncidentIsUntouched(string bad, string what)
    {
        using var admin = await Admin();
        var (lat, lon, _) = await SomewhereAsync(admin, 3);
        var incident = await TakeAlarmAsync(admin, lat, lon, "控制字符测试 " + what);
        var id = incident["id"]!.GetValue<long>();
        var unit = (await AvailableUnitsAsync(admin, 1)).Single();
        var writes = new (string Url, object Body, string Field)[]
        {
            ($"/api/incidents/{id}/dispatch", new { units = new[] { new { unitId = unit, slot = "水罐" + bad } } }, "units[0].slot"),
            ($"/api/incidents/{id}/dispatch", new { units = new object[]
            {
                new { unitId = unit, slot = "水罐" },
                new { unitId = unit + 1_000_000, slot = bad + "登高" },
            } }, "units[1].slot"),
            // A closing note is multi-line, but only line breaks and tabs are allowed in it.
            ($"/api/incidents/{id}/close", new { outcome = "明火已扑灭" + bad, falseAlarm = false }, "outcome"),
        };
        foreach (var (url, body, field) in writes)
            await AssertRejectedAsync(admin, await admin.PostAsync(url, body), field, await LastAuditIdAsync(admin));

        var after = (await admin.GetJsonAsync("/api/incidents")).AsArray().Single(i => i!["id"]!.GetValue<long>() == id)!;
        Assert.Equal(incident["state"]!.GetValue<string>(), after["state"]!.GetValue<string>());
        Assert.Equal(10, (await admin.GetJsonAsync($"/api/units/{unit}"))["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Description_KeepsItsLineBreaks()
    {
        using var dispatcher = await Demo("dispatcher");
        var (lat, lon, _) = await SomewhereAsync(dispatcher, 4);
        var taken = await dispatcher.PostAsync("/api/alarms", new { type = "Fire", latitude = lat, longitude = lon, description = "三楼冒烟\r\n二楼有人被困\t待救" });
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        Assert.Equal("三楼冒烟\r\n二楼有人被困\t待救", (await ApiClient.ReadJsonAsync(taken))["incident"]!["description"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task BlankExternalId_IsRefused(string externalId)
    {
        using var admin = await Admin();
        var (lat, lon, _) = await SomewhereAsync(admin, 6);
        var before = await LastAuditIdAsync(admin);
        var response = await admin.PostAsync("/api/alarms", new { source = "AutomaticFireAlarm", type = "Fire", latitude = lat, longitude = lon, externalId });
        await AssertRejectedAsync(admin, response, "externalId", before);
    }

    [Theory]
    [InlineData("/api/incidents?state=99", "state")]
    [InlineData("/api/incidents?state=Smouldering", "state")]
    [InlineData("/api/incidents/{id}/surroundings?radiusMeters=NaN", "radiusMeters")]
    [InlineData("/api/incidents/{id}/surroundings?radiusMeters=Infinity", "radiusMeters")]
    [InlineData("/api/incidents/{id}/surroundings?radiusMeters=wide", "radiusMeters")]
    [InlineData("/api/incidents/{id}/water-sources?count=many", "count")]
    [InlineData("/api/units?stationId=first", "stationId")]
    [InlineData("/api/map/coverage?minutes=five", "minutes")]
    public async Task BadQueryParameter_IsA400_NamingIt_WithoutTypeNames(string url, string parameter)
    {
        using var dispatcher = await Demo("dispatcher");
        var id = (await dispatcher.GetJsonAsync("/api/incidents")).AsArray()[0]!["id"]!.GetValue<long>();
        var response = await dispatcher.GetAsync(url.Replace("{id}", id.ToString(), StringComparison.Ordinal));
        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]?.AsObject();
        Assert.True(errors is not null && errors.ContainsKey(parameter), $"errors should name {parameter}: {problem.ToJsonString()}");
        AssertNoTypeNames(problem);
    }

    [Theory]
    [InlineData("""{"name":"甲站","kind":"Class1","latitude":"north","longitude":115,"jurisdictionId":1}""", "latitude")]
    [InlineData("""{"name":"甲站","kind":"Class1","latitude":28,"longitude":115,"jurisdictionId":"one"}""", "jurisdictionId")]
    [InlineData("""{"name":"甲站","kind":""", "kind")]
    public async Task MalformedJson_NamesThePath_AndNoInternalType(string json, string field)
    {
        using var admin = await Admin();
        var response = await admin.Http.PostAsync("/api/stations", new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")));
        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]?[field] is not null, $"errors should name {field}: {problem.ToJsonString()}");
        AssertNoTypeNames(problem);
    }

    [Fact]
    public async Task Hydrant_FiledUnderAnotherJurisdiction_OrOutsideTheProvince_IsStoredWithAWarning_AndAudited()
    {
        using var admin = await Admin();
        var tree = (await admin.GetJsonAsync("/api/jurisdictions")).AsArray()
            .ToDictionary(j => j!["id"]!.GetValue<long>(), j => j!["parentId"]?.GetValue<long>());
        long DetachmentOf(long id) { while (tree[id] is { } parent && tree[parent] is not null) id = parent; return id; }
        var station = (await admin.GetJsonAsync("/api/stations")).AsArray()[0]!;
        var (lat, lon) = (station["latitude"]!.GetValue<double>(), station["longitude"]!.GetValue<double>());
        var own = station["jurisdictionId"]!.GetValue<long>();
        var other = tree.Keys.First(id => tree[id] is { } p && tree[p] is null && id != DetachmentOf(own));

        var cases = new (double Lat, double Lon, long JurisdictionId, string? Warning)[]
        {
            (lat, lon, own, null),
            (lat, lon, other, $"outside jurisdiction {other}"),
            (lat - 20, lon, own, "outside the province"),
        };
        foreach (var (atLat, atLon, jurisdictionId, expected) in cases)
        {
            var created = await admin.PostAsync("/api/water-sources", new
            {
                code = "W-" + Guid.NewGuid().ToString("N")[..8], kind = "Hydrant", latitude = atLat, longitude = atLon, jurisdictionId,
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await ApiClient.ReadJsonAsync(created))["id"]!.GetValue<long>();
            var header = created.Headers.TryGetValues("Warning", out var values) ? string.Join(" ", values) : null;
            var audit = (await admin.GetJsonAsync($"/api/audit?entity=WaterSource&entityId={id}")).AsArray();
            var warnings = audit.Where(a => a!["action"]!.GetValue<string>() == "Warning").ToList();
            if (expected is null)
            {
                Assert.Null(header);
                Assert.Empty(warnings);
            }
            else
            {
                Assert.NotNull(header);
                Assert.StartsWith("299 ", header);
                Assert.Contains(expected, header);
                Assert.Contains(expected, Assert.Single(warnings)!["changes"]!.GetValue<string>());
                Assert.Equal(PlatformFactory.AdminUserName, warnings[0]!["userName"]!.GetValue<string>());
            }
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/water-sources/{id}")).StatusCode);
        }
    }

    private static void AssertNoTypeNames(JsonNode problem)
    {
        var text = problem.ToJsonString();
        foreach (var internalName in new[] { "System.", "FireCommand.", "Nullable", "Double", "Int64", "Int32", "Request" })
            Assert.DoesNotContain(internalName, text, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteTextAndParameterTests(SqliteHost host) : TextAndParameterTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresTextAndParameterTests(PostgresHost host) : TextAndParameterTests<PostgresHost>(host);
