using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;

namespace FireCommand.Web.Security;

/// <summary>
/// The live-channel connections open on this node, by the login session they were opened with. A
/// SignalR connection is authenticated once, when it opens, and a WebSocket or server-sent-events
/// connection then stays open without another cookie check; so when a session ends its connections
/// are aborted here, and <see cref="LiveSessionWatch"/> cuts those whose session another node ended.
/// </summary>
/// <remarks>Thread-safe: hub callbacks, logout and the watch run concurrently.</remarks>
public sealed class LiveSessions
{
    /// <summary>One login session: the user and the session id of its cookie.</summary>
    public readonly record struct SessionKey(string UserId, string SessionId);

    private readonly ConcurrentDictionary<SessionKey, ConcurrentDictionary<string, HubCallerContext>> _open = new();

    /// <summary>The session a principal belongs to, or null when it names none.</summary>
    public static SessionKey? KeyOf(ClaimsPrincipal? principal) =>
        principal?.FindFirstValue(ClaimTypes.NameIdentifier) is { } user &&
        principal.FindFirstValue(PlatformClaims.Session) is { Length: > 0 } session
            ? new SessionKey(user, session)
            : null;

    /// <summary>Tracks a connection that has just opened; false when its principal names no session.</summary>
    public bool Opened(HubCallerContext connection)
    {
        if (KeyOf(connection.User) is not { } key) return false;
        _open.GetOrAdd(key, _ => new()).TryAdd(connection.ConnectionId, connection);
        return true;
    }

    /// <summary>Forgets a connection that has closed.</summary>
    public void Closed(HubCallerContext connection)
    {
        if (KeyOf(connection.User) is not { } key || !_open.TryGetValue(key, out var connections)) return;
        connections.TryRemove(connection.ConnectionId, out _);
        if (connections.IsEmpty) _open.TryRemove(new(key, connections));
    }

    /// <summary>The sessions that have at least one connection open here.</summary>
    public IReadOnlyList<SessionKey> Sessions => [.. _open.Keys];

    /// <summary>Aborts every connection of the session; returns how many there were.</summary>
    public int End(SessionKey key)
    {
        if (!_open.TryRemove(key, out var connections)) return 0;
        foreach (var connection in connections.Values) connection.Abort();
        return connections.Count;
    }

    /// <summary>Aborts the connections of every session of the user except <paramref name="keep"/>.</summary>
    public void EndAll(string userId, string? keep = null)
    {
        foreach (var key in _open.Keys.Where(k => k.UserId == userId && k.SessionId != keep)) End(key);
    }
}
