namespace FireCommand.Core.Sensing.Mqtt;

/// <summary>
/// The topic ACL of devices: a device publishes only under <c>fc/{its own id}/</c> and subscribes to
/// nothing but its own command topic. The platform's ingest identity is not a device and is checked
/// by the broker set-up, not here. Pure and thread-safe.
/// </summary>
public static class MqttAccess
{
    /// <summary>True when device <paramref name="deviceId"/> may publish on <paramref name="topic"/>.</summary>
    public static bool DeviceMayPublish(string deviceId, string? topic) =>
        topic is not null && MqttTopic.TryParse(topic, out var t) && string.Equals(t.DeviceId, deviceId, StringComparison.Ordinal);

    /// <summary>True when device <paramref name="deviceId"/> may subscribe to <paramref name="filter"/>: its command topic exactly.</summary>
    public static bool DeviceMaySubscribe(string deviceId, string? filter) =>
        string.Equals(filter, MqttTopic.CommandTopic(deviceId), StringComparison.Ordinal);
}
