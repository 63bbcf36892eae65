namespace FireCommand.Core.Sensing;

/// <summary>How a device reaches the platform.</summary>
public enum DeviceTransport
{
    /// <summary>A user information transmission device (用户信息传输装置) over GB/T 26875.3-2011 on TCP.</summary>
    Gb26875 = 1,

    /// <summary>An IoT sensor publishing JSON over MQTT.</summary>
    Mqtt = 2,
}

/// <summary>What kind of report a message is.</summary>
public enum DeviceMessageKind
{
    /// <summary>A measured value (pressure, level, temperature, residual current…).</summary>
    Telemetry = 1,

    /// <summary>A state change of a component: fire, fault, shielded, supervisory, manual call point…</summary>
    Event = 2,

    /// <summary>The device itself: online, offline, power, version.</summary>
    Status = 3,
}

/// <summary>
/// One report from a device, whatever its transport: the codecs turn frames and payloads into these,
/// and <see cref="IDeviceMessageSink"/> stores them and runs the rules. <see cref="DeviceKey"/> is
/// <c>gb26875:</c> and the 12 hex digits of the transmission device's address, or <c>mqtt:</c> and the
/// device id. <see cref="Component"/> names the part that reported (for GB/T 26875.3 the system type and
/// address, then the component type and address: <c>1-1/1-0203</c>), or null for the device itself.
/// <see cref="Type"/> is a lower-case code: for events <c>fire</c>, <c>fault</c>, <c>shielded</c>,
/// <c>supervisory</c>, <c>manual_call_point</c>, <c>water_flow</c>, <c>pump_start</c>, <c>reset</c>,
/// <c>normal</c>; for status <c>online</c>, <c>offline</c>, <c>mains_fault</c>, <c>battery_fault</c>;
/// for telemetry the metric (<c>pressure_mpa</c>, <c>level_m</c>, <c>temperature_c</c>,
/// <c>residual_current_ma</c>, <c>gas_lel_percent</c>, <c>smoke_obscuration</c>). <see cref="MessageId"/>
/// makes a retransmission idempotent: the same id from the same device is stored once.
/// </summary>
public sealed record DeviceMessage(
    string DeviceKey,
    DeviceTransport Transport,
    DeviceMessageKind Kind,
    string Type,
    string? Component,
    double? Value,
    string? Unit,
    string? Text,
    DateTimeOffset? DeviceTime,
    DateTimeOffset ReceivedAt,
    string? MessageId);

/// <summary>
/// Where transports hand what devices report. <see cref="AcceptAsync"/> returns only after the batch is
/// committed, so a transport acknowledges (GB/T 26875.3 ACK, MQTT PUBACK) only then; a message whose
/// <see cref="DeviceMessage.MessageId"/> was already stored for its device is accepted again without a
/// second copy. Safe to call concurrently.
/// </summary>
public interface IDeviceMessageSink
{
    Task AcceptAsync(IReadOnlyList<DeviceMessage> batch, CancellationToken ct);
}
