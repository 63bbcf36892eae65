using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FireCommand.Web.Tests.Infrastructure;

namespace FireCommand.Web.Tests.Resources;

/// <summary>Bad payloads get a ProblemDetails naming the field at fault, and nothing is written.</summary>
public abstract class BadInputTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    public static TheoryData<string, string> BadStations => new()
    {
        { """{"name":"","kind":"Class1","latitude":28,"longitude":115,"jurisdictionId":1}""", "name" },
        { """{"name":"甲站","kind":"Class1","latitude":91,"longitude":115,"jurisdictionId":1}""", "latitude" },
        { """{"name":"甲站","kind":"Class1","latitude":28,"longitude":-181,"jurisdictionId":1}""", "longitude" },
        { """{"name":"甲站","kind":99,"latitude":28,"longitude":115,"jurisdictionId":1}""", "kind" },
        { """{"name":"甲站","kind":"Class1","latitude":28,"longitude":115,"jurisdictionId":987654}""", "jurisdictionId" },
        { """{"name":"甲站","kind":"Class1","latitude":28,"longitude":115}""", "jurisdictionId" },
        { "{\"name\":\"" + new string('站', 101) + "\",\"kind\":\"Class1\",\"latitude\":28,\"longitude\":115,\"jurisdictionId\":1}", "name" },
        { """{"name":"甲站","kind":"Class1","latitude":"north","longitude":115,"jurisdictionId":1}""", "latitude" },
        { """{"name":"甲站","kind":"NoSuchKind","latitude":28,"longitude":115,"jurisdictionId":1}""", "kind" },
    };

    [Theory]
    [MemberData(nameof(BadStations))]
    public async Task CreateStation_WithBadField_NamesItAndWritesNothing(string json, string field)
    {
        using var admin = await Admin();
        var before = (await admin.GetJsonAsync("/api/stations")).AsArray().Count;
        var auditBefore = (await admin.GetJsonAsync("/api/audit?entity=Station&take=1000")).AsArray().Count;

        var response = await admin.Http.PostAsync("/api/stations",
            new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")));

        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"errors should name {field}: {problem.ToJsonString()}");
        Assert.Equal(before, (await admin.GetJsonAsync("/api/stations")).AsArray().Count);
        Assert.Equal(auditBefore, (await admin.GetJsonAsync("/api/audit?entity=Station&take=1000")).AsArray().Count);
    }

    [Fact]
    public async Task TruncatedJson_IsAProblem_NotAServerError()
    {
        using var admin = await Admin();
        var response = await admin.Http.PostAsync("/api/water-sources",
            new StringContent("{\"code\":\"X-1\",\"kind\":", Encoding.UTF8, new MediaTypeHeaderValue("application/json")));
        await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UnitStatus_UnknownCode_IsRejected_IllegalMoveIs409_LegalMoveApplies()
    {
        using var admin = await Admin();
        var unit = (await admin.GetJsonAsync("/api/units")).AsArray().First(u => u!["status"]!.GetValue<int>() == 10)!;
        var id = unit["id"]!.GetValue<long>();

        var unknown = await admin.PostAsync($"/api/units/{id}/status", new { status = 99 });
        var problem = await ApiClient.AssertProblemAsync(unknown, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["status"]);

        // 10 备勤 → 22 到场 skips dispatch: not in the transition table.
        var illegal = await admin.PostAsync($"/api/units/{id}/status", new { status = 22 });
        await ApiClient.AssertProblemAsync(illegal, HttpStatusCode.Conflict);
        Assert.Equal(10, (await admin.GetJsonAsync($"/api/units/{id}"))["status"]!.GetValue<int>());

        var legal = await admin.PostAsync($"/api/units/{id}/status", new { status = 30 });
        Assert.Equal(HttpStatusCode.OK, legal.StatusCode);
        Assert.Equal(30, (await admin.GetJsonAsync($"/api/units/{id}"))["status"]!.GetValue<int>());
        var back = await admin.PostAsync($"/api/units/{id}/status", new { status = 10 });
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task Viewer_CannotChangeUnitStatus()
    {
        using var admin = await Admin();
        var id = (await admin.GetJsonAsync("/api/units")).AsArray()[0]!["id"]!.GetValue<long>();
        using var viewer = await Demo("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/units/{id}/status", new { status = 30 })).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteBadInputTests(SqliteHost host) : BadInputTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresBadInputTests(PostgresHost host) : BadInputTests<PostgresHost>(host);
