namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>The timers the dispatch board shows.</summary>
public enum DispatchTimerKind
{
    /// <summary>接警处理: call received → first dispatch order.</summary>
    CallProcessing = 1,
    /// <summary>出动: dispatch order → en route (per unit; for the incident, the first unit to roll).</summary>
    Turnout = 2,
    /// <summary>途中: en route → on scene (per unit; for the incident, the first unit to arrive).</summary>
    Travel = 3,
    /// <summary>Travel of the slowest unit of the first alarm.</summary>
    FullFirstAlarm = 4,
    /// <summary>Dispatch order → first unit on scene, against the 5-minute standard.</summary>
    StationReach = 5,
    /// <summary>Call received → first unit on scene.</summary>
    Total = 6,
}

/// <summary>How a timer stands against its thresholds.</summary>
public enum TimerState
{
    /// <summary>Its start has not happened yet (e.g. no unit en route).</summary>
    NotStarted = 0,
    /// <summary>Within the amber threshold.</summary>
    Ok = 1,
    /// <summary>Past amber, not past red.</summary>
    Amber = 2,
    /// <summary>Ended past the red threshold: the standard was missed.</summary>
    Red = 3,
    /// <summary>Still running and past the red threshold: act now.</summary>
    Overdue = 4,
}

/// <summary>The incident's own timestamps. Immutable.</summary>
/// <param name="Type">Incident type (selects the turnout standard).</param>
/// <param name="ReceivedAt">Call received.</param>
/// <param name="DispatchedAt">First dispatch order, if any.</param>
public sealed record IncidentTimestamps(IncidentType Type, DateTimeOffset ReceivedAt, DateTimeOffset? DispatchedAt);

/// <summary>Status timestamps of one unit of the first alarm (not cancelled). Immutable.</summary>
/// <param name="UnitId">Unit id.</param>
/// <param name="DispatchedAt">20 出动.</param>
/// <param name="EnRouteAt">21 途中, if reported.</param>
/// <param name="OnSceneAt">22 到场, if reported.</param>
public sealed record UnitTimestamps(long UnitId, DateTimeOffset DispatchedAt, DateTimeOffset? EnRouteAt, DateTimeOffset? OnSceneAt);

/// <summary>One timer's reading. Immutable.</summary>
/// <param name="Kind">Which timer.</param>
/// <param name="UnitId">The unit for per-unit timers; null for incident timers.</param>
/// <param name="StartedAt">Start, when known.</param>
/// <param name="EndedAt">End, or null while running.</param>
/// <param name="ElapsedSeconds">End (or now) minus start, never negative; null when not started.</param>
/// <param name="AmberAfterSeconds">Amber past this.</param>
/// <param name="RedAfterSeconds">Red (or overdue) past this.</param>
/// <param name="State">The state.</param>
/// <param name="Reason">What it measures and against which standard.</param>
public sealed record TimerReading(DispatchTimerKind Kind, long? UnitId, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt,
    double? ElapsedSeconds, double AmberAfterSeconds, double RedAfterSeconds, TimerState State, DecisionReason Reason)
{
    /// <summary>True while the timer runs.</summary>
    public bool IsRunning => StartedAt is not null && EndedAt is null;
}

/// <summary>All timers of an incident at one moment. Immutable.</summary>
/// <param name="Incident">Incident timers in <see cref="DispatchTimerKind"/> order.</param>
/// <param name="Units">Per-unit turnout and travel, by unit id.</param>
public sealed record DispatchTimerReport(IReadOnlyList<TimerReading> Incident, IReadOnlyList<TimerReading> Units);
