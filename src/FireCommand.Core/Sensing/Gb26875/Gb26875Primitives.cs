using System.Buffers.Binary;
using System.Globalization;

namespace FireCommand.Core.Sensing.Gb26875;

/// <summary>The command byte of a frame's control unit (GB/T 26875.3-2011 §6.6, table 2).</summary>
public enum Gb26875Command : byte
{
    /// <summary>Control command from the centre (init, clock sync, duty check); answered by confirm or deny.</summary>
    Control = 1,

    /// <summary>Data sent by the device (alarms, states); answered by confirm or deny.</summary>
    SendData = 2,

    /// <summary>Confirm (ACK) of a control command or of sent data.</summary>
    Confirm = 3,

    /// <summary>Request (query) from the centre; answered by a reply.</summary>
    Request = 4,

    /// <summary>Reply to a request.</summary>
    Reply = 5,

    /// <summary>Deny (NAK) of a control command or of sent data.</summary>
    Deny = 6,
}

/// <summary>
/// A 6-byte address of a transmission device or a monitoring centre, sent low byte first. Printed as
/// 12 lower-case hex digits of the 48-bit number (<c>000000000379</c> for 889).
/// </summary>
public readonly record struct Gb26875Address
{
    public const ulong MaxValue = 0xFFFF_FFFF_FFFF;

    public Gb26875Address(ulong value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxValue);
        Value = value;
    }

    public ulong Value { get; }

    public static Gb26875Address Read(ReadOnlySpan<byte> six)
    {
        ulong v = 0;
        for (int i = 5; i >= 0; i--) v = (v << 8) | six[i];
        return new Gb26875Address(v);
    }

    public void Write(Span<byte> six)
    {
        ulong v = Value;
        for (int i = 0; i < 6; i++, v >>= 8) six[i] = (byte)v;
    }

    /// <summary>12 hex digits, most significant first: the form device keys and logs use.</summary>
    public override string ToString() => Value.ToString("x12", CultureInfo.InvariantCulture);

    /// <summary>Parses 1–12 hex digits (as <see cref="ToString"/> writes) or a decimal number prefixed by <c>#</c>.</summary>
    public static bool TryParse(string? text, out Gb26875Address address)
    {
        address = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        ulong v = 0;
        bool ok = text.StartsWith('#')
            ? ulong.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out v)
            : text.Length <= 12 && ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out v);
        if (!ok || v > MaxValue) return false;
        address = new Gb26875Address(v);
        return true;
    }
}

/// <summary>
/// A time label or timestamp as the device sends it (§8.2.2): second, minute, hour, day, month and year
/// minus 2000, one byte each, in the device's local time. Kept as the six bytes so that a device with
/// a wrong clock still gets its alarm through, and a frame re-encodes byte for byte.
/// </summary>
public readonly record struct Gb26875Time(byte Second, byte Minute, byte Hour, byte Day, byte Month, byte Year)
{
    public const int Size = 6;

    public static Gb26875Time Read(ReadOnlySpan<byte> six) => new(six[0], six[1], six[2], six[3], six[4], six[5]);

    public void Write(Span<byte> six)
    {
        six[0] = Second; six[1] = Minute; six[2] = Hour; six[3] = Day; six[4] = Month; six[5] = Year;
    }

    public static Gb26875Time From(DateTime local) =>
        local.Year is < 2000 or > 2099 ? throw new ArgumentOutOfRangeException(nameof(local), "GB/T 26875.3 times cover 2000–2099.")
        : new((byte)local.Second, (byte)local.Minute, (byte)local.Hour, (byte)local.Day, (byte)local.Month, (byte)(local.Year - 2000));

    /// <summary>The local wall-clock time, or null when the bytes name no real date (a device whose clock was never set).</summary>
    public DateTime? ToDateTime()
    {
        if (Second > 59 || Minute > 59 || Hour > 23 || Month is < 1 or > 12 || Year > 99 || Day < 1) return null;
        if (Day > DateTime.DaysInMonth(2000 + Year, Month)) return null;
        return new DateTime(2000 + Year, Month, Day, Hour, Minute, Second, DateTimeKind.Unspecified);
    }

    /// <summary>ISO 8601 local time without offset (<c>2012-09-26T09:58:02</c>), or null.</summary>
    public string? ToIso() => ToDateTime()?.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    public string ToHex() => Convert.ToHexString([Second, Minute, Hour, Day, Month, Year]);
}

/// <summary>
/// A component address (§8.2.1.2): four bytes sent low byte first, read by controllers as a zone (区号,
/// first two bytes) and a point (位号, last two), each little endian.
/// </summary>
public readonly record struct Gb26875ComponentAddress(uint Value)
{
    public ushort Zone => (ushort)(Value & 0xFFFF);
    public ushort Point => (ushort)(Value >> 16);

    public static Gb26875ComponentAddress Of(ushort zone, ushort point) => new((uint)(zone | (point << 16)));

    public static Gb26875ComponentAddress Read(ReadOnlySpan<byte> four) => new(BinaryPrimitives.ReadUInt32LittleEndian(four));

    public void Write(Span<byte> four) => BinaryPrimitives.WriteUInt32LittleEndian(four, Value);

    /// <summary>
    /// Zone and point as two decimal digits each (<c>1002</c> for zone 10, point 2), the way a controller's
    /// panel shows them; when either passes 99 the two are separated by a dot (<c>120.3</c>) so no two
    /// addresses print alike.
    /// </summary>
    public override string ToString() => Zone <= 99 && Point <= 99
        ? string.Create(CultureInfo.InvariantCulture, $"{Zone:D2}{Point:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"{Zone}.{Point}");
}
