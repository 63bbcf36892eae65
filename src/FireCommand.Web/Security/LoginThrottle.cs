using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Security;

/// <summary>
/// Exponential back-off of failed logins, counted per account and client address together. After
/// <see cref="SecurityOptions.LoginFreeFailures"/> failures a client must wait 1 s before its next
/// attempt on that account; each further failure doubles the wait (2 s, 4 s …) up to <see cref="SecurityOptions.LoginMaxBackoff"/>; a
/// success clears its count.
/// </summary>
/// <remarks>
/// Why not per account alone: a hard or account-wide lock lets anyone on the network lock a
/// dispatcher out in the middle of a shift. Keyed by the pair, an attacker hammering an account
/// slows only themselves, and the owner signing in from their own console is not affected. The
/// client address dimension (this throttle plus the per-address rate limit on the login endpoint)
/// bounds how many guesses one machine can make across all accounts. The account name is counted
/// whether or not such an account exists, so the throttle says nothing about which names are real.
/// State is per node and in memory; behind a load balancer each node throttles on its own, which
/// multiplies an attacker's budget by the number of nodes but never locks anyone out.
/// Thread-safe.
/// </remarks>
public sealed class LoginThrottle(IOptions<SecurityOptions> options, TimeProvider clock)
{
    private readonly record struct Entry(int Failures, DateTimeOffset BlockedUntil, DateTimeOffset LastFailure);

    // Beyond this many (account, client) pairs, those no longer waiting are pruned.
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<(string Account, string Client), Entry> _entries = new();

    /// <summary>How long the client must still wait before trying this account again; zero when it may try now.</summary>
    public TimeSpan RetryAfter(string account, string client)
    {
        if (!_entries.TryGetValue(Key(account, client), out var e)) return TimeSpan.Zero;
        var left = e.BlockedUntil - clock.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    public void Failed(string account, string client)
    {
        var now = clock.GetUtcNow();
        var o = options.Value;
        if (_entries.Count >= MaxEntries) Prune(now, o.LoginMaxBackoff);
        _entries.AddOrUpdate(Key(account, client),
            _ => Next(0, now, o),
            (_, e) => Next(now - e.LastFailure > Forget(o) ? 0 : e.Failures, now, o));
    }

    public void Succeeded(string account, string client) => _entries.TryRemove(Key(account, client), out _);

    private static Entry Next(int failures, DateTimeOffset now, SecurityOptions o)
    {
        var count = failures + 1;
        var over = count - o.LoginFreeFailures;
        if (over < 0) return new Entry(count, now, now);
        // 2^over seconds (1 s at the last free failure), capped; the exponent is capped too so the shift cannot overflow.
        var wait = TimeSpan.FromSeconds(Math.Min(1L << Math.Min(over, 30), (long)o.LoginMaxBackoff.TotalSeconds));
        return new Entry(count, now + wait, now);
    }

    // A client that stopped failing for a day (or four times the longest wait) starts afresh.
    private static TimeSpan Forget(SecurityOptions o) => TimeSpan.FromTicks(Math.Max(TimeSpan.FromDays(1).Ticks, o.LoginMaxBackoff.Ticks * 4));

    private void Prune(DateTimeOffset now, TimeSpan maxBackoff)
    {
        foreach (var (key, e) in _entries)
            if (e.BlockedUntil <= now && now - e.LastFailure > maxBackoff) _entries.TryRemove(key, out _);
    }

    private static (string, string) Key(string account, string client) => (account.Trim().ToUpperInvariant(), client);
}
