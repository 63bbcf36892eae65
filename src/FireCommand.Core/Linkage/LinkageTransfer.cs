using FireCommand.Core.Shared;

namespace FireCommand.Core.Linkage;

/// <summary>Which way an incident was handed over.</summary>
public enum TransferDirection
{
    /// <summary>A partner handed the incident to the fire service.</summary>
    In = 1,
    /// <summary>A dispatcher handed the incident to a partner.</summary>
    Out = 2,
}

/// <summary>Where a transfer stands.</summary>
public enum TransferState
{
    /// <summary>A transfer in, taken as an alarm.</summary>
    Received = 1,
    /// <summary>A transfer out, waiting in the partner's inbox.</summary>
    Sent = 2,
    /// <summary>The partner has it, not yet decided.</summary>
    Acknowledged = 3,
    Accepted = 4,
    Declined = 5,
}

/// <summary>Raised when a transfer cannot make the requested move; the API answers 409 with the reason.</summary>
public sealed class IllegalTransferChangeException(string reason) : InvalidOperationException(reason);

/// <summary>
/// One hand-over of an incident between the fire service and a partner agency, in either
/// direction. Scoped to the incident's jurisdiction; the partner sees it through its key.
/// </summary>
public sealed class LinkageTransfer : IJurisdictionScoped
{
    public long Id { get; set; }
    public long PartnerId { get; set; }
    public TransferDirection Direction { get; set; }
    /// <summary>The partner's own case number (transfers in); with the partner it identifies a delivery.</summary>
    public string? PartnerReference { get; set; }
    public long IncidentId { get; set; }
    public long? AlarmId { get; set; }
    public long JurisdictionId { get; set; }
    public TransferState State { get; private set; }
    /// <summary>Why the dispatcher hands it over (transfers out).</summary>
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The user, or the partner ("partner:CODE"), who made the transfer.</summary>
    public required string CreatedBy { get; set; }
    /// <summary>When the partner itself received the call (transfers in), as it says.</summary>
    public DateTimeOffset? PartnerReceivedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    /// <summary>The partner's operator who acknowledged.</summary>
    public string? AcknowledgedBy { get; private set; }
    public string? AcknowledgementNote { get; private set; }

    public static LinkageTransfer Incoming(long partnerId, string reference, long incidentId, long alarmId, long jurisdictionId,
        DateTimeOffset at, string by, DateTimeOffset? partnerReceivedAt) => new()
    {
        PartnerId = partnerId, Direction = TransferDirection.In, PartnerReference = reference, IncidentId = incidentId,
        AlarmId = alarmId, JurisdictionId = jurisdictionId, State = TransferState.Received, CreatedAt = at, CreatedBy = by,
        PartnerReceivedAt = partnerReceivedAt,
    };

    public static LinkageTransfer Outgoing(long partnerId, long incidentId, long jurisdictionId, string reason,
        DateTimeOffset at, string by) => new()
    {
        PartnerId = partnerId, Direction = TransferDirection.Out, IncidentId = incidentId, JurisdictionId = jurisdictionId,
        State = TransferState.Sent, Reason = reason, CreatedAt = at, CreatedBy = by,
    };

    /// <summary>
    /// The partner's answer to a transfer out: received (<paramref name="accepted"/> null), accepted
    /// or declined. A decision is final; receipt may be followed by a decision.
    /// </summary>
    public void Acknowledge(bool? accepted, string by, string? note, DateTimeOffset at)
    {
        if (Direction != TransferDirection.Out)
            throw new IllegalTransferChangeException("Only a transfer out is acknowledged by its partner.");
        if (State is TransferState.Accepted or TransferState.Declined)
            throw new IllegalTransferChangeException($"The transfer was already {State.ToString().ToLowerInvariant()}.");
        if (accepted is null && State is TransferState.Acknowledged)
            throw new IllegalTransferChangeException("The transfer was already acknowledged; send accepted true or false to decide.");
        AcknowledgedAt ??= at;
        AcknowledgedBy = by;
        if (note is not null) AcknowledgementNote = note;
        if (accepted is { } yes)
        {
            State = yes ? TransferState.Accepted : TransferState.Declined;
            DecidedAt = at;
        }
        else State = TransferState.Acknowledged;
    }
}
