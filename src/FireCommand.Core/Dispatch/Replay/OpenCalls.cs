using FireCommand.Core.Dispatch.Decisions;

namespace FireCommand.Core.Dispatch.Replay;

/// <summary>
/// The calls open at the replay's current time, as duplicate detection sees them: a call is open from
/// its receipt until <see cref="LoggedCall.ClearedAt"/>. Every logged call stays a separate incident
/// (the log's own dispatchers did not merge them), even when the replay would have offered a merge.
/// </summary>
/// <remarks>Not thread-safe; owned by one replay loop.</remarks>
internal sealed class OpenCalls
{
    private readonly Dictionary<long, ActiveIncident> _open = [];
    private readonly PriorityQueue<long, DateTimeOffset> _closing = new();

    public IEnumerable<ActiveIncident> Current => _open.Values;

    public int Count => _open.Count;

    /// <summary>Closes every call cleared at or before <paramref name="now"/>.</summary>
    public void AdvanceTo(DateTimeOffset now)
    {
        while (_closing.TryPeek(out var id, out var clearedAt) && clearedAt <= now)
        {
            _closing.Dequeue();
            _open.Remove(id);
        }
    }

    /// <summary>Opens <paramref name="call"/> under <paramref name="id"/>; calls without a location are not tracked.</summary>
    public void Open(long id, LoggedCall call)
    {
        if (call.Location is not { } where) return;
        _open[id] = new ActiveIncident(id, call.CallNumber, where, call.Type, call.ReceivedAt, call.Mapping.Subtype);
        _closing.Enqueue(id, call.ClearedAt);
    }
}
