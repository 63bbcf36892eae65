using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FireCommand.Web.Tests.Infrastructure;

namespace FireCommand.Web.Tests.Linkage;

/// <summary>Partners registered through the admin API, and clients that call with their keys.</summary>
public static class Partners
{
    public sealed record Registered(long Id, string Code, string Key);

    public static async Task<long> OwnJurisdictionAsync(ApiClient client) =>
        (await client.GetJsonAsync("/api/auth/me"))["jurisdiction"]!["id"]!.GetValue<long>();

    /// <summary>Registers a partner with a fresh code and issues its key.</summary>
    public static async Task<Registered> RegisterAsync(ApiClient admin, string kind, long jurisdictionId, params string[] scopes)
    {
        var code = "T-" + Guid.NewGuid().ToString("N")[..10];
        var created = await admin.PostAsync("/api/partners", new { code, name = "测试" + kind + "中心", kind, jurisdictionId, scopes });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await ApiClient.ReadJsonAsync(created))["id"]!.GetValue<long>();
        return new Registered(id, code, await IssueKeyAsync(admin, id));
    }

    public static async Task<string> IssueKeyAsync(ApiClient admin, long partnerId)
    {
        var issued = await admin.PostAsync($"/api/partners/{partnerId}/key", new { });
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        return (await ApiClient.ReadJsonAsync(issued))["key"]!.GetValue<string>();
    }

    /// <summary>A partner system's client: no cookies, its key in the header.</summary>
    public static HttpClient Client(DatabaseHost host, string key)
    {
        var http = host.Factory.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
        http.DefaultRequestHeaders.Add("X-Partner-Key", key);
        return http;
    }

    public static async Task<HttpResponseMessage> TransferAsync(HttpClient partner, double lat, double lon, string caseReference,
        string callerName = "王先生", string callerNumber = "13912345678") =>
        await partner.PostAsJsonAsync("/api/linkage/transfers", new
        {
            caseReference, type = "Rescue", subtype = "交通事故", description = "两车相撞，一人被困", address = "测试大道与联动路口",
            latitude = lat, longitude = lon, callerNumber, callerName, receivedAt = DateTimeOffset.UtcNow.AddMinutes(-2),
            trapped = 1,
        });

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }
}
