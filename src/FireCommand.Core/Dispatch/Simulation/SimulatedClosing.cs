namespace FireCommand.Core.Dispatch.Simulation;

/// <summary>
/// When the demo simulation may close an incident by itself: only one it took and dispatched alone,
/// that nobody has acted on, and only some time after its last unit cleared. An incident a person
/// took a call for, sent units to, escalated or otherwise edited is theirs to close, with their
/// outcome. Pure and thread-safe.
/// </summary>
public static class SimulatedClosing
{
    /// <summary>How long after the last unit cleared a simulated incident stays open: long enough for
    /// a watching dispatcher to see it finish before it leaves the queue.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMinutes(2);

    /// <param name="simulator">The name the simulation acts under.</param>
    /// <param name="actors">Everyone recorded on the incident: who took its calls, who dispatched its
    /// units, who changed it (audit).</param>
    /// <param name="lastClearedAt">When its last unit cleared, or null when none has.</param>
    /// <param name="now">The present moment.</param>
    public static bool MayClose(string simulator, IEnumerable<string> actors, DateTimeOffset? lastClearedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actors);
        return lastClearedAt is { } cleared && now - cleared >= Delay
            && actors.All(a => string.Equals(a, simulator, StringComparison.Ordinal));
    }
}
