using System.Net;
using FireCommand.Web.Tests.Infrastructure;

namespace FireCommand.Web.Tests.Security;

/// <summary>Login, roles, anti-forgery and headers, identical on every database.</summary>
public abstract class AccessTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    [Theory]
    [InlineData("/api/stations")]
    [InlineData("/api/units")]
    [InlineData("/api/jurisdictions")]
    [InlineData("/api/map/roads")]
    [InlineData("/api/map/stations")]
    [InlineData("/api/incidents")]
    [InlineData("/api/audit")]
    [InlineData("/api/auth/me")]
    [InlineData("/api/openapi/v1.json")]
    public async Task Endpoint_WithoutLogin_Is401(string url)
    {
        using var client = Anonymous();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Health_IsAnonymous_AndReadinessChecksTheDatabase()
    {
        using var client = Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_WithWrongPassword_Is401ProblemAndGrantsNothing()
    {
        using var client = Anonymous();
        var response = await client.LoginAsync("viewer", "not-the-password");
        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/stations")).StatusCode);
    }

    [Fact]
    public async Task Login_WithMissingFields_NamesTheFields()
    {
        using var client = Anonymous();
        await client.RefreshAntiforgeryAsync();
        var problem = await ApiClient.AssertProblemAsync(await client.PostAsync("/api/auth/login", new { }), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["userName"]);
        Assert.NotNull(problem["errors"]!["password"]);
    }

    [Fact]
    public async Task Me_AfterLogin_NamesRoleAndJurisdiction()
    {
        using var client = await Demo("dispatcher1");
        var me = await client.GetJsonAsync("/api/auth/me");
        Assert.Equal("dispatcher1", me["userName"]!.GetValue<string>());
        Assert.Equal("Dispatcher", me["roles"]![0]!.GetValue<string>());
        Assert.Equal("Detachment", me["jurisdiction"]!["level"]!.GetValue<string>());
    }

    [Fact]
    public async Task Write_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = await Admin();
        client.Http.DefaultRequestHeaders.Remove("X-XSRF-TOKEN");
        var response = await client.PostAsync("/api/stations", new { name = "x" });
        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("anti-forgery", problem["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("dispatcher")]
    [InlineData("inspector")]
    public async Task CreateStation_OutsideRole_Is403(string user)
    {
        using var client = await Demo(user);
        var response = await client.PostAsync("/api/stations",
            new { name = "越权站", kind = "Class1", latitude = 28.0, longitude = 115.0, jurisdictionId = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task UserAdmin_ForNonAdmin_Is403()
    {
        using var client = await Demo("commander");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/users")).StatusCode);
        using var viewer = await Demo("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/audit")).StatusCode);
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        using var client = Anonymous();
        var response = await client.GetAsync("/health");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheCapabilities()
    {
        using var client = await Admin();
        var doc = await client.GetJsonAsync("/api/openapi/v1.json");
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/stations", paths);
        Assert.Contains("/api/map/units", paths);
        Assert.Contains("/api/auth/login", paths);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAccessTests(SqliteHost host) : AccessTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAccessTests(PostgresHost host) : AccessTests<PostgresHost>(host);
