using System.Buffers.Binary;
using System.Globalization;

namespace FireCommand.Core.Sensing.Gb26875;

/// <summary>
/// The control unit of a frame (§6.6, bytes 3–27), readable before the ADU has arrived. <see cref="Command"/>
/// is the raw byte, so an unknown command can be reported as such.
/// </summary>
public readonly record struct Gb26875Header(
    ushort Serial, byte VersionMajor, byte VersionMinor, Gb26875Time TimeLabel, Gb26875Address Source, Gb26875Address Destination,
    ushort AduLength, byte Command)
{
    public int FrameLength => Gb26875FrameCodec.Overhead + AduLength;
}

/// <summary>
/// What reading one frame gave: the header when it could be read, the frame when its structure could be
/// read (also with a wrong checksum, for an operator to inspect), the checksums, and the error that
/// rejects it. <see cref="DenyAdvised"/> says whether the standard wants a deny (NAK) for it;
/// <see cref="Delimited"/> that the start marker, the length and the end marker agree.
/// </summary>
public sealed record Gb26875DecodeResult(
    Gb26875Header? Header,
    Gb26875Frame? Frame,
    int Length,
    byte ChecksumStated,
    byte ChecksumComputed,
    ReadOnlyMemory<byte> AduBytes,
    string? Error,
    bool DenyAdvised,
    bool Delimited)
{
    public bool IsValid => Error is null && Frame is not null;

    public bool ChecksumValid => ChecksumStated == ChecksumComputed;
}

/// <summary>
/// Frame layout (§6.6): <c>@@</c>, serial (2, low byte first), version (major, minor), time label (6),
/// source (6), destination (6), ADU length (2, ≤ 1024), command (1), ADU, checksum (1: the sum of bytes
/// 3–27 and the ADU, mod 256), <c>##</c>. Pure and thread-safe; decoding works on spans and allocates
/// only the decoded frame.
/// </summary>
public static class Gb26875FrameCodec
{
    public const byte StartByte = (byte)'@';
    public const byte EndByte = (byte)'#';

    /// <summary>Start marker and control unit: the bytes needed before the ADU length is known.</summary>
    public const int HeaderLength = 27;

    /// <summary>Every byte of a frame but the ADU.</summary>
    public const int Overhead = 30;

    public const int MaxFrameLength = Overhead + Gb26875AduCodec.MaxLength;

    /// <summary>Sum of the control unit and the ADU, mod 256 (§6.6); <paramref name="frame"/> starts at <c>@@</c>.</summary>
    public static byte Checksum(ReadOnlySpan<byte> frame, int aduLength)
    {
        uint sum = 0;
        foreach (byte b in frame.Slice(2, HeaderLength - 2 + aduLength)) sum += b;
        return (byte)sum;
    }

    /// <summary>Reads the control unit of <paramref name="header"/> (at least <see cref="HeaderLength"/> bytes, from <c>@@</c>).</summary>
    public static Gb26875Header ReadHeader(ReadOnlySpan<byte> header) => new(
        BinaryPrimitives.ReadUInt16LittleEndian(header[2..]),
        header[4],
        header[5],
        Gb26875Time.Read(header[6..]),
        Gb26875Address.Read(header[12..]),
        Gb26875Address.Read(header[18..]),
        BinaryPrimitives.ReadUInt16LittleEndian(header[24..]),
        header[26]);

    public static bool IsKnownCommand(byte command) => command is >= 1 and <= 6;

    /// <summary>Reads <paramref name="frame"/>, which must be exactly one frame.</summary>
    public static Gb26875DecodeResult Decode(ReadOnlySpan<byte> frame, int maxAduLength = Gb26875AduCodec.MaxLength)
    {
        if (frame.Length < HeaderLength + 3)
            return Fail(null, frame.Length, $"{frame.Length} bytes: a frame has at least {Overhead}");
        if (frame[0] != StartByte || frame[1] != StartByte)
            return Fail(null, frame.Length, $"starts with {frame[0]:X2} {frame[1]:X2}, not the start marker 40 40 (@@)");
        var header = ReadHeader(frame);
        if (header.AduLength > maxAduLength)
            return Fail(header, frame.Length, $"ADU length {header.AduLength} exceeds {maxAduLength}");
        if (frame.Length != header.FrameLength)
            return Fail(header, frame.Length, $"{frame.Length} bytes, but ADU length {header.AduLength} makes a frame of {header.FrameLength}");
        if (frame[^2] != EndByte || frame[^1] != EndByte)
            return Fail(header, frame.Length, $"ends with {frame[^2]:X2} {frame[^1]:X2}, not the end marker 23 23 (##)");

        var aduBytes = frame.Slice(HeaderLength, header.AduLength);
        byte stated = frame[HeaderLength + header.AduLength];
        byte computed = Checksum(frame, header.AduLength);
        // The standard answers sent data and commands that fail the check with a deny (§6.2, §6.3, §6.5);
        // a confirm, a deny or a reply is never denied: its sender repeats its own request on a time-out.
        bool deniable = header.Command is not (3 or 5 or 6);
        var adu = Gb26875AduCodec.Read(aduBytes, out var aduError);
        var decoded = IsKnownCommand(header.Command) && aduError is null
            ? new Gb26875Frame(header.Serial, header.VersionMajor, header.VersionMinor, header.TimeLabel, header.Source, header.Destination,
                (Gb26875Command)header.Command, adu)
            : null;
        string? error = stated != computed ? Invariant($"checksum {stated:X2} stated, {computed:X2} computed")
            : !IsKnownCommand(header.Command) ? Invariant($"unknown command byte {header.Command}")
            : aduError;
        return new Gb26875DecodeResult(header, decoded, frame.Length, stated, computed, aduBytes.ToArray(), error, error is not null && deniable, true);
    }

    /// <summary>The encoded length of <paramref name="frame"/>.</summary>
    public static int LengthOf(Gb26875Frame frame) => Overhead + (frame.Adu?.Size ?? 0);

    /// <summary>Writes <paramref name="frame"/> with its checksum; returns the bytes written.</summary>
    public static int Write(Gb26875Frame frame, Span<byte> destination)
    {
        int aduLength = frame.Adu?.Size ?? 0;
        if (aduLength > Gb26875AduCodec.MaxLength)
            throw new ArgumentException($"ADU of {aduLength} bytes exceeds {Gb26875AduCodec.MaxLength}", nameof(frame));
        int length = Overhead + aduLength;
        if (destination.Length < length) throw new ArgumentException("destination too small for the frame", nameof(destination));
        destination[0] = StartByte;
        destination[1] = StartByte;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], frame.Serial);
        destination[4] = frame.VersionMajor;
        destination[5] = frame.VersionMinor;
        frame.TimeLabel.Write(destination[6..]);
        frame.Source.Write(destination[12..]);
        frame.Destination.Write(destination[18..]);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[24..], (ushort)aduLength);
        destination[26] = (byte)frame.Command;
        if (frame.Adu is { } adu) Gb26875AduCodec.Write(adu, destination[HeaderLength..]);
        destination[HeaderLength + aduLength] = Checksum(destination, aduLength);
        destination[length - 2] = EndByte;
        destination[length - 1] = EndByte;
        return length;
    }

    public static byte[] Encode(Gb26875Frame frame)
    {
        var bytes = new byte[LengthOf(frame)];
        Write(frame, bytes);
        return bytes;
    }

    private static Gb26875DecodeResult Fail(Gb26875Header? header, int length, FormattableString error) =>
        new(header, null, length, 0, 0, ReadOnlyMemory<byte>.Empty, error.ToString(CultureInfo.InvariantCulture), false, false);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
