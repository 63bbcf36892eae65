using System.ComponentModel.DataAnnotations;

namespace FireCommand.Web.Sensing.Mqtt;

/// <summary>Where MQTT devices connect.</summary>
public enum MqttMode
{
    /// <summary>No MQTT ingest.</summary>
    Off = 0,
    /// <summary>An MQTT broker inside this process: one node, nothing to install.</summary>
    Embedded = 1,
    /// <summary>An external broker (Mosquitto, EMQX) that this node subscribes to.</summary>
    External = 2,
}

/// <summary>MQTT ingestion (section "Sensing:Mqtt"); docs/mqtt.md describes each key.</summary>
public sealed class MqttOptions : IValidatableObject
{
    public const string Section = "Sensing:Mqtt";

    public MqttMode Mode { get; set; } = MqttMode.Off;

    /// <summary>Larger payloads are refused unread (reason Oversize).</summary>
    [Range(256, 256 * 1024)]
    public int MaxPayloadBytes { get; set; } = Core.Sensing.Mqtt.MqttPayloadParser.DefaultMaxPayloadBytes;

    /// <summary>At most this many device messages go to the sink in one commit.</summary>
    [Range(1, 10_000)]
    public int MaxBatch { get; set; } = 500;

    public EmbeddedBrokerOptions Embedded { get; set; } = new();

    public ExternalBrokerOptions External { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Mode is MqttMode.Embedded)
        {
            if (!System.Net.IPAddress.TryParse(Embedded.BindAddress, out _))
                yield return new("Sensing:Mqtt:Embedded:BindAddress must be an IP address, e.g. 127.0.0.1 or 0.0.0.0.");
            if (Embedded.TlsPort is not null && (string.IsNullOrEmpty(Embedded.CertificatePath) || !File.Exists(Embedded.CertificatePath)))
                yield return new("Sensing:Mqtt:Embedded:TlsPort needs CertificatePath naming an existing PKCS#12 (.pfx) file.");
        }
        if (Mode is MqttMode.External)
        {
            if (string.IsNullOrWhiteSpace(External.Host)) yield return new("Sensing:Mqtt:External:Host is required.");
            if (string.IsNullOrWhiteSpace(External.UserName) || string.IsNullOrEmpty(External.Password))
                yield return new("Sensing:Mqtt:External:UserName and Password are required: the ingest is an identity of its own on the broker.");
            if (External.SharedSubscriptionGroup is { Length: > 0 } g && !Core.Sensing.Mqtt.MqttTopic.IsValidDeviceId(g))
                yield return new("Sensing:Mqtt:External:SharedSubscriptionGroup must be letters, digits, '_', '-' or '.'.");
        }
    }
}

public sealed class EmbeddedBrokerOptions
{
    /// <summary>Loopback by default: the demo's devices run on this machine. 0.0.0.0 opens it to the network.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>MQTT over TLS on this port as well, with <see cref="CertificatePath"/>; none when null.</summary>
    [Range(1, 65535)]
    public int? TlsPort { get; set; }

    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}

public sealed class ExternalBrokerOptions
{
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 1883;

    public bool UseTls { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// Unique per node: the broker keeps this node's session (and the messages it has not acknowledged)
    /// under it across restarts. Defaults to firecommand-ingest-{machine name}.
    /// </summary>
    public string ClientId { get; set; } = "firecommand-ingest-" + Environment.MachineName.ToLowerInvariant();

    /// <summary>
    /// Nodes in one group share the devices' messages (each message goes to one node), through MQTT 5
    /// shared subscriptions (<c>$share/{group}/fc/+/telemetry</c>). Empty: every node gets every message.
    /// </summary>
    public string? SharedSubscriptionGroup { get; set; } = "firecommand";

    /// <summary>How many unacknowledged messages the broker may have in flight to this node.</summary>
    [Range(1, 65535)]
    public int ReceiveMaximum { get; set; } = 1000;

    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(5);
}
