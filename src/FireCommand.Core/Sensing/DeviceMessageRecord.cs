namespace FireCommand.Core.Sensing;

/// <summary>
/// One stored <see cref="DeviceMessage"/>: the device message log. A message of a device the registry
/// does not know is stored too, flagged <see cref="UnknownDevice"/>, so an operator can see what an
/// unregistered device sends; it raises no alarm. Visible to the device's jurisdiction, and messages of
/// unknown devices to province users only.
/// </summary>
public sealed class DeviceMessageRecord
{
    public long Id { get; set; }
    public required string DeviceKey { get; set; }
    public long? DeviceId { get; set; }
    public DeviceTransport Transport { get; set; }
    public DeviceMessageKind Kind { get; set; }
    public required string Type { get; set; }
    public string? Component { get; set; }
    public double? Value { get; set; }
    public string? Unit { get; set; }
    public string? Text { get; set; }
    public DateTimeOffset? DeviceTime { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string? MessageId { get; set; }
    public bool UnknownDevice { get; set; }
    public long? JurisdictionId { get; set; }

    public static DeviceMessageRecord From(DeviceMessage m, Devices.MonitoredDevice? device) => new()
    {
        DeviceKey = m.DeviceKey, DeviceId = device?.Id, Transport = m.Transport, Kind = m.Kind, Type = m.Type,
        Component = m.Component, Value = m.Value, Unit = m.Unit, Text = Clip(m.Text, 500),
        DeviceTime = m.DeviceTime?.ToUniversalTime(), ReceivedAt = m.ReceivedAt.ToUniversalTime(), MessageId = m.MessageId,
        UnknownDevice = device is null, JurisdictionId = device?.JurisdictionId,
    };

    private static string? Clip(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
