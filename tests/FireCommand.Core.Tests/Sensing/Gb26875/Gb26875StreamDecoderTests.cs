using System.Buffers;
using FireCommand.Core.Sensing.Gb26875;

namespace FireCommand.Core.Tests.Sensing.Gb26875;

/// <summary>
/// The stream decoder against streams whose frames are known because the test placed them: seeded random
/// garbage, frames split at every position, false markers, bad checksums and oversized lengths.
/// </summary>
public sealed class Gb26875StreamDecoderTests
{
    private static readonly byte[] FireAlarm = ReferenceFrames.Bytes(
        "40 40 01 00 01 01 20 3A 09 1A 09 0C 79 03 00 00 00 00 38 5B 01 00 00 00 30 00 02 02 01 01 01 28 0A 00 02 00 02 00 " +
        "20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 00 02 3A 09 1A 09 0C 46 23 23");

    [Fact]
    public void ArbitraryBytes_NeverThrow_AndEveryByteIsAccountedForOnce()
    {
        for (int seed = 1; seed <= 300; seed++)
        {
            var gen = new FrameGenerator(seed);
            var stream = gen.Random.Next(3) == 0 ? gen.Bytes(gen.Random.Next(0, 3000)) : gen.Garbage().Concat(gen.Garbage()).ToArray();
            var items = DecodeInChunks(stream, gen.Random);

            long expected = 0;
            foreach (var item in items)
            {
                Assert.Equal(expected, item.Offset);
                Assert.True(item.Length > 0, $"seed {seed}: empty item at {item.Offset}");
                expected += item.Length;
            }
            Assert.Equal(stream.Length, expected);
        }
    }

    [Fact]
    public void FramesInterleavedWithGarbage_AreAllRecoveredInOrder()
    {
        for (int seed = 1; seed <= 300; seed++)
        {
            var gen = new FrameGenerator(seed);
            var stream = new List<byte>();
            var placed = new List<(long Offset, byte[] Bytes)>();
            for (int i = 0; i < 6; i++)
            {
                if (gen.Random.Next(2) == 0) stream.AddRange(gen.Garbage());
                var frame = Gb26875FrameCodec.Encode(gen.Frame());
                placed.Add((stream.Count, frame));
                stream.AddRange(frame);
            }

            var frames = DecodeInChunks([.. stream], gen.Random).Where(i => i.Kind == Gb26875StreamItemKind.Frame).ToList();

            Assert.Equal(placed.Select(p => p.Offset), frames.Select(f => f.Offset));
            for (int i = 0; i < placed.Count; i++)
                Assert.Equal(placed[i].Bytes, Gb26875FrameCodec.Encode(frames[i].Frame!));
        }
    }

    [Fact]
    public void FrameSplitAtEveryPosition_DecodesTheSame()
    {
        var gen = new FrameGenerator(7);
        byte[][] frames = [FireAlarm, Gb26875FrameCodec.Encode(gen.Frame() with { Adu = Gb26875Adu.Of(21, new Gb26875DeviceState(8, gen.Time())) })];
        foreach (var frame in frames)
        {
            var whole = Describe(Decode(new ReadOnlySequence<byte>(frame), isCompleted: true));
            for (int split = 0; split <= frame.Length; split++)
            {
                // Two reads, as TCP may deliver them: the decoder must wait for the second.
                Assert.Equal(whole, Describe(DecodeInReads(frame, [split, frame.Length - split])));
                // One buffer of two segments.
                Assert.Equal(whole, Describe(Decode(Segments(frame, split), isCompleted: true)));
            }
        }
    }

    [Fact]
    public void StrayStartByte_BeforeAFrame_IsRejectedAndTheFrameFoundOneByteLater()
    {
        var items = Decode(new ReadOnlySequence<byte>([(byte)'@', .. FireAlarm]), isCompleted: true);

        Assert.Equal(["Rejected@0+1", "Frame@1+78"], Describe(items));
    }

    [Fact]
    public void BadChecksum_IsRejectedWithADeny_AndTheNextFrameKept()
    {
        var bad = FireAlarm.ToArray();
        bad[^3] ^= 0x01;
        var items = Decode(new ReadOnlySequence<byte>([.. bad, .. FireAlarm]), isCompleted: true);

        var rejected = items[0];
        Assert.Equal((Gb26875StreamItemKind.Rejected, 0L, 1), (rejected.Kind, rejected.Offset, rejected.Length));
        Assert.True(rejected.DenyAdvised);
        Assert.Contains("checksum 47 stated, 46 computed", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(1, rejected.Result!.Header!.Value.Serial);
        Assert.Equal("Frame@78+78", Describe(items)[^1]);
    }

    [Fact]
    public void LengthOver1024_IsRejectedFromTheHeaderAlone_WithoutWaiting()
    {
        var header = FireAlarm.AsSpan(0, 27).ToArray();
        header[24] = 0x01;
        header[25] = 0x04; // 0x0401 = 1025
        var buffer = new ReadOnlySequence<byte>(header);
        var decoder = new Gb26875StreamDecoder();

        Assert.True(decoder.TryRead(ref buffer, isCompleted: false, out var item));
        Assert.Equal(Gb26875StreamItemKind.Rejected, item.Kind);
        Assert.Contains("ADU length 1025 exceeds 1024", item.Reason, StringComparison.Ordinal);
        Assert.False(item.DenyAdvised);
    }

    [Fact]
    public void Length1024_IsWaitedOn()
    {
        var header = FireAlarm.AsSpan(0, 27).ToArray();
        header[24] = 0x00;
        header[25] = 0x04; // 1024
        var buffer = new ReadOnlySequence<byte>(header);

        Assert.False(new Gb26875StreamDecoder().TryRead(ref buffer, isCompleted: false, out _));
    }

    [Fact]
    public void PartialFrame_WaitsForMore_AndIsRejectedWhenTheStreamEnds()
    {
        var partial = new ReadOnlySequence<byte>(FireAlarm.AsSpan(0, 50).ToArray());
        var decoder = new Gb26875StreamDecoder();
        var buffer = partial;
        Assert.False(decoder.TryRead(ref buffer, isCompleted: false, out _));
        Assert.Equal(50, buffer.Length);

        var items = Decode(partial, isCompleted: true);
        Assert.Equal(Gb26875StreamItemKind.Rejected, items[0].Kind);
        Assert.Contains("stream ends 50 bytes into a frame of 78", items[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongContentBehindRightChecksum_IsSkippedWhole_WithADeny()
    {
        // A fire-alarm frame whose ADU claims two objects but carries one; its checksum is made right.
        var frame = Gb26875FrameCodec.Decode(FireAlarm).Frame!;
        var bytes = Gb26875FrameCodec.Encode(frame with { Adu = frame.Adu! with { Count = 2 } });

        var items = Decode(new ReadOnlySequence<byte>([.. bytes, .. FireAlarm]), isCompleted: true);

        Assert.Equal(["Rejected@0+78", "Frame@78+78"], Describe(items));
        Assert.True(items[0].DenyAdvised);
    }

    [Fact]
    public void RejectedAnswer_IsNotDenied()
    {
        // A confirm from the device with a wrong checksum: the standard answers sent data, not answers.
        var ack = ReferenceFrames.Bytes("40 40 01 00 01 01 23 3A 09 1A 09 0C 79 03 00 00 00 00 38 5B 01 00 00 00 00 00 03 AC 23 23");
        var items = Decode(new ReadOnlySequence<byte>(ack), isCompleted: true);
        Assert.Equal(Gb26875StreamItemKind.Rejected, items[0].Kind);
        Assert.False(items[0].DenyAdvised);
    }

    private static List<Gb26875StreamItem> Decode(ReadOnlySequence<byte> buffer, bool isCompleted)
    {
        var decoder = new Gb26875StreamDecoder();
        var items = new List<Gb26875StreamItem>();
        while (decoder.TryRead(ref buffer, isCompleted, out var item)) items.Add(item);
        return items;
    }

    /// <summary>Feeds the stream in reads of the given sizes, keeping what the decoder did not take, as a socket reader does.</summary>
    private static List<Gb26875StreamItem> DecodeInReads(byte[] stream, IEnumerable<int> sizes)
    {
        var decoder = new Gb26875StreamDecoder();
        var items = new List<Gb26875StreamItem>();
        var pending = Array.Empty<byte>();
        int at = 0;
        foreach (int size in sizes)
        {
            pending = [.. pending, .. stream.AsSpan(at, size)];
            at += size;
            bool last = at == stream.Length;
            var buffer = new ReadOnlySequence<byte>(pending);
            while (decoder.TryRead(ref buffer, last, out var item)) items.Add(item);
            pending = buffer.ToArray();
        }
        return items;
    }

    private static List<Gb26875StreamItem> DecodeInChunks(byte[] stream, Random random)
    {
        var sizes = new List<int>();
        for (int left = stream.Length; left > 0;)
        {
            int size = Math.Min(left, random.Next(1, 200));
            sizes.Add(size);
            left -= size;
        }
        if (sizes.Count == 0) sizes.Add(0);
        return DecodeInReads(stream, sizes);
    }

    private static List<string> Describe(List<Gb26875StreamItem> items) =>
        items.Select(i => $"{i.Kind}@{i.Offset}+{i.Length}").ToList();

    private static ReadOnlySequence<byte> Segments(byte[] bytes, int split)
    {
        var first = new Segment(bytes.AsMemory(0, split), 0);
        var second = first.Append(bytes.AsMemory(split));
        return new ReadOnlySequence<byte>(first, 0, second, second.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
