using FireCommand.Core.Shared;

namespace FireCommand.Core.Sensing.Devices;

/// <summary>
/// A monitored device (a user information transmission device or an IoT sensor) bound to a key place.
/// Its jurisdiction is the key place's: whoever may see the place may see its devices.
/// </summary>
public sealed class MonitoredDevice : IJurisdictionScoped
{
    public long Id { get; set; }
    /// <summary>As in <see cref="DeviceMessage.DeviceKey"/>: <c>gb26875:</c> + 12 hex digits, or <c>mqtt:</c> + device id.</summary>
    public required string DeviceKey { get; set; }
    public DeviceTransport Transport { get; set; }
    public required string Name { get; set; }
    /// <summary>Code of the <see cref="Rules.DeviceProfile"/> whose rules judge this device's messages.</summary>
    public required string ProfileCode { get; set; }
    public long KeyPlaceId { get; set; }
    public string? Building { get; set; }
    public string? Floor { get; set; }
    public string? Zone { get; set; }
    public long JurisdictionId { get; set; }
    public DateTimeOffset InstalledAt { get; set; }
    public DateTimeOffset? LastSeenAt { get; set; }
    public bool Online { get; set; }
    public List<DevicePoint> Points { get; set; } = [];

    /// <summary>Records a message received at <paramref name="at"/>; a late, reordered message never moves the time back.</summary>
    public void Seen(DateTimeOffset at)
    {
        if (LastSeenAt is null || at > LastSeenAt) LastSeenAt = at;
        Online = true;
    }

    /// <summary>The registered point of a component, if any.</summary>
    public DevicePoint? PointOf(string? component) =>
        component is null ? null : Points.FirstOrDefault(p => p.Component == component);

    /// <summary>The zone a component reports from: its point's zone, else the device's own.</summary>
    public string? ZoneOf(string? component) => PointOf(component)?.Zone ?? Zone;
}

/// <summary>What a registered component is; it decides how a fire report from it is weighed.</summary>
public enum DevicePointKind
{
    /// <summary>An automatic detector (smoke, heat, flame): alone it needs verification.</summary>
    Detector = 1,
    /// <summary>手动火灾报警按钮: a person pressed it.</summary>
    ManualCallPoint = 2,
    /// <summary>水流指示器 / 压力开关: water is flowing in the sprinkler system.</summary>
    WaterFlow = 3,
    /// <summary>消防泵: a fire pump.</summary>
    Pump = 4,
    /// <summary>The fire alarm controller (火灾报警控制器) itself.</summary>
    Controller = 5,
    /// <summary>A measuring sensor (pressure, level, current, temperature, gas).</summary>
    Sensor = 6,
    Other = 9,
}

/// <summary>One component (point) of a device: where it is and what it is.</summary>
public sealed class DevicePoint
{
    public long Id { get; set; }
    public long DeviceId { get; set; }
    /// <summary>As in <see cref="DeviceMessage.Component"/>, e.g. <c>1-1/1-0203</c>.</summary>
    public required string Component { get; set; }
    public DevicePointKind Kind { get; set; } = DevicePointKind.Detector;
    public string? Building { get; set; }
    public string? Floor { get; set; }
    public string? Zone { get; set; }
    public string? Description { get; set; }
}
