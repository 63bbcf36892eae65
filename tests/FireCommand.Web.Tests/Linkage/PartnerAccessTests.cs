using System.Net;
using System.Net.Http.Json;
using FireCommand.Web.Tests.Infrastructure;
using static FireCommand.Web.Tests.Dispatch.DispatchTestData;
using static FireCommand.Web.Tests.Linkage.Partners;

namespace FireCommand.Web.Tests.Linkage;

/// <summary>
/// A partner key opens only the partner API, and there only what the partner sent or received;
/// a user's cookie opens nothing of the partner API; a disabled partner or a replaced key is
/// refused at once; the registry is the admins' alone and never shows a key twice.
/// </summary>
public abstract class PartnerAccessTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    [Fact]
    public async Task AnotherPartnersTransfer_AndIncident_Are404_NotForbidden()
    {
        using var admin = await Admin();
        var root = await OwnJurisdictionAsync(admin);
        var mine = await RegisterAsync(admin, "Police110", root, "transfer-in", "read-own", "receive-transfers");
        var theirs = await RegisterAsync(admin, "Police110", root, "transfer-in", "read-own", "receive-transfers");
        var (lat, lon, _) = await SomewhereAsync(admin, 4);
        using var theirClient = Client(Host, theirs.Key);
        var their = await JsonAsync(await TransferAsync(theirClient, lat, lon, "THEIRS-1"), HttpStatusCode.Created);

        using var myClient = Client(Host, mine.Key);
        Assert.Equal(HttpStatusCode.NotFound, (await myClient.GetAsync($"/api/linkage/transfers/{their["transferId"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await myClient.GetAsync($"/api/linkage/incidents/{their["incidentId"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await myClient.PostAsJsonAsync($"/api/linkage/transfers/{their["transferId"]}/ack",
            new { accepted = true, @operator = "甲" })).StatusCode);
        Assert.DoesNotContain((await JsonAsync(await myClient.GetAsync("/api/linkage/transfers"), HttpStatusCode.OK)).AsArray(),
            t => t!["id"]!.GetValue<long>() == their["transferId"]!.GetValue<long>());
        // An incident the platform holds but never handed to anyone is no more visible.
        using var dispatcher = await Demo("dispatcher");
        var unrelated = (await TakeAlarmAsync(dispatcher, lat + 0.001, lon))["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.NotFound, (await myClient.GetAsync($"/api/linkage/incidents/{unrelated}")).StatusCode);
        // Its owner reads it.
        Assert.Equal(HttpStatusCode.OK, (await theirClient.GetAsync($"/api/linkage/transfers/{their["transferId"]}")).StatusCode);
    }

    [Theory]
    [InlineData("/api/incidents")]
    [InlineData("/api/stations")]
    [InlineData("/api/partners")]
    [InlineData("/api/map/incidents")]
    public async Task PartnerKey_OnTheUsersApi_Is401(string url)
    {
        using var admin = await Admin();
        var partner = await RegisterAsync(admin, "Police110", await OwnJurisdictionAsync(admin), "transfer-in", "read-own", "receive-transfers");
        using var client = Client(Host, partner.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/linkage/transfers")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task UserCookie_OnThePartnerApi_Is401()
    {
        using var admin = await Admin();
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/api/linkage/inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/api/linkage/transfers")).StatusCode);
        var (lat, lon, _) = await SomewhereAsync(admin, 1);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.PostAsync("/api/linkage/transfers",
            new { caseReference = "COOKIE-1", type = "Fire", latitude = lat, longitude = lon })).StatusCode);
        using var anonymous = Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/linkage/inbox")).StatusCode);
    }

    [Fact]
    public async Task DisabledPartner_AndReplacedKey_AreRefusedAtOnce()
    {
        using var admin = await Admin();
        var root = await OwnJurisdictionAsync(admin);
        var partner = await RegisterAsync(admin, "Medical120", root, "receive-transfers");
        using var old = Client(Host, partner.Key);
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync("/api/linkage/inbox")).StatusCode);

        var newKey = await IssueKeyAsync(admin, partner.Id);
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/linkage/inbox")).StatusCode);
        using var current = Client(Host, newKey);
        Assert.Equal(HttpStatusCode.OK, (await current.GetAsync("/api/linkage/inbox")).StatusCode);

        var update = new { name = "测试120", kind = "Medical120", jurisdictionId = root, scopes = new[] { "receive-transfers" }, enabled = false };
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/partners/{partner.Id}", update)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await current.GetAsync("/api/linkage/inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/partners/{partner.Id}", update with { enabled = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await current.GetAsync("/api/linkage/inbox")).StatusCode);
    }

    [Fact]
    public async Task KeyWithoutTheScope_Is403_AndAMalformedKey401()
    {
        using var admin = await Admin();
        var partner = await RegisterAsync(admin, "Medical120", await OwnJurisdictionAsync(admin), "receive-transfers");
        using var client = Client(Host, partner.Key);
        var (lat, lon, _) = await SomewhereAsync(admin, 6);
        Assert.Equal(HttpStatusCode.Forbidden, (await TransferAsync(client, lat, lon, "NOSCOPE-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/linkage/transfers")).StatusCode);
        // The secret of a real key id with one character changed.
        var tampered = partner.Key[..^1] + (partner.Key[^1] == 'A' ? 'B' : 'A');
        using var forged = Client(Host, tampered);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/linkage/inbox")).StatusCode);
        using var valid = Client(Host, partner.Key);
        Assert.Equal(HttpStatusCode.OK, (await valid.GetAsync("/api/linkage/inbox")).StatusCode);
    }

    [Fact]
    public async Task Registry_IsForAdmins_ShowsTheKeyOnce_AndNeverAudits_ItsHash()
    {
        using var admin = await Admin();
        var partner = await RegisterAsync(admin, "Police110", await OwnJurisdictionAsync(admin), "transfer-in");
        var listed = await admin.GetAsync("/api/partners");
        var body = await listed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Contains(partner.Code, body);
        var secret = partner.Key[(partner.Key.LastIndexOf('_') + 1)..];
        Assert.DoesNotContain(secret, body);
        var audit = await (await admin.GetAsync($"/api/audit?entity=Partner&entityId={partner.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("KeyId", audit);
        Assert.DoesNotContain("KeyHash", audit);
        Assert.DoesNotContain(secret, audit);

        using var dispatcher = await Demo("dispatcher");
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync("/api/partners")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsync($"/api/partners/{partner.Id}/key", new { })).StatusCode);
    }

    public static TheoryData<string, string> BadPartners => new()
    {
        { """{"name":"x","kind":"Police110","jurisdictionId":1,"scopes":[]}""", "code" },
        { """{"code":"bad code!","name":"x","kind":"Police110","jurisdictionId":1,"scopes":[]}""", "code" },
        { """{"code":"OK-1","kind":"Police110","jurisdictionId":1,"scopes":[]}""", "name" },
        { """{"code":"OK-1","name":"x","kind":"Police110","jurisdictionId":1,"scopes":["read-all"]}""", "scopes" },
        { """{"code":"OK-1","name":"x","kind":"Other","jurisdictionId":1,"scopes":["transfer-in"]}""", "scopes" },
        { """{"code":"OK-1","name":"x","kind":"Police110","jurisdictionId":987654321,"scopes":[]}""", "jurisdictionId" },
        { """{"code":"OK-1","name":"x\u0007","kind":"Police110","jurisdictionId":1,"scopes":[]}""", "name" },
        { """{"code":"OK-1","name":"x","kind":"Fire","jurisdictionId":1,"scopes":[]}""", "kind" },
    };

    [Theory]
    [MemberData(nameof(BadPartners))]
    public async Task BadPartner_Is400NamingTheField_AndRegistersNothing(string body, string field)
    {
        using var admin = await Admin();
        body = body.Replace("\"jurisdictionId\":1,", $"\"jurisdictionId\":{await OwnJurisdictionAsync(admin)},");
        var before = (await admin.GetJsonAsync("/api/partners")).AsArray().Count;
        var response = await admin.Http.PostAsync("/api/partners", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]?[field]);
        Assert.Equal(before, (await admin.GetJsonAsync("/api/partners")).AsArray().Count);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqlitePartnerAccessTests(SqliteHost host) : PartnerAccessTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresPartnerAccessTests(PostgresHost host) : PartnerAccessTests<PostgresHost>(host);
