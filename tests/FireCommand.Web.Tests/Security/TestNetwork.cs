using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FireCommand.Web.Tests.Security;

/// <summary>
/// The in-memory test server has no TCP peer; this sets the peer address of a request from the
/// X-Test-Peer header before the platform's own pipeline runs, as a socket would.
/// </summary>
public sealed class TestPeer : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public static void Register(IServiceCollection services) => services.AddSingleton<IStartupFilter, TestPeer>();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (ctx, nextMiddleware) =>
        {
            if (ctx.Request.Headers.TryGetValue(Header, out var peer)) ctx.Connection.RemoteIpAddress = IPAddress.Parse(peer!);
            await nextMiddleware();
        });
        next(app);
    };
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>Cookies kept by hand, so a test can replay a cookie a browser has thrown away.</summary>
public sealed class CookieJar
{
    private readonly Dictionary<string, string> _cookies = [];

    public void Take(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values)) return;
        foreach (var v in values)
        {
            var pair = v.Split(';', 2)[0];
            var eq = pair.IndexOf('=');
            var (name, value) = (pair[..eq], pair[(eq + 1)..]);
            if (value.Length == 0) _cookies.Remove(name);
            else _cookies[name] = value;
        }
    }

    public CookieJar Copy()
    {
        var copy = new CookieJar();
        foreach (var (k, v) in _cookies) copy._cookies[k] = v;
        return copy;
    }

    public string Header => string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));
}

/// <summary>A browser whose cookies the test can read and replay.</summary>
public sealed class CookieBrowser(HttpClient http, CookieJar jar)
{
    public CookieJar Jar { get; } = jar;
    private string? _token;

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (Jar.Header.Length > 0) request.Headers.Add("Cookie", Jar.Header);
        if (_token is not null) request.Headers.Add("X-XSRF-TOKEN", _token);
        var response = await http.SendAsync(request);
        Jar.Take(response);
        return response;
    }

    public async Task RefreshTokenAsync()
    {
        var response = await SendAsync(HttpMethod.Get, "/api/auth/antiforgery");
        _token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
    }

    public async Task<HttpStatusCode> LoginAsync(string user, string password)
    {
        await RefreshTokenAsync();
        var status = (await SendAsync(HttpMethod.Post, "/api/auth/login", new { userName = user, password })).StatusCode;
        await RefreshTokenAsync();
        return status;
    }

    /// <summary>The same cookies and token in another client, as an attacker who copied them would hold.</summary>
    public CookieBrowser Replay(HttpClient other) => new(other, Jar.Copy()) { _token = _token };
}

