namespace FireCommand.Core.Sensing.Mqtt;

/// <summary>Why a publish was not turned into device messages. Counted per reason.</summary>
public enum MqttRejectionReason
{
    /// <summary>The topic is not <c>fc/{deviceId}/telemetry|event|status</c>.</summary>
    UnknownTopic = 1,
    /// <summary>The payload is larger than the configured limit.</summary>
    Oversize = 2,
    /// <summary>The payload is not well-formed UTF-8 JSON.</summary>
    NotJson = 3,
    /// <summary>The payload is JSON but not an object.</summary>
    NotAnObject = 4,
    /// <summary>A required field is absent.</summary>
    MissingField = 5,
    /// <summary>A field has the wrong JSON type, length or shape.</summary>
    WrongType = 6,
    /// <summary>A value is not a finite number.</summary>
    NotFinite = 7,
    /// <summary><c>ts</c> is neither ISO-8601 nor epoch milliseconds in 2000–2100.</summary>
    BadTimestamp = 8,
    /// <summary>An event or status <c>type</c>, or a metric name, that the scheme does not know.</summary>
    UnknownType = 9,
    /// <summary>The publisher may not publish on this topic (another device's, or not a device).</summary>
    NotAuthorized = 10,
}

/// <summary>A refused payload: the reason counted, the field at fault (null for the whole payload) and a sentence for the log.</summary>
public sealed record MqttRejection(MqttRejectionReason Reason, string? Field, string Detail);

/// <summary>
/// Counts of what the MQTT ingest accepted and refused, per reason, since the process started, for
/// an operator to see whether devices send what the scheme says. Lock-free and thread-safe.
/// </summary>
public sealed class MqttIngestCounters
{
    private static readonly MqttRejectionReason[] Reasons = Enum.GetValues<MqttRejectionReason>();
    private readonly long[] _rejected = new long[Reasons.Max(r => (int)r) + 1];
    private long _accepted;

    public void Accepted(int messages) => Interlocked.Add(ref _accepted, messages);

    public void Rejected(MqttRejectionReason reason) => Interlocked.Increment(ref _rejected[(int)reason]);

    /// <summary>Device messages handed to the sink.</summary>
    public long AcceptedMessages => Interlocked.Read(ref _accepted);

    public long RejectedCount(MqttRejectionReason reason) => Interlocked.Read(ref _rejected[(int)reason]);

    /// <summary>Refused publishes per reason, with every reason present (zero when none).</summary>
    public IReadOnlyDictionary<MqttRejectionReason, long> RejectedByReason() =>
        Reasons.ToDictionary(r => r, RejectedCount);
}
