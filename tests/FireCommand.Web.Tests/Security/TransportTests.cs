using System.Net;
using FireCommand.Web.Tests.Infrastructure;

namespace FireCommand.Web.Tests.Security;

/// <summary>
/// HSTS and Secure cookies when the platform is reached over HTTPS (directly or through a known
/// proxy that says so), and neither on plain HTTP.
/// </summary>
public sealed class TransportTests : IAsyncLifetime
{
    private const string Proxy = "10.0.0.5";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fc-transport-" + Guid.NewGuid().ToString("N"));
    private PlatformFactory _factory = null!;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        var settings = PlatformFactory.Defaults(_dir);
        settings["Demo:Enabled"] = "false";
        settings["ReverseProxy:KnownProxies:0"] = Proxy;
        _factory = new PlatformFactory(settings, TestPeer.Register);
        return ValueTask.CompletedTask;
    }

    private HttpClient Client(string baseAddress)
    {
        var http = _factory.CreateClient(new() { HandleCookies = false, BaseAddress = new Uri(baseAddress) });
        return http;
    }

    private static IEnumerable<string> Cookies(HttpResponseMessage r) =>
        r.Headers.TryGetValues("Set-Cookie", out var v) ? v : [];

    private static async Task<(HttpResponseMessage Token, HttpResponseMessage Login)> TokenAndLoginAsync(HttpClient http,
        Action<HttpRequestMessage>? decorate = null)
    {
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Get, "/api/auth/antiforgery");
        decorate?.Invoke(tokenRequest);
        var token = await http.SendAsync(tokenRequest);
        var json = await ApiClient.ReadJsonAsync(token);
        using var login = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { userName = PlatformFactory.AdminUserName, password = PlatformFactory.AdminPassword }),
        };
        decorate?.Invoke(login);
        login.Headers.Add("X-XSRF-TOKEN", json["token"]!.GetValue<string>());
        login.Headers.Add("Cookie", string.Join("; ", Cookies(token).Select(c => c.Split(';')[0])));
        return (token, await http.SendAsync(login));
    }

    private static void AssertSecure(IEnumerable<string> cookies, string name, bool secure)
    {
        var cookie = Assert.Single(cookies, c => c.StartsWith(name + "=", StringComparison.Ordinal));
        Assert.Equal(secure, cookie.Split(';').Any(a => a.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task OverHttps_HstsIsSent_AndBothCookiesAreSecure()
    {
        using var http = Client("https://fire.example/");
        var (token, login) = await TokenAndLoginAsync(http);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.StartsWith("max-age=", token.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        AssertSecure(Cookies(token), "FireCommand.Antiforgery", secure: true);
        AssertSecure(Cookies(login), "FireCommand.Auth", secure: true);
    }

    [Fact]
    public async Task OverPlainHttp_NoHsts_AndNoSecureFlag()
    {
        using var http = Client("http://fire.example/");
        var (token, login) = await TokenAndLoginAsync(http);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.False(token.Headers.Contains("Strict-Transport-Security"));
        AssertSecure(Cookies(token), "FireCommand.Antiforgery", secure: false);
        AssertSecure(Cookies(login), "FireCommand.Auth", secure: false);
    }

    [Fact]
    public async Task BehindAKnownProxyThatTerminatesTls_HstsIsSent_AndTheCookiesAreSecure()
    {
        using var http = Client("http://fire.example/");
        var (token, login) = await TokenAndLoginAsync(http, r =>
        {
            r.Headers.Add(TestPeer.Header, Proxy);
            r.Headers.Add("X-Forwarded-For", "203.0.113.50");
            r.Headers.Add("X-Forwarded-Proto", "https");
        });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.True(token.Headers.Contains("Strict-Transport-Security"));
        AssertSecure(Cookies(token), "FireCommand.Antiforgery", secure: true);
        AssertSecure(Cookies(login), "FireCommand.Auth", secure: true);
    }

    [Fact]
    public async Task XForwardedProto_FromAnUnknownPeer_IsIgnored()
    {
        using var http = Client("http://fire.example/");
        var (token, _) = await TokenAndLoginAsync(http, r =>
        {
            r.Headers.Add(TestPeer.Header, "198.51.100.99");
            r.Headers.Add("X-Forwarded-Proto", "https");
        });
        Assert.False(token.Headers.Contains("Strict-Transport-Security"));
        AssertSecure(Cookies(token), "FireCommand.Antiforgery", secure: false);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}
