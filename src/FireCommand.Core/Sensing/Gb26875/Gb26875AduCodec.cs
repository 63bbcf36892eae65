using System.Buffers.Binary;
using System.Globalization;

namespace FireCommand.Core.Sensing.Gb26875;

/// <summary>
/// Reads and writes application data units (§7, §8.3): the type byte, the object count and the objects of
/// every type the standard defines (upstream 1–8, 21, 24–26, 28; downstream 61–68, 81, 84–86, 88–91).
/// A known type whose length does not match its count is a typed error, never a guess. Pure and thread-safe.
/// </summary>
public static class Gb26875AduCodec
{
    /// <summary>The largest ADU a frame may carry (§6.6: "不应大于 1024").</summary>
    public const int MaxLength = 1024;

    /// <summary>Reads an ADU; null with the reason when it is malformed. An empty span is no ADU (null, no error).</summary>
    public static Gb26875Adu? Read(ReadOnlySpan<byte> adu, out string? error)
    {
        error = null;
        if (adu.IsEmpty) return null;
        if (adu.Length < 2)
        {
            error = "ADU of 1 byte: the type and the object count need 2";
            return null;
        }
        byte type = adu[0], count = adu[1];
        var body = adu[2..];
        int fixedSize = FixedObjectSize(type, body.Length, count);
        if (fixedSize == Unknown) return new Gb26875Adu(type, count, [], body.ToArray());
        if (count == 0)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"ADU type {type} with no objects");
            return null;
        }
        var objects = new Gb26875Object[count];
        if (fixedSize == Variable)
        {
            for (int i = 0; i < count; i++)
            {
                int prefix = type == 6 ? 2 : 0;
                if (body.Length < prefix + 1 || body.Length < prefix + 1 + body[prefix])
                {
                    error = string.Create(CultureInfo.InvariantCulture, $"ADU type {type}: object {i + 1} of {count} runs past the end");
                    return null;
                }
                int length = body[prefix];
                var description = new Gb26875Description(body.Slice(prefix + 1, length).ToArray());
                objects[i] = type == 6 ? new Gb26875SystemConfiguration(body[0], body[1], description) : new Gb26875DeviceConfiguration(description);
                body = body[(prefix + 1 + length)..];
            }
            if (!body.IsEmpty)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"ADU type {type}: {body.Length} bytes after the last of {count} objects");
                return null;
            }
        }
        else
        {
            if (body.Length != count * fixedSize)
            {
                error = string.Create(CultureInfo.InvariantCulture,
                    $"ADU type {type}: {count} objects of {fixedSize} bytes need {count * fixedSize} bytes, not {body.Length}");
                return null;
            }
            for (int i = 0; i < count; i++) objects[i] = ReadObject(type, body.Slice(i * fixedSize, fixedSize));
        }
        return new Gb26875Adu(type, count, objects);
    }

    /// <summary>Writes <paramref name="adu"/> into <paramref name="destination"/>; returns the bytes written.</summary>
    public static int Write(Gb26875Adu adu, Span<byte> destination)
    {
        int size = adu.Size;
        if (destination.Length < size) throw new ArgumentException("destination too small for the ADU", nameof(destination));
        destination[0] = adu.Type;
        destination[1] = adu.Count;
        int at = 2;
        for (int i = 0; i < adu.Objects.Count; i++)
        {
            var o = adu.Objects[i];
            o.Write(destination.Slice(at, o.Size));
            at += o.Size;
        }
        adu.UndecodedBody.Span.CopyTo(destination[at..]);
        return size;
    }

    private const int Unknown = -1;
    private const int Variable = 0;

    private static int FixedObjectSize(byte type, int bodyLength, int count) => type switch
    {
        1 => 10,
        2 => 46,
        3 => 16,
        4 => 10,
        5 => 4,
        6 or 26 => Variable,
        7 => 38,
        8 => 8,
        21 => 7,
        24 => 8,
        25 => 2,
        28 => 6,
        61 or 65 or 66 or 68 => 2,
        62 or 63 or 67 => 6,
        64 => 9,
        84 => 7,
        81 or 85 or 86 or 88 or 89 or 91 => 1,
        // §8.3.2.15's table has one reserved byte, its worked example a 6-byte time: the length says which.
        90 => count > 0 && bodyLength == count * 6 ? 6 : 1,
        _ => Unknown,
    };

    private static Gb26875Object ReadObject(byte type, ReadOnlySpan<byte> o) => type switch
    {
        1 => new Gb26875SystemState(o[0], o[1], BinaryPrimitives.ReadUInt16LittleEndian(o[2..]), Gb26875Time.Read(o[4..])),
        2 => new Gb26875ComponentState(o[0], o[1], o[2], Gb26875ComponentAddress.Read(o[3..]), BinaryPrimitives.ReadUInt16LittleEndian(o[7..]),
            new Gb26875Description(o.Slice(9, Gb26875Description.ComponentLength).ToArray()), Gb26875Time.Read(o[40..])),
        3 => new Gb26875ComponentAnalog(o[0], o[1], o[2], Gb26875ComponentAddress.Read(o[3..]), o[7], BinaryPrimitives.ReadInt16LittleEndian(o[8..]),
            Gb26875Time.Read(o[10..])),
        4 => new Gb26875SystemOperation(o[0], o[1], o[2], o[3], Gb26875Time.Read(o[4..])),
        5 => new Gb26875SystemSoftwareVersion(o[0], o[1], o[2], o[3]),
        7 => new Gb26875ComponentConfiguration(o[0], o[1], o[2], Gb26875ComponentAddress.Read(o[3..]),
            new Gb26875Description(o.Slice(7, Gb26875Description.ComponentLength).ToArray())),
        8 => new Gb26875SystemTime(o[0], o[1], Gb26875Time.Read(o[2..])),
        21 => new Gb26875DeviceState(o[0], Gb26875Time.Read(o[1..])),
        24 => new Gb26875DeviceOperation(o[0], o[1], Gb26875Time.Read(o[2..])),
        25 => new Gb26875DeviceSoftwareVersion(o[0], o[1]),
        28 or 90 when o.Length == 6 => new Gb26875TimeObject(Gb26875Time.Read(o)),
        61 or 65 or 66 or 68 => new Gb26875SystemQuery(o[0], o[1]),
        62 or 63 or 67 => new Gb26875ComponentQuery(o[0], o[1], Gb26875ComponentAddress.Read(o[2..])),
        64 => new Gb26875SystemOperationQuery(o[0], o[1], o[2], Gb26875Time.Read(o[3..])),
        84 => new Gb26875DeviceOperationQuery(o[0], Gb26875Time.Read(o[1..])),
        _ => new Gb26875Reserved(o[0]),
    };
}
