using FireCommand.Core.Sensing.Rules;
using FireCommand.Core.Shared;

namespace FireCommand.Core.Sensing.Alarms;

/// <summary>Where a sensing alarm is in its life.</summary>
public enum SensingAlarmState
{
    /// <summary>A single detector's fire report, waiting for corroboration or a person within its window.</summary>
    PendingVerification = 1,
    /// <summary>Raised and open (faults, thresholds, offline, supervisory…).</summary>
    Active = 2,
    /// <summary>A fire confirmed by corroboration, a person or an expired window: it becomes an incident.</summary>
    Confirmed = 3,
    /// <summary>Closed: the condition ended (device back to normal, value past the clear level, or cleared by a person).</summary>
    Cleared = 4,
    /// <summary>Closed as a false alarm by a person.</summary>
    Dismissed = 5,
}

/// <summary>What happened to an alarm; each is one <see cref="SensingAlarmEvent"/>.</summary>
public enum SensingAlarmEventKind
{
    Raised = 1,
    Repeated = 2,
    Acknowledged = 3,
    Confirmed = 4,
    Assigned = 5,
    Cleared = 6,
    Dismissed = 7,
    IncidentCreated = 8,
}

/// <summary>Raised when an alarm is asked for a move its state does not allow; the API answers 409.</summary>
public sealed class IllegalAlarmChangeException(SensingAlarmState from, string action)
    : InvalidOperationException($"An alarm in state {from} cannot be {action}.");

/// <summary>
/// One alarm of one kind from one device component. While it is open (not cleared or dismissed) a new
/// report of the same kind updates it (count, last value, last time) instead of opening another; the
/// database holds that promise with a unique index over the open alarms, so it holds across nodes too.
/// The times from the first frame to the incident are kept for GB 50440 (device → centre ≤ 20 s,
/// confirmed → 119 ≤ 3 s).
/// </summary>
public sealed class SensingAlarm : IJurisdictionScoped
{
    public long Id { get; set; }
    public long DeviceId { get; set; }
    public required string DeviceKey { get; set; }
    /// <summary>The component, or empty for the device itself.</summary>
    public required string Component { get; set; }
    public required string Type { get; set; }
    public required string RuleCode { get; set; }
    public AlarmSeverity Severity { get; set; }
    public SensingAlarmState State { get; private set; }
    public int Count { get; private set; } = 1;
    public double? LastValue { get; private set; }
    public string? Unit { get; set; }
    public long KeyPlaceId { get; set; }
    public string? Building { get; set; }
    public string? Floor { get; set; }
    public string? Zone { get; set; }
    public long JurisdictionId { get; set; }

    /// <summary>
    /// The device's own time of the first report that raised it (its local wall clock, kept in UTC), or
    /// null when the report carried none: where the GB 50440 device → centre interval starts.
    /// </summary>
    public DateTimeOffset? FirstDeviceTime { get; set; }
    /// <summary>When the platform received the first frame that raised it.</summary>
    public DateTimeOffset FirstFrameAt { get; set; }
    /// <summary>When the alarm was written.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastAt { get; private set; }
    /// <summary>End of the verification window of a pending fire.</summary>
    public DateTimeOffset? VerifyBy { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }
    public string? AssignedTo { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    /// <summary>What confirmed the fire: <c>second_detector</c>, <c>manual_call_point</c>, <c>controller</c>, <c>water_flow</c>, <c>pump_start</c>, <c>person</c>, <c>window_expired</c>.</summary>
    public string? ConfirmedBy { get; private set; }
    public long? IncidentId { get; private set; }
    public DateTimeOffset? IncidentCreatedAt { get; private set; }
    /// <summary>Null while open: the unique index over open alarms reads this column.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }

    public bool IsOpen => ClosedAt is null;
    public bool IsFire => Type == FireType;

    public const string FireType = "fire";

    /// <summary>A new alarm: a fire waits for verification until <paramref name="verifyBy"/>, unless already confirmed.</summary>
    public void Open(double? value, DateTimeOffset at, DateTimeOffset? verifyBy, string? confirmedBy)
    {
        LastValue = value;
        LastAt = at;
        if (confirmedBy is not null) Confirm(at, confirmedBy);
        else if (verifyBy is not null)
        {
            State = SensingAlarmState.PendingVerification;
            VerifyBy = verifyBy;
        }
        else State = SensingAlarmState.Active;
    }

    /// <summary>The same condition reported again while open.</summary>
    public void Repeat(double? value, DateTimeOffset at)
    {
        RequireOpen("repeated");
        Count++;
        Hold(value, at);
    }

    /// <summary>A new value while the condition holds; not a new occurrence.</summary>
    public void Hold(double? value, DateTimeOffset at)
    {
        if (value is not null) LastValue = value;
        if (at > LastAt) LastAt = at;
    }

    public void Acknowledge(DateTimeOffset at, string by)
    {
        RequireOpen("acknowledged");
        AcknowledgedAt ??= at;
        AcknowledgedBy ??= by;
    }

    public void Assign(string to)
    {
        RequireOpen("assigned");
        AssignedTo = to;
    }

    /// <summary>A fire is real: corroborated, seen by a person, or its window ran out. Only a fire can be confirmed.</summary>
    public void Confirm(DateTimeOffset at, string by)
    {
        if (!IsFire) throw new IllegalAlarmChangeException(State, "confirmed as a fire (it is not a fire alarm)");
        RequireOpen("confirmed");
        if (State is SensingAlarmState.Confirmed) return;
        State = SensingAlarmState.Confirmed;
        ConfirmedAt = at;
        ConfirmedBy = by;
    }

    public void LinkIncident(long incidentId, DateTimeOffset at)
    {
        if (IncidentId is not null) return;
        IncidentId = incidentId;
        IncidentCreatedAt = at;
    }

    /// <summary>The condition ended. A confirmed fire is cleared only by a person, never by a device reset alone.</summary>
    public void Clear(DateTimeOffset at, string by)
    {
        RequireOpen("cleared");
        State = SensingAlarmState.Cleared;
        ClosedAt = at;
        ClosedBy = by;
    }

    /// <summary>A person found it false. A fire that already became an incident is closed on the incident instead.</summary>
    public void Dismiss(DateTimeOffset at, string by)
    {
        RequireOpen("dismissed");
        if (IncidentId is not null) throw new IllegalAlarmChangeException(State, "dismissed (it is already an incident; close the incident as a false alarm)");
        State = SensingAlarmState.Dismissed;
        ClosedAt = at;
        ClosedBy = by;
    }

    private void RequireOpen(string action)
    {
        if (!IsOpen) throw new IllegalAlarmChangeException(State, action);
    }
}

/// <summary>One step in an alarm's history: who or what, when, and a note.</summary>
public sealed class SensingAlarmEvent
{
    public long Id { get; set; }
    public long AlarmId { get; set; }
    public DateTimeOffset At { get; set; }
    public SensingAlarmEventKind Kind { get; set; }
    public required string By { get; set; }
    public string? Note { get; set; }
    public double? Value { get; set; }
}
