using System.Net;
using FireCommand.Web.Tests.Infrastructure;
using FireCommand.Web.Tests.Security;
using Microsoft.Extensions.DependencyInjection;

namespace FireCommand.Web.Tests.Linkage;

/// <summary>
/// Failed partner keys slow down the client that sends them, with the login's rules; another
/// client with a valid key is not affected, and the wait ends when it has passed.
/// </summary>
public sealed class PartnerKeyThrottleTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fc-partner-throttle-" + Guid.NewGuid().ToString("N"));
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private PlatformFactory _factory = null!;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        var settings = PlatformFactory.Defaults(_dir);
        settings["Demo:Enabled"] = "false";
        settings["Security:LoginFreeFailures"] = "3";
        _factory = new PlatformFactory(settings, s =>
        {
            TestPeer.Register(s);
            s.AddSingleton<TimeProvider>(_clock);
        });
        return ValueTask.CompletedTask;
    }

    private async Task<HttpStatusCode> InboxAsync(string client, string key, Action<HttpResponseMessage>? inspect = null)
    {
        using var http = _factory.CreateClient(new() { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/linkage/inbox");
        request.Headers.Add(TestPeer.Header, client);
        request.Headers.Add("X-Partner-Key", key);
        using var response = await http.SendAsync(request);
        inspect?.Invoke(response);
        return response.StatusCode;
    }

    [Fact]
    public async Task GuessedKeys_AreThrottledPerClient_AndTheWaitEnds()
    {
        using var admin = await new ApiClient(_factory.CreateClient(new() { HandleCookies = true }))
            .SignedInAs(PlatformFactory.AdminUserName, PlatformFactory.AdminPassword);
        var partner = await Partners.RegisterAsync(admin, "Medical120", await Partners.OwnJurisdictionAsync(admin), "receive-transfers");
        var guess = partner.Key[..^4] + "AAAA";
        const string attacker = "203.0.113.9";

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Unauthorized, await InboxAsync(attacker, guess));
        // Now even the right key waits, from the client that failed.
        string? retryAfter = null;
        Assert.Equal(HttpStatusCode.TooManyRequests, await InboxAsync(attacker, partner.Key,
            r => retryAfter = r.Headers.TryGetValues("Retry-After", out var v) ? v.Single() : null));
        Assert.Equal("1", retryAfter);
        // The partner's own system elsewhere is not affected.
        Assert.Equal(HttpStatusCode.OK, await InboxAsync("198.51.100.30", partner.Key));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, await InboxAsync(attacker, guess));
        Assert.Equal(HttpStatusCode.TooManyRequests, await InboxAsync(attacker, partner.Key,
            r => retryAfter = r.Headers.GetValues("Retry-After").Single()));
        Assert.Equal("2", retryAfter);
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, await InboxAsync(attacker, partner.Key));
    }

    [Fact]
    public async Task GuessesOnOneKeyId_SpreadOverManyAddresses_AreSlowed_WhileThePartnersOwnAddressKeepsWorking()
    {
        using var admin = await new ApiClient(_factory.CreateClient(new() { HandleCookies = true }))
            .SignedInAs(PlatformFactory.AdminUserName, PlatformFactory.AdminPassword);
        var partner = await Partners.RegisterAsync(admin, "Police110", await Partners.OwnJurisdictionAsync(admin), "receive-transfers");
        const string home = "198.51.100.30";
        Assert.Equal(HttpStatusCode.OK, await InboxAsync(home, partner.Key));
        var guess = partner.Key[..^4] + "AAAA";

        // Twelve addresses (four times the free failures), one guess each: every address stays within its own free failures.
        for (var i = 1; i <= 12; i++) Assert.Equal(HttpStatusCode.Unauthorized, await InboxAsync($"203.0.113.{i}", guess));
        // The next address has never failed, yet its guess at this key id waits.
        string? retryAfter = null;
        Assert.Equal(HttpStatusCode.TooManyRequests, await InboxAsync("203.0.113.13", guess,
            r => retryAfter = r.Headers.TryGetValues("Retry-After", out var v) ? v.Single() : null));
        Assert.Equal("1", retryAfter);
        // The partner's own system, where the key has worked, is not held back.
        Assert.Equal(HttpStatusCode.OK, await InboxAsync(home, partner.Key));
        // A back-off, not a lock: after the wait the key id may be tried again.
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, await InboxAsync("203.0.113.13", guess));
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}
