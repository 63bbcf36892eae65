using FireCommand.Core.Shared;

namespace FireCommand.Core.Sensing.Mqtt;

/// <summary>
/// The MQTT credentials of one device: its id is its user name and client id, and only a hash of its
/// password is kept (<see cref="MqttPassword"/>). Issued by an admin of the device's jurisdiction;
/// rotating replaces the hash, revoking deletes the row, both audited (the hash never is).
/// </summary>
public sealed class MqttDeviceCredential : IJurisdictionScoped
{
    public long Id { get; set; }
    /// <summary>The device id of the topic scheme (<see cref="MqttTopic.IsValidDeviceId"/>).</summary>
    public required string DeviceId { get; set; }
    /// <summary>Mosquitto <c>$7$</c> hash of the password; never shown and never written to the audit trail.</summary>
    public required string PasswordHash { get; set; }
    public long JurisdictionId { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public required string IssuedBy { get; set; }
}
