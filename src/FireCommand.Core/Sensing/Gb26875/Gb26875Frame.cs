namespace FireCommand.Core.Sensing.Gb26875;

/// <summary>
/// One GB/T 26875.3-2011 frame (§6.6): the control unit and its application data unit. <see cref="Adu"/>
/// is null for an empty ADU (confirm, deny, heartbeat). Immutable.
/// </summary>
public sealed record Gb26875Frame(
    ushort Serial,
    byte VersionMajor,
    byte VersionMinor,
    Gb26875Time TimeLabel,
    Gb26875Address Source,
    Gb26875Address Destination,
    Gb26875Command Command,
    Gb26875Adu? Adu)
{
    /// <summary>The answer to this frame (confirm or deny): same serial, addresses swapped, empty ADU (§6.1–6.3).</summary>
    public Gb26875Frame Answer(Gb26875Command command, Gb26875Time at) =>
        new(Serial, VersionMajor, VersionMinor, at, Destination, Source, command, null);
}

/// <summary>
/// An application data unit (§7): the type, the object count and the objects. For a type this codec does
/// not know (reserved or user-defined) <see cref="Objects"/> is empty and <see cref="UndecodedBody"/> holds
/// the bytes after the count, so the frame still re-encodes as it came.
/// </summary>
public sealed record Gb26875Adu(byte Type, byte Count, IReadOnlyList<Gb26875Object> Objects, ReadOnlyMemory<byte> UndecodedBody = default)
{
    public static Gb26875Adu Of(byte type, params Gb26875Object[] objects) => new(type, checked((byte)objects.Length), objects);

    public bool IsKnownType => Gb26875Names.AduTypeName(Type) is not null;

    public int Size
    {
        get
        {
            int size = 2 + UndecodedBody.Length;
            for (int i = 0; i < Objects.Count; i++) size += Objects[i].Size;
            return size;
        }
    }
}
