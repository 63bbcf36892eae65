namespace FireCommand.Core.Sensing.Gb26875;

/// <summary>
/// One information object of an ADU (§8.2). Each kind knows its encoded size and writes itself; the
/// reading lives in <see cref="Gb26875AduCodec"/>. Immutable; descriptions are kept as the bytes the
/// device sent, so a frame re-encodes byte for byte, and decoded from GB18030 on demand.
/// </summary>
public abstract record Gb26875Object
{
    public abstract int Size { get; }

    public abstract void Write(Span<byte> destination);
}

/// <summary>Type 1: a building fire system's state (§8.2.1.1), bits named in <see cref="Gb26875Names.SystemStatusBits"/>.</summary>
public sealed record Gb26875SystemState(byte SystemType, byte SystemAddress, ushort Status, Gb26875Time Time) : Gb26875Object
{
    public override int Size => 10;

    public override void Write(Span<byte> d)
    {
        d[0] = SystemType; d[1] = SystemAddress;
        d[2] = (byte)Status; d[3] = (byte)(Status >> 8);
        Time.Write(d[4..]);
    }
}

/// <summary>Type 2: a component's state (§8.2.1.2) with its 31-byte GB18030 description.</summary>
public sealed record Gb26875ComponentState(
    byte SystemType, byte SystemAddress, byte ComponentType, Gb26875ComponentAddress ComponentAddress, ushort Status,
    Gb26875Description Description, Gb26875Time Time) : Gb26875Object
{
    public override int Size => 46;

    public override void Write(Span<byte> d)
    {
        d[0] = SystemType; d[1] = SystemAddress; d[2] = ComponentType;
        ComponentAddress.Write(d[3..]);
        d[7] = (byte)Status; d[8] = (byte)(Status >> 8);
        Description.WriteFixed(d.Slice(9, Gb26875Description.ComponentLength));
        Time.Write(d[40..]);
    }
}

/// <summary>Type 3: a component's analog value (§8.2.1.3), a signed 16-bit count of the type's unit step.</summary>
public sealed record Gb26875ComponentAnalog(
    byte SystemType, byte SystemAddress, byte ComponentType, Gb26875ComponentAddress ComponentAddress, byte AnalogType, short Value,
    Gb26875Time Time) : Gb26875Object
{
    public override int Size => 16;

    public override void Write(Span<byte> d)
    {
        d[0] = SystemType; d[1] = SystemAddress; d[2] = ComponentType;
        ComponentAddress.Write(d[3..]);
        d[7] = AnalogType;
        d[8] = (byte)Value; d[9] = (byte)((ushort)Value >> 8);
        Time.Write(d[10..]);
    }
}

/// <summary>Type 4: an operation on a building fire system (§8.2.1.4).</summary>
public sealed record Gb26875SystemOperation(byte SystemType, byte SystemAddress, byte Flags, byte Operator, Gb26875Time Time) : Gb26875Object
{
    public override int Size => 10;

    public override void Write(Span<byte> d)
    {
        d[0] = SystemType; d[1] = SystemAddress; d[2] = Flags; d[3] = Operator;
        Time.Write(d[4..]);
    }
}

/// <summary>Type 5: a building fire system's software version (§8.2.1.5); no timestamp.</summary>
public sealed record Gb26875SystemSoftwareVersion(byte SystemType, byte SystemAddress, byte Major, byte Minor) : Gb26875Object
{
    public override int Size => 4;

    public override void Write(Span<byte> d)
    {
        d[0] = SystemType; d[1] = SystemAddress; d[2] = Major; d[3] = Minor;
    }
}

/// <summary>Type 6: a building fire system's configuration (§8.2.1.6), a length-prefixed GB18030 text.</summary>
public sealed record Gb26875SystemConfiguration(byte SystemType, byte SystemAddress, Gb26875Description Description) : Gb26875Object
{
    public override int Size => 3 + Description.Bytes.Length;

    public override void Write(Span<byte> d)
    {
        d[0] = SystemType; d[1] = SystemAddress; d[2] = (byte)Description.Bytes.Length;
        Description.Bytes.Span.CopyTo(d[3..]);
    }
}

/// <summary>Type 7: a component's configuration (§8.2.1.7); no timestamp.</summary>
public sealed record Gb26875ComponentConfiguration(
    byte SystemType, byte SystemAddress, byte ComponentType, Gb26875ComponentAddress ComponentAddress, Gb26875Description Description)
    : Gb26875Object
{
    public override int Size => 38;

    public override void Write(Span<byte> d)
    {
        d[0] = SystemType; d[1] = SystemAddress; d[2] = ComponentType;
        ComponentAddress.Write(d[3..]);
        Description.WriteFixed(d.Slice(7, Gb26875Description.ComponentLength));
    }
}

/// <summary>Type 8: a building fire system's clock (§8.3.1.8).</summary>
public sealed record Gb26875SystemTime(byte SystemType, byte SystemAddress, Gb26875Time Time) : Gb26875Object
{
    public override int Size => 8;

    public override void Write(Span<byte> d)
    {
        d[0] = SystemType; d[1] = SystemAddress;
        Time.Write(d[2..]);
    }
}

/// <summary>Type 21: the transmission device's own state (§8.2.1.8), bits in <see cref="Gb26875Names.DeviceStatusBits"/>.</summary>
public sealed record Gb26875DeviceState(byte Status, Gb26875Time Time) : Gb26875Object
{
    public override int Size => 7;

    public override void Write(Span<byte> d)
    {
        d[0] = Status;
        Time.Write(d[1..]);
    }
}

/// <summary>Type 24: an operation on the transmission device (§8.2.1.9), e.g. the duty-check answer.</summary>
public sealed record Gb26875DeviceOperation(byte Flags, byte Operator, Gb26875Time Time) : Gb26875Object
{
    public override int Size => 8;

    public override void Write(Span<byte> d)
    {
        d[0] = Flags; d[1] = Operator;
        Time.Write(d[2..]);
    }
}

/// <summary>Type 25: the transmission device's software version (§8.2.1.10).</summary>
public sealed record Gb26875DeviceSoftwareVersion(byte Major, byte Minor) : Gb26875Object
{
    public override int Size => 2;

    public override void Write(Span<byte> d)
    {
        d[0] = Major; d[1] = Minor;
    }
}

/// <summary>Type 26: the transmission device's configuration (§8.2.1.11), a length-prefixed GB18030 text.</summary>
public sealed record Gb26875DeviceConfiguration(Gb26875Description Description) : Gb26875Object
{
    public override int Size => 1 + Description.Bytes.Length;

    public override void Write(Span<byte> d)
    {
        d[0] = (byte)Description.Bytes.Length;
        Description.Bytes.Span.CopyTo(d[1..]);
    }
}

/// <summary>
/// Types 28 (the device's clock) and 90 (set the device's clock): one time. The standard's table for 90
/// shows one reserved byte, its worked example a 6-byte time; both are read (the short form as
/// <see cref="Gb26875Reserved"/>).
/// </summary>
public sealed record Gb26875TimeObject(Gb26875Time Time) : Gb26875Object
{
    public override int Size => 6;

    public override void Write(Span<byte> d) => Time.Write(d);
}

/// <summary>Types 61, 65, 66 and 68: which building fire system to read.</summary>
public sealed record Gb26875SystemQuery(byte SystemType, byte SystemAddress) : Gb26875Object
{
    public override int Size => 2;

    public override void Write(Span<byte> d)
    {
        d[0] = SystemType; d[1] = SystemAddress;
    }
}

/// <summary>Types 62, 63 and 67: which component to read (system type, system address, component address; §8.3.2.2).</summary>
public sealed record Gb26875ComponentQuery(byte SystemType, byte SystemAddress, Gb26875ComponentAddress ComponentAddress) : Gb26875Object
{
    public override int Size => 6;

    public override void Write(Span<byte> d)
    {
        d[0] = SystemType; d[1] = SystemAddress;
        ComponentAddress.Write(d[2..]);
    }
}

/// <summary>Type 64: read a system's operation records, <see cref="Count"/> of them from <see cref="Since"/> (§8.3.2.4).</summary>
public sealed record Gb26875SystemOperationQuery(byte SystemType, byte SystemAddress, byte Count, Gb26875Time Since) : Gb26875Object
{
    public override int Size => 9;

    public override void Write(Span<byte> d)
    {
        d[0] = SystemType; d[1] = SystemAddress; d[2] = Count;
        Since.Write(d[3..]);
    }
}

/// <summary>Type 84: read the device's operation records, <see cref="Count"/> of them from <see cref="Since"/>.</summary>
public sealed record Gb26875DeviceOperationQuery(byte Count, Gb26875Time Since) : Gb26875Object
{
    public override int Size => 7;

    public override void Write(Span<byte> d)
    {
        d[0] = Count;
        Since.Write(d[1..]);
    }
}

/// <summary>
/// Types 81, 85, 86, 88, 89, 91 (and 90 in its short form): one "reserved" byte. For the duty check
/// (91) the standard's example puts the answer time in minutes there.
/// </summary>
public sealed record Gb26875Reserved(byte Value) : Gb26875Object
{
    public override int Size => 1;

    public override void Write(Span<byte> d) => d[0] = Value;
}
