using System.Net;
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
