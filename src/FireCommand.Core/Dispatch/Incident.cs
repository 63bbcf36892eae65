using FireCommand.Core.Shared;
using NetTopologySuite.Geometries;

namespace FireCommand.Core.Dispatch;

/// <summary>Incident types (警情类型).</summary>
public enum IncidentType
{
    /// <summary>火灾扑救</summary>
    Fire = 1,
    /// <summary>抢险救援</summary>
    Rescue = 2,
    /// <summary>社会救助</summary>
    SocialAssistance = 3,
    /// <summary>安保勤务</summary>
    SecurityDuty = 4,
    /// <summary>虚假警</summary>
    FalseAlarm = 5,
}

/// <summary>Where an incident is in its life.</summary>
public enum IncidentState
{
    /// <summary>接警: taken, not yet dispatched.</summary>
    Received = 1,
    /// <summary>已调派: orders issued.</summary>
    Dispatched = 2,
    /// <summary>处置中: first unit on scene.</summary>
    Working = 3,
    /// <summary>收尾: under control, units returning.</summary>
    Closing = 4,
    /// <summary>结案</summary>
    Closed = 5,
}

/// <summary>Raised when an incident is asked for a move its state does not allow.</summary>
public sealed class IllegalIncidentChangeException(IncidentState from, string action)
    : InvalidOperationException($"Incident in state {from} cannot {action}.");

/// <summary>An incident (警情) from the first call to closure.</summary>
public sealed class Incident : IJurisdictionScoped
{
    public const int MinFireLevel = 1;
    public const int MaxFireLevel = 5;

    public long Id { get; set; }
    /// <summary>Human incident number, unique, e.g. 20261128-0001.</summary>
    public required string Number { get; set; }
    public IncidentType Type { get; set; }
    public string? Subtype { get; set; }
    /// <summary>火警等级 1–5.</summary>
    public int FireLevel { get; private set; } = MinFireLevel;
    public required Point Location { get; set; }
    public string? Address { get; set; }
    public string? Description { get; set; }
    public int Trapped { get; set; }
    public int Injured { get; set; }
    public int Deaths { get; set; }
    public long? KeyPlaceId { get; set; }
    /// <summary>How the first report came in.</summary>
    public AlarmSource Source { get; set; } = AlarmSource.Call119;
    /// <summary>Set when this incident turned out to be a duplicate and its alarms moved to another.</summary>
    public long? MergedIntoIncidentId { get; private set; }
    public DateTimeOffset? LevelRaisedAt { get; private set; }
    public long JurisdictionId { get; set; }
    public IncidentState State { get; private set; } = IncidentState.Received;
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? DispatchedAt { get; private set; }
    public DateTimeOffset? FirstArrivalAt { get; private set; }
    public DateTimeOffset? ClosingAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? Outcome { get; private set; }

    /// <summary>Sets the fire level; 1–5 only.</summary>
    public void SetFireLevel(int level)
    {
        if (level is < MinFireLevel or > MaxFireLevel)
            throw new ArgumentOutOfRangeException(nameof(level), level, "Fire level is 1–5.");
        FireLevel = level;
    }

    /// <summary>
    /// Raises the fire level (an escalation, 升级). Lowering is refused: the response already on its
    /// way is not recalled by a level change; units are released one by one instead.
    /// </summary>
    public void RaiseLevel(int level, DateTimeOffset at)
    {
        if (State is IncidentState.Closed) throw new IllegalIncidentChangeException(State, "change level");
        if (level <= FireLevel)
            throw new IllegalIncidentChangeException(State, $"lower or keep the fire level ({FireLevel} → {level}) as an escalation");
        SetFireLevel(level);
        LevelRaisedAt = at;
    }

    /// <summary>Closes this incident as a duplicate of <paramref name="target"/>.</summary>
    public void MergeInto(Incident target, DateTimeOffset at)
    {
        if (target.Id == Id) throw new IllegalIncidentChangeException(State, "merge into itself");
        if (State is IncidentState.Closed || target.State is IncidentState.Closed)
            throw new IllegalIncidentChangeException(State, "merge a closed incident");
        MergedIntoIncidentId = target.Id;
        Close(at, $"重复警情，已并入 {target.Number} (duplicate of {target.Number})");
    }

    public void MarkDispatched(DateTimeOffset at)
    {
        if (State is IncidentState.Closed) throw new IllegalIncidentChangeException(State, "dispatch");
        DispatchedAt ??= at;
        if (State is IncidentState.Received) State = IncidentState.Dispatched;
    }

    public void MarkFirstArrival(DateTimeOffset at)
    {
        if (State is IncidentState.Received or IncidentState.Closed)
            throw new IllegalIncidentChangeException(State, "record an arrival");
        FirstArrivalAt ??= at;
        if (State is IncidentState.Dispatched) State = IncidentState.Working;
    }

    public void MarkClosing(DateTimeOffset at)
    {
        if (State is not (IncidentState.Dispatched or IncidentState.Working))
            throw new IllegalIncidentChangeException(State, "start closing");
        State = IncidentState.Closing;
        ClosingAt = at;
    }

    public void Close(DateTimeOffset at, string outcome)
    {
        if (State is IncidentState.Closed) throw new IllegalIncidentChangeException(State, "close");
        State = IncidentState.Closed;
        ClosedAt = at;
        Outcome = outcome;
    }

    /// <summary>Restores a historic state (seeding, replay import) without the rules.</summary>
    public void Restore(IncidentState state, DateTimeOffset? dispatchedAt, DateTimeOffset? firstArrivalAt,
        DateTimeOffset? closedAt, string? outcome)
    {
        State = state;
        DispatchedAt = dispatchedAt;
        FirstArrivalAt = firstArrivalAt;
        ClosedAt = closedAt;
        Outcome = outcome;
    }
}
