using System.Buffers;
using System.Globalization;

namespace FireCommand.Core.Sensing.Gb26875;

/// <summary>What the stream decoder found at a place in the stream.</summary>
public enum Gb26875StreamItemKind
{
    /// <summary>A valid frame.</summary>
    Frame = 1,

    /// <summary>A start marker that did not begin a valid frame.</summary>
    Rejected = 2,

    /// <summary>Bytes before a start marker, skipped.</summary>
    Skipped = 3,
}

/// <summary>
/// One finding of <see cref="Gb26875StreamDecoder"/>: where in the stream (<see cref="Offset"/>, counted from
/// the first byte fed), how many bytes, and for frames and rejections what reading it gave.
/// </summary>
public sealed record Gb26875StreamItem(Gb26875StreamItemKind Kind, long Offset, int Length, Gb26875DecodeResult? Result, string? Reason)
{
    public Gb26875Frame? Frame => Kind == Gb26875StreamItemKind.Frame ? Result?.Frame : null;

    /// <summary>The standard wants a deny (NAK) answered for this rejection (§6.5: a delimited frame that fails its check).</summary>
    public bool DenyAdvised => Kind == Gb26875StreamItemKind.Rejected && Result is { DenyAdvised: true };
}

/// <summary>
/// Finds frames in a byte stream (a TCP connection, a capture file). Garbage before a start marker is
/// skipped; a partial frame waits for more bytes; a candidate that fails (a false <c>@@</c>, a wrong end
/// marker or checksum) is rejected and scanning resumes one byte after its start marker, so a frame hidden
/// behind a false marker is still found. A length field over the limit, or an unknown command byte, is
/// rejected from the header alone and never waited on: otherwise a false marker in garbage could hold
/// back the real frame behind it until a kilobyte more arrived. A frame whose end marker and checksum are
/// right but whose content is wrong is skipped whole. Not thread-safe: one decoder per stream.
/// </summary>
public sealed class Gb26875StreamDecoder
{
    private readonly int _maxAduLength;
    private long _position;

    /// <param name="maxAduLength">The largest ADU accepted; at most the standard's 1024.</param>
    public Gb26875StreamDecoder(int maxAduLength = Gb26875AduCodec.MaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxAduLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxAduLength, Gb26875AduCodec.MaxLength);
        _maxAduLength = maxAduLength;
    }

    /// <summary>Stream offset of the next byte to be read.</summary>
    public long Position => _position;

    /// <summary>
    /// Reads the next item from the front of <paramref name="buffer"/> and slices it off. Returns false when
    /// more bytes are needed (the rest of <paramref name="buffer"/> is to be kept and offered again with more).
    /// With <paramref name="isCompleted"/> the stream has ended: a partial frame is rejected instead of
    /// awaited, and the call returns false only when the buffer is empty.
    /// </summary>
    public bool TryRead(ref ReadOnlySequence<byte> buffer, bool isCompleted, out Gb26875StreamItem item)
    {
        item = null!;
        if (buffer.IsEmpty) return false;

        long marker = FindMarker(buffer, out bool loneTrailingStart);
        if (marker != 0)
        {
            // Skip up to the marker; without one keep a trailing '@' that may be half of the next.
            long skip = marker > 0 ? marker : buffer.Length - (loneTrailingStart && !isCompleted ? 1 : 0);
            if (skip == 0) return false;
            item = new Gb26875StreamItem(Gb26875StreamItemKind.Skipped, _position, checked((int)Math.Min(skip, int.MaxValue)), null,
                Invariant($"{skip} bytes without a start marker"));
            Advance(ref buffer, item.Length);
            return true;
        }

        if (buffer.Length < Gb26875FrameCodec.HeaderLength)
            return isCompleted && Reject(ref buffer, null, Invariant($"stream ends {buffer.Length} bytes into a frame's header"), out item);

        Span<byte> headerBytes = stackalloc byte[Gb26875FrameCodec.HeaderLength];
        buffer.Slice(0, Gb26875FrameCodec.HeaderLength).CopyTo(headerBytes);
        var header = Gb26875FrameCodec.ReadHeader(headerBytes);
        if (header.AduLength > _maxAduLength)
            return Reject(ref buffer, null, Invariant($"ADU length {header.AduLength} exceeds {_maxAduLength}"), out item);
        if (!Gb26875FrameCodec.IsKnownCommand(header.Command))
            return Reject(ref buffer, null, Invariant($"unknown command byte {header.Command}"), out item);

        int length = header.FrameLength;
        if (buffer.Length < length)
            return isCompleted && Reject(ref buffer, null, Invariant($"stream ends {buffer.Length} bytes into a frame of {length}"), out item);

        var first = buffer.FirstSpan;
        Gb26875DecodeResult result;
        if (first.Length >= length) result = Gb26875FrameCodec.Decode(first[..length], _maxAduLength);
        else
        {
            Span<byte> frame = stackalloc byte[length];
            buffer.Slice(0, length).CopyTo(frame);
            result = Gb26875FrameCodec.Decode(frame, _maxAduLength);
        }

        if (result.IsValid)
        {
            item = new Gb26875StreamItem(Gb26875StreamItemKind.Frame, _position, length, result, null);
            Advance(ref buffer, length);
            return true;
        }
        // A frame whose markers and checksum agree is a real frame with bad content: skip it whole, so its
        // ADU is not searched for further markers. Anything else may have been a false start.
        bool genuine = result.Delimited && result.ChecksumValid;
        item = new Gb26875StreamItem(Gb26875StreamItemKind.Rejected, _position, genuine ? length : 1, result, result.Error);
        Advance(ref buffer, item.Length);
        return true;
    }

    private bool Reject(ref ReadOnlySequence<byte> buffer, Gb26875DecodeResult? result, string reason, out Gb26875StreamItem item)
    {
        item = new Gb26875StreamItem(Gb26875StreamItemKind.Rejected, _position, 1, result, reason);
        Advance(ref buffer, 1);
        return true;
    }

    private void Advance(ref ReadOnlySequence<byte> buffer, long count)
    {
        buffer = buffer.Slice(count);
        _position += count;
    }

    /// <summary>Index of the first <c>@@</c>, or -1; <paramref name="loneTrailingStart"/> when the last byte is an '@'.</summary>
    private static long FindMarker(in ReadOnlySequence<byte> buffer, out bool loneTrailingStart)
    {
        long offset = 0;
        bool previousWasStart = false;
        foreach (var memory in buffer)
        {
            var span = memory.Span;
            if (span.IsEmpty) continue;
            if (previousWasStart && span[0] == Gb26875FrameCodec.StartByte)
            {
                loneTrailingStart = false;
                return offset - 1;
            }
            int at = span.IndexOf("@@"u8);
            if (at >= 0)
            {
                loneTrailingStart = false;
                return offset + at;
            }
            previousWasStart = span[^1] == Gb26875FrameCodec.StartByte;
            offset += span.Length;
        }
        loneTrailingStart = previousWasStart;
        return -1;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
