using System.ComponentModel.DataAnnotations;
using FireCommand.Core.Demo.Sensing;

namespace FireCommand.Web.Sensing.Demo;

/// <summary>
/// The demo's simulated devices (section <c>Demo:Sensing</c>), in demo mode only: they register on the key
/// places, connect over loopback to the GB/T 26875.3 gateway and the embedded MQTT broker, and report.
/// </summary>
public sealed class DemoSensingOptions
{
    public const string Section = "Demo:Sensing";

    public bool Enabled { get; set; } = true;

    /// <summary>Devices on the generated demo province.</summary>
    [Range(0, 5000)]
    public int Devices { get; set; } = 2000;

    /// <summary>Devices per key place on a province package (its key places are the corps' own), at most <see cref="MaxDevices"/>.</summary>
    [Range(0, 50)]
    public int DevicesPerKeyPlace { get; set; } = 4;

    [Range(0, 5000)]
    public int MaxDevices { get; set; } = 5000;

    /// <summary>Heartbeat of a transmission device (an empty send-data frame); real devices send one every 20–60 s.</summary>
    [Range(5, 600)]
    public int HeartbeatSeconds { get; set; } = 60;

    /// <summary>A transmission device's inspection report (巡检: its own state), which keeps it counted as online.</summary>
    [Range(1, 60)]
    public int InspectionMinutes { get; set; } = 5;

    /// <summary>How often an MQTT sensor publishes its reading.</summary>
    [Range(5, 3600)]
    public int TelemetrySeconds { get; set; } = 60;

    /// <summary>A device repeats an unconfirmed frame after this long (GB/T 26875.3 §6.5: 不宜大于 10 s).</summary>
    [Range(1, 60)]
    public int ConfirmTimeoutSeconds { get; set; } = 10;

    /// <summary>Repetitions of an unconfirmed frame before the device reconnects.</summary>
    [Range(0, 10)]
    public int Retransmissions { get; set; } = 3;

    /// <summary>New connections per second while the devices come up, so a start is not a reconnect storm.</summary>
    [Range(1, 10_000)]
    public int ConnectsPerSecond { get; set; } = 200;

    [Range(0.0, 600.0)]
    public double FiresPerHour { get; set; } = 2;

    [Range(0.0, 3600.0)]
    public double FalseAlarmsPerHour { get; set; } = 20;

    [Range(0.0, 3600.0)]
    public double FaultsPerHour { get; set; } = 8;

    [Range(0.0, 3600.0)]
    public double ShieldsPerHour { get; set; } = 2;

    [Range(0.0, 3600.0)]
    public double OfflinePerHour { get; set; } = 4;

    public DemoRates Rates => new(FiresPerHour, FalseAlarmsPerHour, FaultsPerHour, ShieldsPerHour, OfflinePerHour);
}
