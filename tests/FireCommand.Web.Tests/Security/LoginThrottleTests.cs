using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FireCommand.Core.Security;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Tests.Security;

/// <summary>
/// Failed logins slow down the client that makes them, per account, with a doubling wait instead
/// of a lock; the owner of the account signing in from elsewhere is not affected; an unknown name,
/// a wrong password and a disabled account answer alike and cost the same hashing work. Client
/// addresses come through a known proxy (10.0.0.5) and X-Forwarded-For.
/// </summary>
public sealed class LoginThrottleTests : IAsyncLifetime
{
    private const string Proxy = "10.0.0.5";

    /// <summary>The framework's hasher, counting the verifications it is asked for.</summary>
    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new(Options.Create(new PasswordHasherOptions()));
        private int _verified;
        public int Verified => _verified;
        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);
        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fc-throttle-" + Guid.NewGuid().ToString("N"));
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private readonly CountingHasher _hasher = new();
    private PlatformFactory _factory = null!;
    private HttpClient _http = null!;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        var settings = PlatformFactory.Defaults(_dir);
        settings["Demo:Enabled"] = "false";
        settings["Security:LoginFreeFailures"] = "3";
        settings["ReverseProxy:KnownProxies:0"] = Proxy;
        _factory = new PlatformFactory(settings, s =>
        {
            TestPeer.Register(s);
            s.AddSingleton<TimeProvider>(_clock);
            s.AddSingleton<IPasswordHasher<AppUser>>(_hasher);
        });
        _http = _factory.CreateClient(new() { HandleCookies = false });
        return ValueTask.CompletedTask;
    }

    private async Task<HttpResponseMessage> LoginAsync(string client, string user, string password, string peer = Proxy)
    {
        var token = await _http.GetAsync("/api/auth/antiforgery");
        var json = JsonNode.Parse(await token.Content.ReadAsStringAsync())!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { userName = user, password }),
        };
        request.Headers.Add(TestPeer.Header, peer);
        request.Headers.Add("X-Forwarded-For", client);
        request.Headers.Add("X-XSRF-TOKEN", json["token"]!.GetValue<string>());
        request.Headers.Add("Cookie", string.Join("; ", token.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        return await _http.SendAsync(request);
    }

    [Fact]
    public async Task AnAttackerHammeringAnAccount_WaitsLongerEachTime_ButTheOwnerElsewhereSignsIn()
    {
        const string attacker = "203.0.113.7";
        for (var i = 0; i < 3; i++)
            await ApiClient.AssertProblemAsync(await LoginAsync(attacker, "admin", "guess-" + i), HttpStatusCode.Unauthorized);

        // Even the right password waits now, from the client that failed.
        var held = await LoginAsync(attacker, "admin", PlatformFactory.AdminPassword);
        await ApiClient.AssertProblemAsync(held, HttpStatusCode.TooManyRequests);
        Assert.Equal("1", held.Headers.GetValues("Retry-After").Single());

        // The owner, from another console, is not locked out.
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync("198.51.100.20", "admin", PlatformFactory.AdminPassword)).StatusCode);

        // The wait doubles with each further failure and ends when it has passed.
        _clock.Advance(TimeSpan.FromSeconds(1));
        await ApiClient.AssertProblemAsync(await LoginAsync(attacker, "admin", "guess-3"), HttpStatusCode.Unauthorized);
        Assert.Equal("2", (await LoginAsync(attacker, "admin", "guess-4")).Headers.GetValues("Retry-After").Single());
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(attacker, "admin", PlatformFactory.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task UnknownUser_WrongPassword_AndDisabledAccount_AnswerAlike_WithTheSameHashingWork()
    {
        var admin = await new ApiClient(_factory.CreateClient(new() { HandleCookies = true }))
            .SignedInAs(PlatformFactory.AdminUserName, PlatformFactory.AdminPassword);
        var name = "off" + Guid.NewGuid().ToString("N")[..6];
        var created = await admin.PostAsync("/api/admin/users", new
        {
            userName = name, displayName = "停用", role = "Viewer", jurisdictionId = 1, password = "Disabled#Pass-2026",
        });
        var id = (await ApiClient.ReadJsonAsync(created))["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/admin/users/{id}", new { enabled = false })).StatusCode);

        var answers = new List<string>();
        foreach (var (user, password) in new[]
                 {
                     ("nobody-" + Guid.NewGuid().ToString("N")[..6], "Whatever#Pass-2026"),
                     (name, "Wrong#Pass-2026"),
                     (name, "Disabled#Pass-2026"),
                 })
        {
            var before = _hasher.Verified;
            var response = await LoginAsync("192.0.2.1" + answers.Count, user, password);
            var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
            problem.AsObject().Remove("traceId");
            answers.Add(problem.ToJsonString());
            Assert.Equal(1, _hasher.Verified - before);
        }
        Assert.Single(answers.Distinct());
    }

    [Fact]
    public async Task ForwardedFor_FromAPeerThatIsNoKnownProxy_IsIgnored()
    {
        // A client that names a new address in each request still fills one bucket: its own.
        const string direct = "198.51.100.99";
        for (var i = 0; i < 3; i++)
            await ApiClient.AssertProblemAsync(await LoginAsync($"192.0.2.{100 + i}", "admin", "spoof-" + i, peer: direct),
                HttpStatusCode.Unauthorized);
        await ApiClient.AssertProblemAsync(await LoginAsync("192.0.2.200", "admin", PlatformFactory.AdminPassword, peer: direct),
            HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task ProxyOptions_ThatDoNotParse_StopTheStart()
    {
        var settings = PlatformFactory.Defaults(_dir);
        settings["Demo:Enabled"] = "false";
        settings["ReverseProxy:KnownNetworks:0"] = "10.0.0.0/99";
        await using var bad = new PlatformFactory(settings);
        var error = Assert.ThrowsAny<Exception>(() => bad.Server);
        Assert.Contains("ReverseProxy", error.ToString(), StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _factory.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}
