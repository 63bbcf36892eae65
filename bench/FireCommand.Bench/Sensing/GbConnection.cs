using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FireCommand.Core.Sensing.Gb26875;

namespace FireCommand.Bench.Sensing;

/// <summary>
/// One simulated transmission device on its own TCP connection: sends component-state frames (command 2)
/// as fast as its window of unconfirmed frames allows and counts the gateway's confirms. Most frames
/// report a detector normal; every <c>alarmEvery</c>th frame reports a fault on one detector, and the
/// frame half-way between reports it normal again, so each fault opens a new alarm: its send → confirm
/// time is the alarm decision latency. A device given a <see cref="FireSchedule"/> also reports a manual
/// call point when the schedule says so.
/// </summary>
internal sealed class GbConnection(DeviceRegistry.GbDevice device, FireSchedule? fires, int index, int alarmEvery)
{
    private const byte FaultFrame = 1, FireFrame = 2;
    private static readonly Gb26875Address Centre = new(0);
    private static readonly TimeZoneInfo Corps = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); // the host's default corps clock
    private readonly long[] _sentAt = new long[ushort.MaxValue + 1];
    private readonly byte[] _kind = new byte[ushort.MaxValue + 1];
    private readonly List<double> _alarmMs = [];
    private long _acked;

    public long Acked => Interlocked.Read(ref _acked);

    public List<double> AlarmLatenciesMs
    {
        get { lock (_alarmMs) return [.. _alarmMs]; }
    }

    public async Task RunAsync(IPEndPoint gateway, int window, CancellationToken stop)
    {
        using var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(gateway, stop);
        var stream = tcp.GetStream();
        using var free = new SemaphoreSlim(window, window);
        using var closing = new CancellationTokenSource();
        var reader = ReadAsync(stream, free, closing.Token);
        var buffer = new byte[Gb26875FrameCodec.MaxFrameLength];
        ushort serial = (ushort)(index * 7919);
        long sent = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await free.WaitAsync(stop);
                serial = (ushort)(serial + 1);
                var (frame, kind) = Next(serial, sent++);
                int length = Gb26875FrameCodec.Write(frame, buffer);
                _kind[serial] = kind;
                Volatile.Write(ref _sentAt[serial], Stopwatch.GetTimestamp());
                if (kind == FireFrame) fires!.MarkSent(index);
                await stream.WriteAsync(buffer.AsMemory(0, length), stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        // Let the frames on their way be confirmed, so the totals acked and stored compare.
        for (int i = 0; i < window; i++)
            if (!await free.WaitAsync(TimeSpan.FromSeconds(30))) break;
        await closing.CancelAsync();
        try { await reader; } catch (Exception e) when (e is OperationCanceledException or IOException) { }
    }

    private (Gb26875Frame, byte) Next(ushort serial, long n)
    {
        var now = Gb26875Time.From(TimeZoneInfo.ConvertTime(DateTime.UtcNow, Corps));
        byte kind = 0;
        Gb26875ComponentState state;
        if (fires is not null && fires.Due(index))
        {
            kind = FireFrame;
            state = new(1, 1, 23, FireSchedule.CallPoint(index), 0x0002, Gb26875Description.Empty, now);
        }
        else if (alarmEvery > 0 && n % alarmEvery == 0)
        {
            kind = FaultFrame;
            state = new(1, 1, 1, Gb26875ComponentAddress.Of(90, 1), 0x0004, Gb26875Description.Empty, now);
        }
        else if (alarmEvery > 0 && n % alarmEvery == alarmEvery / 2)
            state = new(1, 1, 1, Gb26875ComponentAddress.Of(90, 1), 0x0000, Gb26875Description.Empty, now);
        else
            state = new(1, 1, 1, Gb26875ComponentAddress.Of(1, (ushort)(n % 50 + 1)), 0x0000, Gb26875Description.Empty, now);
        return (new Gb26875Frame(serial, 1, 1, now, device.Address, Centre, Gb26875Command.SendData, Gb26875Adu.Of(2, state)), kind);
    }

    private async Task ReadAsync(NetworkStream stream, SemaphoreSlim free, CancellationToken ct)
    {
        var header = new byte[Gb26875FrameCodec.HeaderLength];
        var frame = new byte[Gb26875FrameCodec.MaxFrameLength];
        while (!ct.IsCancellationRequested)
        {
            await stream.ReadExactlyAsync(header, ct);
            var length = Gb26875FrameCodec.ReadHeader(header).FrameLength;
            header.CopyTo(frame, 0);
            await stream.ReadExactlyAsync(frame.AsMemory(header.Length, length - header.Length), ct);
            var result = Gb26875FrameCodec.Decode(frame.AsSpan(0, length));
            if (result.Frame is not { Command: Gb26875Command.Confirm } confirm) continue;
            var at = Stopwatch.GetTimestamp();
            var sentAt = Interlocked.Exchange(ref _sentAt[confirm.Serial], 0);
            if (sentAt == 0) continue;
            if (_kind[confirm.Serial] == FaultFrame)
                lock (_alarmMs) _alarmMs.Add(Stopwatch.GetElapsedTime(sentAt, at).TotalMilliseconds);
            Interlocked.Increment(ref _acked);
            free.Release();
        }
    }
}
