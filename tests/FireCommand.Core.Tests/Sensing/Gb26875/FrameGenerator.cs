using FireCommand.Core.Sensing.Gb26875;

namespace FireCommand.Core.Tests.Sensing.Gb26875;

/// <summary>Seeded random frames and garbage for the stream decoder's property tests.</summary>
internal sealed class FrameGenerator(int seed)
{
    private readonly Random _random = new(seed);

    public Random Random => _random;

    public Gb26875Time Time() => new((byte)_random.Next(60), (byte)_random.Next(60), (byte)_random.Next(24), (byte)_random.Next(1, 29),
        (byte)_random.Next(1, 13), (byte)_random.Next(100));

    public Gb26875Frame Frame()
    {
        var adu = _random.Next(8) switch
        {
            0 => null,
            1 => Gb26875Adu.Of(2, Enumerable.Range(0, _random.Next(1, 4)).Select(_ => (Gb26875Object)new Gb26875ComponentState(1, 1,
                (byte)_random.Next(256), new Gb26875ComponentAddress((uint)_random.Next()), (ushort)_random.Next(65536),
                new Gb26875Description(Bytes(31)), Time())).ToArray()),
            2 => Gb26875Adu.Of(21, new Gb26875DeviceState((byte)_random.Next(256), Time())),
            3 => Gb26875Adu.Of(3, new Gb26875ComponentAnalog(11, 1, 92, new Gb26875ComponentAddress(7), 2, (short)_random.Next(-32768, 32768), Time())),
            4 => Gb26875Adu.Of(1, new Gb26875SystemState(1, (byte)_random.Next(256), (ushort)_random.Next(65536), Time())),
            5 => Gb26875Adu.Of(26, new Gb26875DeviceConfiguration(new Gb26875Description(Bytes(_random.Next(256))))),
            6 => Gb26875Adu.Of(24, new Gb26875DeviceOperation((byte)_random.Next(256), 1, Time())),
            _ => Gb26875Adu.Of(91, new Gb26875Reserved(10)),
        };
        var command = adu is null ? (Gb26875Command)_random.Next(1, 7) : (Gb26875Command)new[] { 1, 2, 4, 5 }[_random.Next(4)];
        return new Gb26875Frame((ushort)_random.Next(65536), 1, (byte)_random.Next(256), Time(),
            new Gb26875Address((ulong)_random.NextInt64(0, (long)Gb26875Address.MaxValue + 1)),
            new Gb26875Address((ulong)_random.NextInt64(0, (long)Gb26875Address.MaxValue + 1)), command, adu);
    }

    public byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>
    /// Garbage that tries to fool a decoder: random bytes, stray and doubled '@', a frame cut short, a frame
    /// with one byte changed, a header with a length over 1024.
    /// </summary>
    public byte[] Garbage()
    {
        var parts = new List<byte>();
        int pieces = _random.Next(1, 4);
        for (int i = 0; i < pieces; i++)
        {
            switch (_random.Next(6))
            {
                case 0: parts.AddRange(Bytes(_random.Next(1, 40))); break;
                case 1: parts.AddRange("@@"u8.ToArray()); parts.AddRange(Bytes(_random.Next(0, 30))); break;
                case 2:
                    var cut = Gb26875FrameCodec.Encode(Frame());
                    parts.AddRange(cut.AsSpan(0, _random.Next(1, cut.Length - 1)).ToArray());
                    break;
                case 3:
                    var bent = Gb26875FrameCodec.Encode(Frame());
                    bent[_random.Next(2, bent.Length - 2)] ^= (byte)_random.Next(1, 256);
                    parts.AddRange(bent);
                    break;
                case 4:
                    var big = Gb26875FrameCodec.Encode(Frame());
                    big[25] = (byte)_random.Next(5, 256); // ADU length ≥ 1280
                    parts.AddRange(big.AsSpan(0, 27).ToArray());
                    break;
                default: parts.AddRange(Enumerable.Repeat((byte)'@', _random.Next(1, 4))); break;
            }
        }
        return [.. parts];
    }
}
