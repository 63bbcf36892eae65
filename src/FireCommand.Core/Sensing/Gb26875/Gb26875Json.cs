using System.Text.Json;

namespace FireCommand.Core.Sensing.Gb26875;

/// <summary>
/// The decoded form of frames and ADUs as JSON, with snake_case names: the form operators read from the
/// CLI and the golden files describe (hex as upper-case bytes separated by spaces, times as ISO local
/// time, addresses as numbers). A time label that names no real date is written as null with its bytes
/// beside it (<c>timestamp_hex</c>). Thread-safe.
/// </summary>
public static class Gb26875Json
{
    public static void WriteFrame(Utf8JsonWriter w, Gb26875DecodeResult result)
    {
        var h = result.Header ?? throw new ArgumentException("a frame needs its header", nameof(result));
        w.WriteStartObject();
        w.WriteNumber("frame_length", result.Length);
        w.WriteNumber("serial", h.Serial);
        w.WriteStartObject("version");
        w.WriteNumber("major", h.VersionMajor);
        w.WriteNumber("minor", h.VersionMinor);
        w.WriteEndObject();
        WriteTime(w, "timestamp", h.TimeLabel);
        w.WriteNumber("source", h.Source.Value);
        w.WriteNumber("destination", h.Destination.Value);
        w.WriteNumber("adu_length", h.AduLength);
        w.WriteNumber("command", h.Command);
        w.WriteString("command_name", Gb26875Names.CommandName(h.Command));
        w.WriteString("checksum_stated", Hex([result.ChecksumStated]));
        w.WriteString("checksum_computed", Hex([result.ChecksumComputed]));
        w.WriteBoolean("checksum_valid", result.ChecksumValid);
        w.WriteString("adu_hex", Hex(result.AduBytes.Span));
        w.WritePropertyName("adu");
        if (result.Frame?.Adu is { } adu) WriteAdu(w, adu);
        else w.WriteNullValue();
        w.WriteEndObject();
    }

    public static void WriteAdu(Utf8JsonWriter w, Gb26875Adu adu)
    {
        w.WriteStartObject();
        w.WriteNumber("type", adu.Type);
        w.WriteString("type_name", Gb26875Names.AduTypeName(adu.Type));
        w.WriteNumber("count", adu.Count);
        w.WriteStartArray("objects");
        foreach (var o in adu.Objects) WriteObject(w, o);
        w.WriteEndArray();
        if (!adu.UndecodedBody.IsEmpty) w.WriteString("undecoded_hex", Hex(adu.UndecodedBody.Span));
        w.WriteEndObject();
    }

    public static void WriteObject(Utf8JsonWriter w, Gb26875Object o)
    {
        w.WriteStartObject();
        switch (o)
        {
            case Gb26875SystemState s:
                WriteSystem(w, s.SystemType, s.SystemAddress);
                WriteStatus(w, s.Status, Gb26875Names.SystemStatusBits);
                WriteTime(w, "timestamp", s.Time);
                break;
            case Gb26875ComponentState c:
                WriteSystem(w, c.SystemType, c.SystemAddress);
                WriteComponent(w, c.ComponentType, c.ComponentAddress);
                WriteStatus(w, c.Status, Gb26875Names.ComponentStatusBits);
                WriteDescription(w, c.Description);
                WriteTime(w, "timestamp", c.Time);
                break;
            case Gb26875ComponentAnalog a:
                WriteSystem(w, a.SystemType, a.SystemAddress);
                WriteComponent(w, a.ComponentType, a.ComponentAddress);
                w.WriteNumber("analog_type", a.AnalogType);
                w.WriteString("analog_type_name", Gb26875Analog.Of(a.AnalogType)?.Name);
                w.WriteNumber("raw_value", a.Value);
                if (Gb26875Analog.Of(a.AnalogType) is { } unit)
                {
                    w.WriteNumber("value", Math.Round(a.Value * unit.Step, 4));
                    w.WriteString("unit", unit.Unit);
                }
                WriteTime(w, "timestamp", a.Time);
                break;
            case Gb26875SystemOperation op:
                WriteSystem(w, op.SystemType, op.SystemAddress);
                WriteOperation(w, op.Flags, op.Operator, Gb26875Names.SystemOperationBits);
                WriteTime(w, "timestamp", op.Time);
                break;
            case Gb26875SystemSoftwareVersion v:
                WriteSystem(w, v.SystemType, v.SystemAddress);
                w.WriteNumber("major", v.Major);
                w.WriteNumber("minor", v.Minor);
                break;
            case Gb26875SystemConfiguration sc:
                WriteSystem(w, sc.SystemType, sc.SystemAddress);
                WriteDescription(w, sc.Description);
                break;
            case Gb26875ComponentConfiguration cc:
                WriteSystem(w, cc.SystemType, cc.SystemAddress);
                WriteComponent(w, cc.ComponentType, cc.ComponentAddress);
                WriteDescription(w, cc.Description);
                break;
            case Gb26875SystemTime st:
                WriteSystem(w, st.SystemType, st.SystemAddress);
                WriteTime(w, "time", st.Time);
                break;
            case Gb26875DeviceState ds:
                WriteStatus(w, ds.Status, Gb26875Names.DeviceStatusBits);
                WriteTime(w, "timestamp", ds.Time);
                break;
            case Gb26875DeviceOperation dop:
                WriteOperation(w, dop.Flags, dop.Operator, Gb26875Names.DeviceOperationBits);
                WriteTime(w, "timestamp", dop.Time);
                break;
            case Gb26875DeviceSoftwareVersion dv:
                w.WriteNumber("major", dv.Major);
                w.WriteNumber("minor", dv.Minor);
                break;
            case Gb26875DeviceConfiguration dc:
                WriteDescription(w, dc.Description);
                break;
            case Gb26875TimeObject t:
                WriteTime(w, "time", t.Time);
                break;
            case Gb26875SystemQuery q:
                WriteSystem(w, q.SystemType, q.SystemAddress);
                break;
            case Gb26875ComponentQuery cq:
                WriteSystem(w, cq.SystemType, cq.SystemAddress);
                WriteComponentAddress(w, cq.ComponentAddress);
                break;
            case Gb26875SystemOperationQuery sq:
                WriteSystem(w, sq.SystemType, sq.SystemAddress);
                w.WriteNumber("record_count", sq.Count);
                WriteTime(w, "since", sq.Since);
                break;
            case Gb26875DeviceOperationQuery dq:
                w.WriteNumber("record_count", dq.Count);
                WriteTime(w, "since", dq.Since);
                break;
            case Gb26875Reserved r:
                w.WriteNumber("reserved", r.Value);
                break;
        }
        w.WriteEndObject();
    }

    /// <summary>Upper-case hex bytes separated by spaces (<c>0A 00 02 00</c>).</summary>
    public static string Hex(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return "";
        return string.Create(bytes.Length * 3 - 1, bytes.ToArray(), static (chars, b) =>
        {
            const string digits = "0123456789ABCDEF";
            for (int i = 0; i < b.Length; i++)
            {
                if (i > 0) chars[i * 3 - 1] = ' ';
                chars[i * 3] = digits[b[i] >> 4];
                chars[i * 3 + 1] = digits[b[i] & 0xF];
            }
        });
    }

    private static void WriteSystem(Utf8JsonWriter w, byte type, byte address)
    {
        w.WriteNumber("system_type", type);
        w.WriteString("system_type_name", Gb26875Names.SystemTypeName(type));
        w.WriteNumber("system_address", address);
    }

    private static void WriteComponent(Utf8JsonWriter w, byte type, Gb26875ComponentAddress address)
    {
        w.WriteNumber("component_type", type);
        w.WriteString("component_type_name", Gb26875Names.ComponentTypeName(type));
        WriteComponentAddress(w, address);
    }

    private static void WriteComponentAddress(Utf8JsonWriter w, Gb26875ComponentAddress address)
    {
        Span<byte> four = stackalloc byte[4];
        address.Write(four);
        w.WriteStartObject("component_address");
        w.WriteString("hex", Hex(four));
        w.WriteNumber("u32_le", address.Value);
        w.WriteNumber("zone", address.Zone);
        w.WriteNumber("point", address.Point);
        w.WriteEndObject();
    }

    private static void WriteStatus(Utf8JsonWriter w, uint status, string?[] names)
    {
        w.WriteNumber("status", status);
        WriteNames(w, "status_bits", status, names);
    }

    private static void WriteOperation(Utf8JsonWriter w, byte flags, byte op, string?[] names)
    {
        w.WriteNumber("operation_flags", flags);
        WriteNames(w, "operations", flags, names);
        w.WriteNumber("operator", op);
    }

    private static void WriteNames(Utf8JsonWriter w, string property, uint value, string?[] names)
    {
        w.WriteStartArray(property);
        foreach (var name in Gb26875Names.SetBits(value, names)) w.WriteStringValue(name);
        w.WriteEndArray();
    }

    private static void WriteDescription(Utf8JsonWriter w, Gb26875Description d)
    {
        w.WriteString("description", d.Text);
        w.WriteString("description_hex", Hex(d.Bytes.Span));
    }

    private static void WriteTime(Utf8JsonWriter w, string property, Gb26875Time time)
    {
        if (time.ToIso() is { } iso)
        {
            w.WriteString(property, iso);
            return;
        }
        w.WriteNull(property);
        w.WriteString(property + "_hex", Hex([time.Second, time.Minute, time.Hour, time.Day, time.Month, time.Year]));
    }
}
