namespace FireCommand.Core.Sensing.Mqtt;

/// <summary>What a device publishes under <c>fc/{deviceId}/…</c>.</summary>
public enum MqttTopicKind
{
    /// <summary><c>fc/{deviceId}/telemetry</c>: measured values.</summary>
    Telemetry = 1,
    /// <summary><c>fc/{deviceId}/event</c>: a component's state change (fire, fault…).</summary>
    Event = 2,
    /// <summary><c>fc/{deviceId}/status</c>: the device online or offline, also its Last Will.</summary>
    Status = 3,
}

/// <summary>
/// The topic scheme of MQTT devices (docs/mqtt.md). A device id is 1–64 letters, digits, '_', '-'
/// or '.', starting with a letter or digit: it is the device's MQTT user name and client id, so it
/// must never contain the topic separators and wildcards '/', '+' and '#'. Pure and thread-safe.
/// </summary>
public readonly record struct MqttTopic(string DeviceId, MqttTopicKind Kind)
{
    public const string Root = "fc";
    public const int MaxDeviceIdLength = 64;
    public const string DeviceKeyPrefix = "mqtt:";

    /// <summary>The <see cref="DeviceMessage.DeviceKey"/> of an MQTT device.</summary>
    public static string DeviceKey(string deviceId) => DeviceKeyPrefix + deviceId;

    /// <summary>The one topic a device may subscribe to: commands for it.</summary>
    public static string CommandTopic(string deviceId) => $"{Root}/{deviceId}/command";

    /// <summary>The topic filters the platform's ingest subscribes to.</summary>
    public static IReadOnlyList<string> IngestFilters { get; } =
        [$"{Root}/+/telemetry", $"{Root}/+/event", $"{Root}/+/status"];

    public static bool IsValidDeviceId(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxDeviceIdLength || !char.IsAsciiLetterOrDigit(id[0])) return false;
        foreach (var c in id)
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.')) return false;
        return true;
    }

    /// <summary>Reads <c>fc/{deviceId}/{telemetry|event|status}</c>; false for any other topic.</summary>
    public static bool TryParse(string? topic, out MqttTopic parsed)
    {
        parsed = default;
        if (topic is null || !topic.StartsWith(Root + "/", StringComparison.Ordinal)) return false;
        var rest = topic.AsSpan(Root.Length + 1);
        var slash = rest.IndexOf('/');
        if (slash <= 0) return false;
        var id = rest[..slash].ToString();
        if (!IsValidDeviceId(id)) return false;
        MqttTopicKind? kind = rest[(slash + 1)..] switch
        {
            "telemetry" => MqttTopicKind.Telemetry,
            "event" => MqttTopicKind.Event,
            "status" => MqttTopicKind.Status,
            _ => null,
        };
        if (kind is null) return false;
        parsed = new MqttTopic(id, kind.Value);
        return true;
    }
}
