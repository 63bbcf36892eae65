namespace FireCommand.Core.Sensing.Rules;

/// <summary>
/// The profiles every installation starts with. Levels follow the product standards where they set
/// one (GB 14287.2: residual current alarm set between 20 mA and 1000 mA, commonly 300 mA; GB 15322:
/// combustible gas low alarm at ≤ 25 % LEL; GB 50974: sprinkler pipe pressure ≥ 0.10 MPa at the most
/// unfavourable point) and are meant to be tuned per site.
/// </summary>
public static class DefaultProfiles
{
    public const string TransmissionDevice = "transmission-device";
    public const string ElectricalFire = "electrical-fire";
    public const string WaterPressure = "water-pressure";
    public const string TankLevel = "tank-level";
    public const string Smoke = "smoke";
    public const string CombustibleGas = "combustible-gas";
    public const string Temperature = "temperature";

    private static AlarmRule Event(string code, string metric, string type, AlarmSeverity severity, params string[] clear) =>
        new() { Code = code, Kind = RuleKind.Event, Metric = metric, AlarmType = type, Severity = severity, ClearEvents = clear };

    private static AlarmRule Offline(int minutes) =>
        new() { Code = "offline", Kind = RuleKind.Offline, AlarmType = "offline", Severity = AlarmSeverity.Warning, OfflineMinutes = minutes };

    public static IReadOnlyList<DeviceProfile> All() =>
    [
        Profile(TransmissionDevice, "用户信息传输装置 / transmission device",
        [
            Event("fire", "fire", "fire", AlarmSeverity.Critical, "reset"),
            Event("manual-call-point", "manual_call_point", "fire", AlarmSeverity.Critical, "reset"),
            Event("fault", "fault", "fault", AlarmSeverity.Warning, "normal", "reset"),
            Event("shielded", "shielded", "shielded", AlarmSeverity.Info, "normal"),
            Event("supervisory", "supervisory", "supervisory", AlarmSeverity.Warning, "normal", "reset"),
            Event("water-flow", "water_flow", "water_flow", AlarmSeverity.Major, "normal", "reset"),
            Event("pump-start", "pump_start", "pump_start", AlarmSeverity.Major, "normal", "reset"),
            Event("mains-fault", "mains_fault", "mains_fault", AlarmSeverity.Warning, "normal"),
            Event("battery-fault", "battery_fault", "battery_fault", AlarmSeverity.Warning, "normal"),
            Offline(10),
        ]),
        Profile(ElectricalFire, "电气火灾监控 / electrical fire monitoring",
        [
            new() { Code = "residual-current", Kind = RuleKind.Above, Metric = "residual_current_ma", AlarmType = "residual_current",
                Severity = AlarmSeverity.Major, Trigger = 300, Clear = 250, ConsecutiveSamples = 3 },
            new() { Code = "cable-temperature", Kind = RuleKind.Above, Metric = "temperature_c", AlarmType = "over_temperature",
                Severity = AlarmSeverity.Major, Trigger = 80, Clear = 70, SustainSeconds = 60 },
            Event("fault", "fault", "fault", AlarmSeverity.Warning, "normal"),
            Offline(30),
        ]),
        Profile(WaterPressure, "消防管网压力 / water pressure",
        [
            new() { Code = "low-pressure", Kind = RuleKind.Below, Metric = "pressure_mpa", AlarmType = "low_pressure",
                Severity = AlarmSeverity.Major, Trigger = 0.10, Clear = 0.15, SustainSeconds = 300 },
            new() { Code = "over-pressure", Kind = RuleKind.Above, Metric = "pressure_mpa", AlarmType = "over_pressure",
                Severity = AlarmSeverity.Warning, Trigger = 1.6, Clear = 1.4, ConsecutiveSamples = 2 },
            Offline(60),
        ]),
        Profile(TankLevel, "消防水池/水箱液位 / tank level",
        [
            new() { Code = "low-level", Kind = RuleKind.Below, Metric = "level_m", AlarmType = "low_level",
                Severity = AlarmSeverity.Major, Trigger = 2.0, Clear = 2.3, SustainSeconds = 600 },
            Offline(60),
        ]),
        Profile(Smoke, "独立式感烟探测器 / smoke detector",
        [
            Event("fire", "fire", "fire", AlarmSeverity.Critical, "normal", "reset"),
            new() { Code = "smoke", Kind = RuleKind.Above, Metric = "smoke_obscuration", AlarmType = "fire",
                Severity = AlarmSeverity.Critical, Trigger = 0.15, Clear = 0.05, ConsecutiveSamples = 2 },
            Event("fault", "fault", "fault", AlarmSeverity.Warning, "normal"),
            Event("battery-fault", "battery_fault", "battery_fault", AlarmSeverity.Warning, "normal"),
            // NB-IoT smoke detectors report a heartbeat once a day.
            Offline(25 * 60),
        ]),
        Profile(CombustibleGas, "可燃气体探测器 / combustible gas",
        [
            new() { Code = "gas-low", Kind = RuleKind.Above, Metric = "gas_lel_percent", AlarmType = "gas_low",
                Severity = AlarmSeverity.Major, Trigger = 20, Clear = 10 },
            new() { Code = "gas-high", Kind = RuleKind.Above, Metric = "gas_lel_percent", AlarmType = "gas_high",
                Severity = AlarmSeverity.Critical, Trigger = 50, Clear = 40 },
            Event("fault", "fault", "fault", AlarmSeverity.Warning, "normal"),
            Offline(60),
        ]),
        Profile(Temperature, "温度监测 / temperature",
        [
            new() { Code = "high-temperature", Kind = RuleKind.Above, Metric = "temperature_c", AlarmType = "over_temperature",
                Severity = AlarmSeverity.Major, Trigger = 60, Clear = 55, ConsecutiveSamples = 2 },
            // EN 54-5 class A1 heat detectors respond to a rise of about 10 °C/min; 8 warns a little earlier.
            new() { Code = "rate-of-rise", Kind = RuleKind.RateOfRise, Metric = "temperature_c", AlarmType = "temperature_rise",
                Severity = AlarmSeverity.Major, Trigger = 8, Clear = 2 },
            // A store that should stand unheated after closing: warmth at night is worth a look.
            new() { Code = "after-hours-warm", Kind = RuleKind.Above, Metric = "temperature_c", AlarmType = "after_hours_heat",
                Severity = AlarmSeverity.Warning, Trigger = 40, Clear = 35, SustainSeconds = 600,
                ActiveFrom = new TimeOnly(22, 0), ActiveTo = new TimeOnly(6, 0) },
            Offline(60),
        ]),
    ];

    private static DeviceProfile Profile(string code, string name, IReadOnlyList<AlarmRule> rules) =>
        new() { Code = code, Name = name, RulesJson = AlarmRule.Serialize(rules) };
}
