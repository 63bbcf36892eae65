using System.Globalization;

namespace FireCommand.Core.Sensing.Gb26875;

/// <summary>
/// Turns an upstream frame (send data or reply) into <see cref="DeviceMessage"/>s for the sink: one per
/// meaningful fact of each object. Pure and thread-safe.
/// </summary>
/// <remarks>
/// <para><see cref="DeviceMessage.DeviceKey"/> is <c>gb26875:</c> and the 12 hex digits of the source
/// address (<see cref="DeviceKey"/>). <see cref="DeviceMessage.Component"/> is
/// <c>systemType-systemAddress</c> for a system and <c>…/componentType-zonepoint</c> for a component
/// (<see cref="ComponentKey(byte, byte, byte, Gb26875ComponentAddress)"/>): smoke detector 40 at zone 10, point 2 of fire-alarm system 1/1 is
/// <c>1-1/40-1002</c>.</para>
/// <para><see cref="DeviceMessage.MessageId"/> is the source address, the serial, a hash of the ADU and
/// the object's place in it. A retransmission repeats serial and ADU (only the frame's time label may
/// change), so it maps to the same ids and is stored once; the hash keeps a device that restarts its
/// serials at 0 (§6.6) from having a new alarm taken for an old one.</para>
/// <para>Event types: a component's fire bit is <c>fire</c>, or <c>manual_call_point</c> for a manual call
/// point or hydrant button (23, 24); started or feedback is <c>pump_start</c> for pumps (91, 95, 105) and
/// <c>water_flow</c> for flow indicators, alarm valves and pressure switches (96, 98, 99); fault and power
/// fault are <c>fault</c>; then <c>shielded</c>, <c>supervisory</c>, <c>reset</c>; an object with none of
/// these is <c>normal</c>. The device's own mains and battery faults are status <c>mains_fault</c> and
/// <c>battery_fault</c>. Operations are events named after the operation (<c>reset</c>,
/// <c>manual_call_point</c> for a manual alarm, <c>silence</c>, <c>duty_check_answer</c>, …). Analog values
/// are telemetry in the contract's metrics (<c>pressure_mpa</c>, <c>level_m</c>, <c>temperature_c</c>,
/// <c>gas_lel_percent</c>, <c>residual_current_ma</c>) or the analog type's own name. Versions,
/// configurations and clocks are status <c>version</c>, <c>config</c> and <c>clock</c>.</para>
/// </remarks>
public static class Gb26875MessageMapper
{
    public static string DeviceKey(Gb26875Address address) => "gb26875:" + address.ToString();

    public static string ComponentKey(byte systemType, byte systemAddress) =>
        string.Create(CultureInfo.InvariantCulture, $"{systemType}-{systemAddress}");

    public static string ComponentKey(byte systemType, byte systemAddress, byte componentType, Gb26875ComponentAddress address) =>
        string.Create(CultureInfo.InvariantCulture, $"{systemType}-{systemAddress}/{componentType}-{address}");

    /// <summary>The messages of <paramref name="frame"/>; none for an empty ADU (heartbeat), a downstream or unknown type.</summary>
    /// <param name="frame">A decoded frame.</param>
    /// <param name="receivedAt">When the gateway read it.</param>
    /// <param name="deviceZone">Where the device's clock runs: its times are local wall-clock times (§8.2.2).</param>
    public static IReadOnlyList<DeviceMessage> Map(Gb26875Frame frame, TimeZoneInfo deviceZone, DateTimeOffset receivedAt)
    {
        if (frame.Adu is not { } adu || frame.Command is not (Gb26875Command.SendData or Gb26875Command.Reply)) return [];
        var messages = new List<DeviceMessage>(adu.Objects.Count);
        var context = new Context(DeviceKey(frame.Source), Invariant($"{frame.Source}-{frame.Serial:D5}-{AduHash(adu):x8}"), deviceZone, receivedAt, messages);
        for (int i = 0; i < adu.Objects.Count; i++) MapObject(adu.Objects[i], i, context);
        return messages;
    }

    private sealed record Context(string DeviceKey, string IdPrefix, TimeZoneInfo Zone, DateTimeOffset ReceivedAt, List<DeviceMessage> Messages)
    {
        public void Add(int index, DeviceMessageKind kind, string type, string? component, Gb26875Time? time,
            double? value = null, string? unit = null, string? text = null) =>
            Messages.Add(new DeviceMessage(DeviceKey, DeviceTransport.Gb26875, kind, type, component, value, unit, text,
                time is { } t ? Local(t) : null, ReceivedAt, Invariant($"{IdPrefix}-{index}-{type}")));

        private DateTimeOffset? Local(Gb26875Time time) =>
            time.ToDateTime() is { } local ? new DateTimeOffset(local, Zone.GetUtcOffset(local)) : null;
    }

    private static void MapObject(Gb26875Object o, int i, Context c)
    {
        switch (o)
        {
            case Gb26875ComponentState s:
                var component = ComponentKey(s.SystemType, s.SystemAddress, s.ComponentType, s.ComponentAddress);
                var text = s.Description.Text is { Length: > 0 } d ? d : null;
                foreach (var type in ComponentEvents(s.ComponentType, s.Status)) c.Add(i, DeviceMessageKind.Event, type, component, s.Time, text: text);
                break;
            case Gb26875SystemState s:
                foreach (var type in SystemEvents(s.Status))
                    c.Add(i, DeviceMessageKind.Event, type, ComponentKey(s.SystemType, s.SystemAddress), s.Time);
                break;
            case Gb26875DeviceState s:
                MapDeviceState(s, i, c);
                break;
            case Gb26875ComponentAnalog a when Metric(a) is { } metric:
                c.Add(i, DeviceMessageKind.Telemetry, metric.Type, ComponentKey(a.SystemType, a.SystemAddress, a.ComponentType, a.ComponentAddress),
                    a.Time, Math.Round(a.Value * metric.Factor, 6), metric.Unit);
                break;
            case Gb26875SystemOperation op:
                foreach (var type in Operations(op.Flags, Gb26875Names.SystemOperationBits))
                    c.Add(i, DeviceMessageKind.Event, type, ComponentKey(op.SystemType, op.SystemAddress), op.Time, text: Invariant($"operator {op.Operator}"));
                break;
            case Gb26875DeviceOperation op:
                foreach (var type in Operations(op.Flags, Gb26875Names.DeviceOperationBits))
                    c.Add(i, DeviceMessageKind.Event, type, null, op.Time, text: Invariant($"operator {op.Operator}"));
                break;
            case Gb26875SystemSoftwareVersion v:
                c.Add(i, DeviceMessageKind.Status, "version", ComponentKey(v.SystemType, v.SystemAddress), null, text: Invariant($"{v.Major}.{v.Minor}"));
                break;
            case Gb26875DeviceSoftwareVersion v:
                c.Add(i, DeviceMessageKind.Status, "version", null, null, text: Invariant($"{v.Major}.{v.Minor}"));
                break;
            case Gb26875SystemConfiguration sc:
                c.Add(i, DeviceMessageKind.Status, "config", ComponentKey(sc.SystemType, sc.SystemAddress), null, text: sc.Description.Text);
                break;
            case Gb26875ComponentConfiguration cc:
                c.Add(i, DeviceMessageKind.Status, "config", ComponentKey(cc.SystemType, cc.SystemAddress, cc.ComponentType, cc.ComponentAddress), null,
                    text: cc.Description.Text);
                break;
            case Gb26875DeviceConfiguration dc:
                c.Add(i, DeviceMessageKind.Status, "config", null, null, text: dc.Description.Text);
                break;
            case Gb26875SystemTime st:
                c.Add(i, DeviceMessageKind.Status, "clock", ComponentKey(st.SystemType, st.SystemAddress), st.Time);
                break;
            case Gb26875TimeObject t:
                c.Add(i, DeviceMessageKind.Status, "clock", null, t.Time);
                break;
        }
    }

    private static List<string> ComponentEvents(byte componentType, ushort status)
    {
        var types = new List<string>(2);
        bool manual = componentType is 23 or 24, pump = componentType is 91 or 95 or 105, flow = componentType is 96 or 98 or 99;
        if ((status & 0x0002) != 0) types.Add(manual ? "manual_call_point" : "fire");
        if ((status & 0x0060) != 0 && (pump || flow)) types.Add(pump ? "pump_start" : "water_flow");
        if ((status & 0x0104) != 0) types.Add("fault");
        if ((status & 0x0008) != 0) types.Add("shielded");
        if ((status & 0x0010) != 0) types.Add("supervisory");
        if (types.Count == 0) types.Add("normal");
        return types;
    }

    private static List<string> SystemEvents(ushort status)
    {
        var types = new List<string>(2);
        if ((status & 0x0002) != 0) types.Add("fire");
        if ((status & 0x0704) != 0) types.Add("fault"); // fault, main power, backup power, bus
        if ((status & 0x0008) != 0) types.Add("shielded");
        if ((status & 0x0010) != 0) types.Add("supervisory");
        if ((status & 0x2000) != 0) types.Add("reset");
        if (types.Count == 0) types.Add("normal");
        return types;
    }

    private static void MapDeviceState(Gb26875DeviceState s, int i, Context c)
    {
        bool any = false;
        if ((s.Status & 0x02) != 0) { c.Add(i, DeviceMessageKind.Event, "fire", null, s.Time); any = true; }
        if ((s.Status & 0x64) != 0) { c.Add(i, DeviceMessageKind.Event, "fault", null, s.Time); any = true; } // fault, channel, monitor line
        if ((s.Status & 0x08) != 0) { c.Add(i, DeviceMessageKind.Status, "mains_fault", null, s.Time); any = true; }
        if ((s.Status & 0x10) != 0) { c.Add(i, DeviceMessageKind.Status, "battery_fault", null, s.Time); any = true; }
        if (!any) c.Add(i, DeviceMessageKind.Event, "normal", null, s.Time);
    }

    private static List<string> Operations(byte flags, string?[] names)
    {
        var types = Gb26875Names.SetBits(flags, names);
        for (int k = 0; k < types.Count; k++) if (types[k] == "manual_alarm") types[k] = "manual_call_point";
        return types;
    }

    private sealed record MetricOf(string Type, double Factor, string Unit);

    private static MetricOf? Metric(Gb26875ComponentAnalog a) => a.AnalogType switch
    {
        2 => new("level_m", 0.01, "m"),
        3 => new("temperature_c", 0.1, "°C"),
        4 => new("pressure_mpa", 0.1, "MPa"),
        5 => new("pressure_mpa", 0.0001, "MPa"), // 0.1 kPa steps
        6 => new("gas_lel_percent", 0.1, "%LEL"),
        9 when a.ComponentType == 17 => new("residual_current_ma", 100, "mA"), // 0.1 A steps
        _ when Gb26875Analog.Of(a.AnalogType) is { } unit => new(unit.Name, unit.Step, unit.Unit),
        _ => null,
    };

    /// <summary>FNV-1a over the ADU as encoded: stable across processes and versions, unlike <see cref="HashCode"/>.</summary>
    private static uint AduHash(Gb26875Adu adu)
    {
        Span<byte> bytes = stackalloc byte[Gb26875AduCodec.MaxLength + 2];
        int length = Gb26875AduCodec.Write(adu, bytes);
        uint hash = 2166136261;
        foreach (byte b in bytes[..length]) hash = (hash ^ b) * 16777619;
        return hash;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
