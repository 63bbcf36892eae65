using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using FireCommand.Core.Data;
using FireCommand.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Security;

/// <summary>
/// The login sessions the server still honours. A signed cookie alone proves only that the platform
/// issued it once; each cookie also carries a session id that must be listed here, so logout ends
/// that one session for good (a replayed cookie is refused) and password change, role change and
/// account disable end all of a user's sessions.
/// </summary>
/// <remarks>
/// Sessions are rows of Identity's existing user-token table (login provider
/// <see cref="Provider"/>, name = session id, value = start time), so every node sees the same list
/// and a restart forgets nothing. A node remembers a positive answer for
/// <see cref="SecurityOptions.SessionValidationInterval"/> to spare the database a lookup on every
/// request; an ended session is therefore refused at once on the node that ended it and within that
/// interval on the others. The live channel follows: connections of an ended session are aborted at
/// once on this node (<see cref="LiveSessions"/>) and by <see cref="LiveSessionWatch"/> on the others.
/// Scoped: one per request.
/// </remarks>
public sealed class SessionRegistry(FireCommandDbContext db, UserManager<AppUser> users, IMemoryCache cache,
    IOptions<SecurityOptions> options, TimeProvider clock, LiveSessions live)
{
    public const string Provider = "FireCommand.Session";

    /// <summary>No session outlives this, however active: a sliding cookie must not live for ever.</summary>
    public static readonly TimeSpan AbsoluteLimit = TimeSpan.FromDays(7);

    /// <summary>Registers a new session for the user and returns the claim that names it.</summary>
    public async Task<Claim> StartAsync(AppUser user)
    {
        var now = clock.GetUtcNow();
        // Old sessions of this user that can no longer be valid are dropped here, so the table stays small.
        var stale = (await db.UserTokens.Where(t => t.UserId == user.Id && t.LoginProvider == Provider).ToListAsync())
            .Where(t => !IsFresh(t.Value, now)).Select(t => t.Name).ToList();
        // Deleted by statement, not tracked: two logins of one user may clear the same stale rows at once.
        if (stale.Count > 0)
            await db.UserTokens.Where(t => t.UserId == user.Id && t.LoginProvider == Provider && stale.Contains(t.Name)).ExecuteDeleteAsync();

        // The row is added directly: UserManager.SetAuthenticationTokenAsync also rewrites the user's
        // concurrency stamp, so two logins of one user at the same moment would fail with a conflict.
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        db.UserTokens.Add(new() { UserId = user.Id, LoginProvider = Provider, Name = id, Value = now.ToString("O", CultureInfo.InvariantCulture) });
        await db.SaveChangesAsync();
        return new Claim(PlatformClaims.Session, id);
    }

    /// <summary>
    /// True when this node confirmed the principal's session within the last
    /// <see cref="SecurityOptions.SessionValidationInterval"/> — the answer <see cref="IsActiveAsync"/>
    /// would give from memory, without building a registry (and its user manager) for the request.
    /// </summary>
    public static bool IsRecentlyConfirmed(IMemoryCache cache, ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId &&
        principal.FindFirstValue(PlatformClaims.Session) is { } id &&
        cache.TryGetValue(CacheKey(userId, id), out _);

    /// <summary>True while the session named by the principal is still listed and not too old.</summary>
    public async Task<bool> IsActiveAsync(ClaimsPrincipal principal)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var id = principal.FindFirstValue(PlatformClaims.Session);
        if (userId is null || id is null) return false;
        var key = CacheKey(userId, id);
        if (cache.TryGetValue(key, out _)) return true;

        var started = await db.UserTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == id)
            .Select(t => t.Value).FirstOrDefaultAsync();
        if (started is null || !IsFresh(started, clock.GetUtcNow())) return false;
        var interval = options.Value.SessionValidationInterval;
        if (interval > TimeSpan.Zero) cache.Set(key, true, interval);
        return true;
    }

    /// <summary>
    /// Of the given sessions, those still listed and not too old, read from the database without the
    /// node's cache (see <see cref="LiveSessionWatch"/>).
    /// </summary>
    public async Task<HashSet<LiveSessions.SessionKey>> StillActiveAsync(IReadOnlyCollection<LiveSessions.SessionKey> sessions,
        CancellationToken ct = default)
    {
        var ids = sessions.Select(s => s.SessionId).Distinct().ToList();
        var rows = ids.Count == 0 ? [] : await db.UserTokens.AsNoTracking()
            .Where(t => t.LoginProvider == Provider && ids.Contains(t.Name))
            .Select(t => new { t.UserId, t.Name, t.Value }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return [.. rows.Where(r => IsFresh(r.Value, now)).Select(r => new LiveSessions.SessionKey(r.UserId, r.Name))
            .Where(sessions.Contains)];
    }

    /// <summary>Ends the session named by the principal (logout), its open live-channel connections included.</summary>
    public async Task EndAsync(ClaimsPrincipal principal)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var id = principal.FindFirstValue(PlatformClaims.Session);
        if (userId is null || id is null) return;
        await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == id).ExecuteDeleteAsync();
        cache.Remove(CacheKey(userId, id));
        live.End(new(userId, id));
    }

    /// <summary>
    /// Ends every session of the user except <paramref name="keep"/> (the caller's own, after a password
    /// change), with their live-channel connections on this node, and renews the security stamp so that sessions cached on other nodes fail their next check.
    /// </summary>
    public async Task EndAllAsync(AppUser user, string? keep = null)
    {
        var ended = await db.UserTokens.AsNoTracking()
            .Where(t => t.UserId == user.Id && t.LoginProvider == Provider && t.Name != keep)
            .Select(t => t.Name).ToListAsync();
        await db.UserTokens.Where(t => t.UserId == user.Id && t.LoginProvider == Provider && t.Name != keep).ExecuteDeleteAsync();
        foreach (var id in ended) cache.Remove(CacheKey(user.Id, id));
        live.EndAll(user.Id, keep);
        if (keep is null) await users.UpdateSecurityStampAsync(user);
    }

    private static bool IsFresh(string? started, DateTimeOffset now) =>
        DateTimeOffset.TryParse(started, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) &&
        now - at < AbsoluteLimit;

    private static string CacheKey(string userId, string id) => $"session:{userId}:{id}";
}
