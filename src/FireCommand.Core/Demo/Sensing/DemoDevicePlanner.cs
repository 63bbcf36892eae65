using System.Globalization;
using FireCommand.Core.Resources;
using FireCommand.Core.Sensing;
using FireCommand.Core.Sensing.Devices;
using FireCommand.Core.Sensing.Gb26875;
using FireCommand.Core.Sensing.Rules;

namespace FireCommand.Core.Demo.Sensing;

/// <summary>A key place as the demo devices need it.</summary>
public sealed record DemoPlace(long Id, long JurisdictionId, string Name, KeyPlaceCategory Categories, int? Floors);

/// <summary>
/// One component of a simulated transmission device: the GB/T 26875.3 address it reports under and
/// where it sits. <see cref="Component"/> is the registry's key for it.
/// </summary>
public sealed record DemoPoint(string Component, DevicePointKind Kind, byte ComponentType, ushort ZoneNumber, ushort PointNumber,
    string Building, string Floor, string Zone, string Description);

/// <summary>
/// One simulated device: a transmission device (its 6-byte address and points) or an MQTT sensor (its id,
/// the metric it reports and that metric's normal value).
/// </summary>
public sealed record DemoDevice(int Index, string DeviceKey, DeviceTransport Transport, string ProfileCode, string Name, DemoPlace Place,
    string Building, string? Floor, string? Zone, IReadOnlyList<DemoPoint> Points, Gb26875Address Address, string? MqttId,
    string? Metric, double Normal)
{
    public bool IsGb26875 => Transport == DeviceTransport.Gb26875;
}

/// <summary>
/// Decides which devices the demo installs on which key places: each equipped place first gets a user information
/// transmission device on its building's fire alarm system (one zone per floor with two smoke detectors,
/// a manual call point and a water-flow indicator, and the building's fire pump), then IoT sensors
/// (electrical fire monitoring, pipe pressure, smoke, combustible gas, tank level, temperature, the kinds
/// taking turns across places); a place's eighth device starts a second building. Places are equipped in
/// order of their id, the same number each, until the count is reached (not every key place is connected
/// to a monitoring centre). Addresses and ids depend only on the seed and the device's number, so a
/// restart plans the same devices. Pure.
/// </summary>
public static class DemoDevicePlanner
{
    /// <summary>Transmission device addresses start here, clear of hand-registered devices' low numbers.</summary>
    public const ulong FirstAddress = 0x0D0000000000;

    public const string MqttIdPrefix = "demo-";

    /// <summary>GB/T 26875.3 component types used by the demo (table of 部件类型).</summary>
    public const byte SmokeDetector = 40, ManualCallPoint = 23, WaterFlowIndicator = 96, FirePump = 91;

    /// <summary>Building fire system type 1 (火灾报警系统) at address 1.</summary>
    public const byte SystemType = 1, SystemAddress = 1;

    private const int MaxFloorsSimulated = 5;

    private static readonly (string Profile, string Metric, double Normal, string Zh)[] Sensors =
    [
        (DefaultProfiles.ElectricalFire, "residual_current_ma", 60, "电气火灾监控"),
        (DefaultProfiles.WaterPressure, "pressure_mpa", 0.35, "管网压力"),
        (DefaultProfiles.Smoke, "smoke_obscuration", 0.01, "独立式感烟"),
        (DefaultProfiles.CombustibleGas, "gas_lel_percent", 1.0, "可燃气体"),
        (DefaultProfiles.TankLevel, "level_m", 3.2, "消防水池液位"),
        (DefaultProfiles.Temperature, "temperature_c", 22, "温度监测"),
    ];

    public static IReadOnlyList<DemoDevice> Plan(IReadOnlyList<DemoPlace> places, int count, int seed)
    {
        if (places.Count == 0 || count <= 0) return [];
        var ordered = places.OrderBy(p => p.Id).ToList();
        // Devices come in sets per place (a transmission device and sensors), so even a small count has both kinds.
        var perPlace = Math.Max(2, (count + ordered.Count - 1) / ordered.Count);
        var devices = new List<DemoDevice>(count);
        for (var i = 0; i < count; i++)
        {
            var slot = i / perPlace % ordered.Count;
            var round = i % perPlace;
            var building = round / 7 + 1;
            // The sensor kinds take turns across places, so every kind is present at any count.
            devices.Add(round % 7 == 0
                ? Transmission(i, ordered[slot], building, seed)
                : Sensor(i, ordered[slot], Sensors[(slot + round % 7 - 1) % Sensors.Length], building, seed));
        }
        return devices;
    }

    private static DemoDevice Transmission(int index, DemoPlace place, int building, int seed)
    {
        var prng = Prng.ForStage(seed, 0x5E45_0000UL + (ulong)index);
        var floors = Math.Clamp(place.Floors ?? prng.Between(1, 4), 1, MaxFloorsSimulated);
        var buildingName = Invariant($"{building}号楼");
        var points = new List<DemoPoint>(floors * 4 + 1);
        for (ushort f = 1; f <= floors; f++)
        {
            var floor = Invariant($"{f}F");
            var zone = Invariant($"{building}-{f}F");
            points.Add(Point(SmokeDetector, DevicePointKind.Detector, f, 1, buildingName, floor, zone, Invariant($"{f}层感烟探测器1")));
            points.Add(Point(SmokeDetector, DevicePointKind.Detector, f, 2, buildingName, floor, zone, Invariant($"{f}层感烟探测器2")));
            points.Add(Point(ManualCallPoint, DevicePointKind.ManualCallPoint, f, 3, buildingName, floor, zone, Invariant($"{f}层手动报警按钮")));
            points.Add(Point(WaterFlowIndicator, DevicePointKind.WaterFlow, f, 4, buildingName, floor, zone, Invariant($"{f}层水流指示器")));
        }
        points.Add(Point(FirePump, DevicePointKind.Pump, 99, 1, buildingName, "B1", Invariant($"{building}-泵房"), "消防泵"));
        var address = new Gb26875Address(FirstAddress + (ulong)index);
        return new DemoDevice(index, Gb26875MessageMapper.DeviceKey(address), DeviceTransport.Gb26875, DefaultProfiles.TransmissionDevice,
            Clip($"{place.Name} {buildingName} 用户信息传输装置"), place, buildingName, null, null, points, address, null, null, 0);
    }

    private static DemoDevice Sensor(int index, DemoPlace place, (string Profile, string Metric, double Normal, string Zh) s, int building, int seed)
    {
        var prng = Prng.ForStage(seed, 0x5E45_1000UL + (ulong)index);
        var buildingName = Invariant($"{building}号楼");
        var floor = s.Profile is DefaultProfiles.TankLevel or DefaultProfiles.WaterPressure ? "B1" : Invariant($"{prng.Between(1, 3)}F");
        var id = Invariant($"{MqttIdPrefix}{seed}-{index:D5}");
        // Each sensor's own normal: no two read alike.
        var normal = s.Normal * prng.Range(0.85, 1.15);
        return new DemoDevice(index, FireCommand.Core.Sensing.Mqtt.MqttTopic.DeviceKey(id), DeviceTransport.Mqtt, s.Profile, Clip($"{place.Name} {buildingName} {s.Zh}"), place,
            buildingName, floor, Invariant($"{building}-{floor}"), [], default, id, s.Metric, Math.Round(normal, 3));
    }

    private static DemoPoint Point(byte type, DevicePointKind kind, ushort zone, ushort point, string building, string floor,
        string zoneName, string description) =>
        new(Gb26875MessageMapper.ComponentKey(SystemType, SystemAddress, type, Gb26875ComponentAddress.Of(zone, point)), kind, type, zone,
            point, building, floor, zoneName, description);

    private static string Clip(string s) => s.Length <= 100 ? s : s[..100];

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
