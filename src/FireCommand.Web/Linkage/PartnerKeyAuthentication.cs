using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using FireCommand.Core.Data;
using FireCommand.Core.Linkage;
using FireCommand.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Linkage;

/// <summary>Claim types of a partner principal.</summary>
public static class PartnerClaims
{
    public const string PartnerId = "fc:partner";
    public const string Scope = "fc:partner_scope";
}

/// <summary>
/// The partner API's own authentication scheme: the key in the <c>X-Partner-Key</c> header. It is
/// never the default scheme, so a key opens nothing of the users' API, and the partner endpoints
/// accept this scheme alone, so a user's cookie opens nothing there. The key and the partner's
/// enabled flag are read from the database on every call: a disabled partner or a rotated key is
/// refused at once on every node. Failed keys are throttled per client address like logins.
/// </summary>
public sealed class PartnerKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, IServiceScopeFactory scopes, PartnerKeyThrottle throttle)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PartnerKey";
    public const string Header = "X-Partner-Key";
    private const string ThrottledItem = "fc:partner-key-throttled";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values)) return AuthenticateResult.NoResult();
        var client = Context.Connection.RemoteIpAddress?.ToString() ?? "local";
        var wait = throttle.RetryAfter(client);
        if (wait > TimeSpan.Zero)
        {
            Context.Items[ThrottledItem] = wait;
            return AuthenticateResult.Fail("Too many failed partner keys from this client.");
        }
        if (!PartnerKey.TryParse(values.ToString(), out var keyId, out var secret))
        {
            throttle.Failed(client);
            return AuthenticateResult.Fail("Malformed partner key.");
        }
        var keyWait = throttle.RetryAfter(client, keyId);
        if (keyWait > TimeSpan.Zero)
        {
            Context.Items[ThrottledItem] = keyWait;
            return AuthenticateResult.Fail("Too many failed attempts on this partner key.");
        }
        // A scope of its own: the request's data context must not read the caller before it is known.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
        var partner = await db.Partners.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.KeyId == keyId)
            .Select(p => new { p.Id, p.Code, p.Enabled, p.KeyHash, p.JurisdictionId, p.Scopes })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (partner is null || !PartnerKey.Matches(secret, partner.KeyHash))
        {
            throttle.Failed(client, keyId);
            return AuthenticateResult.Fail("Unknown partner key.");
        }
        if (!partner.Enabled) return AuthenticateResult.Fail("The partner is disabled.");
        throttle.Succeeded(client, keyId);
        // The admins' list shows when each key was last used; a write at most once a minute per partner, outside the audit.
        var now = TimeProvider.GetUtcNow();
        var since = now.AddMinutes(-1);
        await db.Partners.IgnoreQueryFilters().Where(p => p.Id == partner.Id && (p.LastUsedAt == null || p.LastUsedAt < since))
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.LastUsedAt, now), Context.RequestAborted);

        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, "partner:" + partner.Id),
            new(ClaimTypes.Name, "partner:" + partner.Code),
            new(PartnerClaims.PartnerId, partner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            // The partner files alarms within the area it covers, through the same scope as a user.
            new(PlatformClaims.Jurisdiction, partner.JurisdictionId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];
        claims.AddRange(PartnerScopeNames.Of(partner.Scopes).Select(s => new Claim(PartnerClaims.Scope, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.TryGetValue(ThrottledItem, out var value) && value is TimeSpan wait)
        {
            Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed keys",
                detail: "Wait before trying again.").ExecuteAsync(Context);
            return;
        }
        Response.Headers.WWWAuthenticate = SchemeName;
        await TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Partner key required",
            detail: $"Send a valid key of an enabled partner in the {Header} header.").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Scope not granted",
            detail: "This partner's key does not include the scope this call needs.").ExecuteAsync(Context);
}

/// <summary>
/// Back-off of failed partner keys with the login's rules (free failures, then doubling waits up to the
/// maximum), per client address and per key id. Per address, every key of one client counts together:
/// guessing secrets of several key ids gains nothing. Per key id, the failures from all addresses count
/// together (with four times the free failures), so guesses spread over many addresses slow down too; the addresses where the key has
/// worked are exempt from that count, so the partner's own system goes on working while its key id is
/// attacked from elsewhere (a back-off for strangers, never a lock of the partner). Per node and in
/// memory, like the login throttle. Thread-safe.
/// </summary>
public sealed class PartnerKeyThrottle(IOptions<SecurityOptions> options, TimeProvider clock)
{
    private const string Account = "\u0000partner-key";
    private const string AnyClient = "\u0000any";
    private const int MaxKnownAddresses = 10_000;
    private const int KeyIdFreeFactor = 4;
    private readonly LoginThrottle _perClient = new(options, clock);
    // Across all addresses a key id gets four times the free failures, so a few honest mistakes never hold anyone back.
    private readonly LoginThrottle _perKey = new(Options.Create(new SecurityOptions
    {
        LoginFreeFailures = options.Value.LoginFreeFailures * KeyIdFreeFactor, LoginMaxBackoff = options.Value.LoginMaxBackoff,
    }), clock);
    private readonly ConcurrentDictionary<(string KeyId, string Client), byte> _worked = new();

    public TimeSpan RetryAfter(string client) => _perClient.RetryAfter(Account, client);

    /// <summary>The wait for this key id from this client: zero where the key has worked before.</summary>
    public TimeSpan RetryAfter(string client, string keyId) =>
        _worked.ContainsKey((keyId, client)) ? TimeSpan.Zero : _perKey.RetryAfter(keyId, AnyClient);

    public void Failed(string client) => _perClient.Failed(Account, client);

    public void Failed(string client, string keyId)
    {
        _perClient.Failed(Account, client);
        _perKey.Failed(keyId, AnyClient);
    }

    public void Succeeded(string client, string keyId)
    {
        _perClient.Succeeded(Account, client);
        if (_worked.Count >= MaxKnownAddresses) _worked.Clear();
        _worked.TryAdd((keyId, client), 0);
    }
}

/// <summary>The scopes' names as partners and admins write them.</summary>
public static class PartnerScopeNames
{
    public const string TransferIn = "transfer-in";
    public const string ReceiveTransfers = "receive-transfers";
    public const string ReadOwn = "read-own";

    private static readonly (string Name, PartnerScopes Scope)[] All =
        [(TransferIn, PartnerScopes.TransferIn), (ReceiveTransfers, PartnerScopes.ReceiveTransfers), (ReadOwn, PartnerScopes.ReadOwn)];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(a => a.Name)];

    public static IReadOnlyList<string> Of(PartnerScopes scopes) => [.. All.Where(a => (scopes & a.Scope) == a.Scope).Select(a => a.Name)];

    public static PartnerScopes? Parse(IEnumerable<string> names)
    {
        var result = PartnerScopes.None;
        foreach (var name in names)
        {
            var match = All.FirstOrDefault(a => a.Name == name);
            if (match.Name is null) return null;
            result |= match.Scope;
        }
        return result;
    }
}
