using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FireCommand.Web.Tests.Infrastructure;

/// <summary>A browser-like API client: cookie session plus the anti-forgery header on writes.</summary>
public sealed class ApiClient(HttpClient http) : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient Http { get; } = http;

    public async Task<HttpResponseMessage> LoginAsync(string userName, string password)
    {
        await RefreshAntiforgeryAsync();
        var response = await Http.PostAsJsonAsync("/api/auth/login", new { userName, password });
        // The token is bound to the user, so a signed-in session needs a fresh one.
        if (response.IsSuccessStatusCode) await RefreshAntiforgeryAsync();
        return response;
    }

    public async Task<ApiClient> SignedInAs(string userName, string password)
    {
        var response = await LoginAsync(userName, password);
        Assert.True(response.IsSuccessStatusCode, $"login as {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return this;
    }

    public async Task RefreshAntiforgeryAsync()
    {
        var token = await Http.GetFromJsonAsync<JsonObject>("/api/auth/antiforgery");
        Http.DefaultRequestHeaders.Remove("X-XSRF-TOKEN");
        Http.DefaultRequestHeaders.Add("X-XSRF-TOKEN", token!["token"]!.GetValue<string>());
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);
    public Task<HttpResponseMessage> PostAsync(string url, object body) => Http.PostAsJsonAsync(url, body);
    public Task<HttpResponseMessage> PutAsync(string url, object body) => Http.PutAsJsonAsync(url, body);
    public Task<HttpResponseMessage> DeleteAsync(string url) => Http.DeleteAsync(url);

    public async Task<JsonNode> GetJsonAsync(string url)
    {
        var response = await Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    /// <summary>Asserts the response is a ProblemDetails with the status, and returns it.</summary>
    public static async Task<JsonNode> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        return problem;
    }

    public void Dispose() => Http.Dispose();
}
