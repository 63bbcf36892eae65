using System.Buffers;
using BenchmarkDotNet.Attributes;
using FireCommand.Core.Sensing.Gb26875;

namespace FireCommand.Bench.Sensing;

/// <summary>
/// The GB/T 26875.3 codec's hot path: one fire-alarm frame decoded and encoded, and a stream of 1,000
/// frames with garbage between them found by the stream decoder. Run:
/// <c>dotnet run -c Release --project bench/FireCommand.Bench -- --filter '*Gb26875*'</c>.
/// </summary>
[MemoryDiagnoser]
public class Gb26875CodecBenchmarks
{
    private static readonly byte[] FireAlarm = Convert.FromHexString((
        "40 40 01 00 01 01 20 3A 09 1A 09 0C 79 03 00 00 00 00 38 5B 01 00 00 00 30 00 02 02 01 01 01 28 0A 00 02 00 02 00 " +
        "20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 00 02 3A 09 1A 09 0C 46 23 23").Replace(" ", ""));

    private readonly Gb26875Frame _frame = Gb26875FrameCodec.Decode(FireAlarm).Frame!;
    private readonly byte[] _output = new byte[Gb26875FrameCodec.MaxFrameLength];
    private byte[] _stream = [];

    [GlobalSetup]
    public void Setup()
    {
        var stream = new List<byte>();
        for (int i = 0; i < 1000; i++)
        {
            if (i % 10 == 0) stream.AddRange([0x00, 0x40, 0x40, 0x13, 0x23]);
            stream.AddRange(FireAlarm);
        }
        _stream = [.. stream];
    }

    [Benchmark]
    public Gb26875DecodeResult DecodeFrame() => Gb26875FrameCodec.Decode(FireAlarm);

    [Benchmark]
    public int EncodeFrame() => Gb26875FrameCodec.Write(_frame, _output);

    [Benchmark(OperationsPerInvoke = 1000)]
    public int DecodeStream()
    {
        var buffer = new ReadOnlySequence<byte>(_stream);
        var decoder = new Gb26875StreamDecoder();
        int frames = 0;
        while (decoder.TryRead(ref buffer, isCompleted: true, out var item))
            if (item.Kind == Gb26875StreamItemKind.Frame) frames++;
        return frames;
    }
}
