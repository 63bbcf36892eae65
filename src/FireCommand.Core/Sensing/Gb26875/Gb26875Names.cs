namespace FireCommand.Core.Sensing.Gb26875;

/// <summary>
/// Stable snake_case names for the standard's codes (commands, ADU types, system and component types,
/// state and operation bits), as the CLI prints them and logs carry them. Thread-safe (read-only tables).
/// </summary>
public static class Gb26875Names
{
    public static string? CommandName(byte command) => command switch
    {
        1 => "control",
        2 => "send_data",
        3 => "ack",
        4 => "request",
        5 => "response",
        6 => "nak",
        _ => null,
    };

    public static string? AduTypeName(byte type) => type switch
    {
        1 => "upload_system_state",
        2 => "upload_component_state",
        3 => "upload_component_analog",
        4 => "upload_system_operation",
        5 => "upload_system_software_version",
        6 => "upload_system_config",
        7 => "upload_component_config",
        8 => "upload_system_time",
        21 => "upload_uitd_state",
        24 => "upload_uitd_operation",
        25 => "upload_uitd_software_version",
        26 => "upload_uitd_config",
        28 => "upload_uitd_time",
        61 => "read_system_state",
        62 => "read_component_state",
        63 => "read_component_analog",
        64 => "read_system_operation",
        65 => "read_system_software_version",
        66 => "read_system_config",
        67 => "read_component_config",
        68 => "read_system_time",
        81 => "read_uitd_state",
        84 => "read_uitd_operation",
        85 => "read_uitd_software_version",
        86 => "read_uitd_config",
        88 => "read_uitd_time",
        89 => "init_uitd",
        90 => "sync_uitd_clock",
        91 => "duty_check",
        _ => null,
    };

    /// <summary>System types (§8.2.1.1 table 4); 25–127 reserved, 128–255 user-defined.</summary>
    public static string? SystemTypeName(byte type) => type switch
    {
        0 => "general",
        1 => "fire_alarm_system",
        10 => "fire_linkage_controller",
        11 => "hydrant_system",
        12 => "sprinkler_system",
        13 => "gas_extinguishing_system",
        14 => "water_spray_system_pump",
        15 => "water_spray_system_pressure_vessel",
        16 => "foam_system",
        17 => "dry_powder_system",
        18 => "smoke_control_system",
        19 => "fire_door_and_shutter_system",
        20 => "fire_elevator",
        21 => "emergency_broadcast",
        22 => "emergency_lighting_and_evacuation",
        23 => "fire_power_supply",
        24 => "fire_telephone",
        _ => null,
    };

    /// <summary>Component types (§8.2.1.2 table 5); gaps are reserved, 128–255 user-defined.</summary>
    public static string? ComponentTypeName(byte type) => type switch
    {
        0 => "general",
        1 => "fire_alarm_controller",
        10 => "combustible_gas_detector",
        11 => "point_combustible_gas_detector",
        12 => "standalone_combustible_gas_detector",
        13 => "line_combustible_gas_detector",
        16 => "electrical_fire_monitor",
        17 => "residual_current_detector",
        18 => "temperature_electrical_fire_detector",
        21 => "detection_loop",
        22 => "fire_display_panel",
        23 => "manual_call_point",
        24 => "hydrant_button",
        25 => "fire_detector",
        30 => "heat_detector",
        31 => "point_heat_detector",
        32 => "point_heat_detector_s",
        33 => "point_heat_detector_r",
        34 => "line_heat_detector",
        35 => "line_heat_detector_s",
        36 => "line_heat_detector_r",
        37 => "fibre_heat_detector",
        40 => "smoke_detector",
        41 => "point_ionisation_smoke_detector",
        42 => "point_photoelectric_smoke_detector",
        43 => "line_beam_smoke_detector",
        44 => "aspirating_smoke_detector",
        50 => "multi_sensor_detector",
        51 => "multi_sensor_smoke_heat_detector",
        52 => "multi_sensor_flame_heat_detector",
        53 => "multi_sensor_flame_smoke_detector",
        61 => "ultraviolet_flame_detector",
        62 => "infrared_flame_detector",
        69 => "flame_detector",
        74 => "gas_detector",
        78 => "video_fire_detector",
        79 => "acoustic_fire_detector",
        81 => "gas_extinguishing_controller",
        82 => "fire_electrical_control_unit",
        83 => "fire_control_room_display",
        84 => "module",
        85 => "input_module",
        86 => "output_module",
        87 => "input_output_module",
        88 => "relay_module",
        91 => "fire_pump",
        92 => "fire_water_tank",
        95 => "sprinkler_pump",
        96 => "water_flow_indicator",
        97 => "signal_valve",
        98 => "alarm_valve",
        99 => "pressure_switch",
        101 => "valve_actuator",
        102 => "fire_door",
        103 => "fire_damper",
        104 => "hvac",
        105 => "foam_pump",
        106 => "pipe_solenoid_valve",
        111 => "smoke_exhaust_fan",
        113 => "smoke_exhaust_fire_damper",
        114 => "normally_closed_air_inlet",
        115 => "smoke_outlet",
        116 => "smoke_curtain",
        117 => "fire_shutter_controller",
        118 => "fire_door_monitor",
        121 => "alarm_device",
        _ => null,
    };

    /// <summary>Bits of a system's state word (§8.2.1.1), bit 0 first; null marks a reserved bit.</summary>
    public static readonly string?[] SystemStatusBits =
    [
        "normal", "fire_alarm", "fault", "shielded", "supervisory", "started", "feedback", "delayed",
        "main_power_fault", "backup_power_fault", "bus_fault", "manual_mode", "config_changed", "reset", null, null,
    ];

    /// <summary>Bits of a component's state word (§8.2.1.2): bit 8 is the component's power fault, 9–15 reserved.</summary>
    public static readonly string?[] ComponentStatusBits =
    [
        "normal", "fire_alarm", "fault", "shielded", "supervisory", "started", "feedback", "delayed",
        "power_fault", null, null, null, null, null, null, null,
    ];

    /// <summary>Bits of the transmission device's state byte (§8.2.1.8).</summary>
    public static readonly string?[] DeviceStatusBits =
        ["normal", "fire_alarm", "fault", "main_power_fault", "backup_power_fault", "channel_fault", "monitor_line_fault", null];

    /// <summary>Bits of a system's operation byte (§8.2.1.4).</summary>
    public static readonly string?[] SystemOperationBits =
        ["reset", "silence", "manual_alarm", "alarm_cleared", "self_test", "confirm", "test", null];

    /// <summary>Bits of the transmission device's operation byte (§8.2.1.9): bit 5 is the duty-check answer.</summary>
    public static readonly string?[] DeviceOperationBits =
        ["reset", "silence", "manual_alarm", "alarm_cleared", "self_test", "duty_check_answer", "test", null];

    /// <summary>The names of the set bits, bit 0 first; a set reserved bit shows as <c>bit_N</c>.</summary>
    public static List<string> SetBits(uint value, string?[] names)
    {
        var set = new List<string>();
        for (int bit = 0; bit < names.Length; bit++)
            if ((value & (1u << bit)) != 0) set.Add(names[bit] ?? $"bit_{bit}");
        return set;
    }
}
