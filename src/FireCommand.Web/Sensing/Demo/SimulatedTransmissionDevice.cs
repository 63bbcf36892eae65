using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using FireCommand.Core.Demo.Sensing;
using FireCommand.Core.Sensing.Gb26875;
using FireCommand.Core.Shared;

namespace FireCommand.Web.Sensing.Demo;

/// <summary>
/// A user information transmission device of the demo, speaking GB/T 26875.3 over a real TCP connection
/// to the gateway. Like a device in the field it sends a heartbeat (an empty send-data frame) and a
/// periodic inspection report of its own state, queues what its fire alarm system reports, sends one frame
/// at a time and waits for the centre's confirm with the same serial, repeats an unconfirmed frame
/// (same serial and ADU) after the time-out, and after the last repetition reconnects and sends it again:
/// nothing it reported is dropped. It answers the centre's control commands with a confirm and its
/// state requests with a reply. Thread-safe: reports may be queued from any thread.
/// </summary>
public sealed class SimulatedTransmissionDevice(DemoDevice plan, EndPoint gateway, DemoSensingOptions options, CorpsCalendar calendar,
    TimeProvider clock, ILogger log)
{
    private readonly Channel<Gb26875Adu> _reports = Channel.CreateUnbounded<Gb26875Adu>(new() { SingleReader = true });
    private readonly ConcurrentDictionary<ushort, TaskCompletionSource<Gb26875Command>> _waiting = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private volatile TaskCompletionSource? _offline;
    private CancellationTokenSource? _session;
    private ushort _serial;

    public DemoDevice Plan => plan;

    /// <summary>True while a TCP connection to the gateway is open.</summary>
    public bool Connected { get; private set; }

    /// <summary>Frames the gateway confirmed.</summary>
    public int Confirmed => _confirmed;

    private int _confirmed;

    public void Report(Gb26875Adu adu) => _reports.Writer.TryWrite(adu);

    /// <summary>The device loses its connection for <paramref name="lasting"/> (power or network), keeping what it must still send.</summary>
    public void GoOffline(TimeSpan lasting, CancellationToken ct)
    {
        var gone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _offline = gone;
        try { _session?.Cancel(); } catch (ObjectDisposedException) { }
        _ = Task.Delay(lasting, clock, ct).ContinueWith(_ => { if (_offline == gone) _offline = null; gone.TrySetResult(); },
            TaskScheduler.Default);
    }

    public async Task RunAsync(CancellationToken ct)
    {
        Gb26875Frame? unconfirmed = null;
        var nextInspection = TimeSpan.Zero;
        var started = clock.GetTimestamp();
        while (!ct.IsCancellationRequested)
        {
            if (_offline is { } off) await off.Task.WaitAsync(ct);
            using var client = new TcpClient { NoDelay = true };
            try
            {
                await client.ConnectAsync((IPEndPoint)gateway, ct);
                Connected = true;
                var stream = client.GetStream();
                using var session = CancellationTokenSource.CreateLinkedTokenSource(ct);
                _session = session;
                var reading = ReadAsync(stream, session.Token);
                while (!session.IsCancellationRequested && _offline is null && !reading.IsCompleted)
                {
                    if (unconfirmed is null)
                    {
                        var elapsed = clock.GetElapsedTime(started);
                        if (elapsed >= nextInspection)
                        {
                            nextInspection = elapsed + TimeSpan.FromMinutes(options.InspectionMinutes);
                            // Its clock (ADU 28): it keeps the device counted as online without reporting a state, which would
                            // read as "all normal" and clear the faults its system still has.
                            unconfirmed = Frame(Gb26875Adu.Of(28, new Gb26875TimeObject(Now())));
                        }
                        else if (await NextReportAsync(session.Token) is { } adu) unconfirmed = Frame(adu);
                        else unconfirmed = Frame(null); // heartbeat
                    }
                    if (!await SendConfirmedAsync(stream, unconfirmed, session.Token)) break;
                    unconfirmed = null;
                }
                await session.CancelAsync();
                try { await reading; } catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException) { }
            }
            catch (Exception e) when (e is IOException or SocketException)
            {
                DemoSensingLog.DeviceConnectionLost(log, plan.DeviceKey, e.Message);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException)
            {
                // Taken offline while waiting; the frame in hand is sent again after the reconnect.
            }
            finally
            {
                _session = null;
                Connected = false;
            }
            // A device retries its connection after a pause; spread so a restart of the centre is no storm.
            if (_offline is null) await Task.Delay(TimeSpan.FromSeconds(5 + plan.Index % 10), clock, ct);
        }
    }

    /// <summary>The next queued report, or null when the heartbeat is due first.</summary>
    private async Task<Gb26875Adu?> NextReportAsync(CancellationToken ct)
    {
        if (_reports.Reader.TryRead(out var adu)) return adu;
        using var beat = CancellationTokenSource.CreateLinkedTokenSource(ct);
        beat.CancelAfter(TimeSpan.FromSeconds(options.HeartbeatSeconds));
        try
        {
            if (await _reports.Reader.WaitToReadAsync(beat.Token) && _reports.Reader.TryRead(out adu)) return adu;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
        return null;
    }

    /// <summary>Sends until confirmed; false when the repetitions ran out or the centre denied it (the caller reconnects and repeats).</summary>
    private async Task<bool> SendConfirmedAsync(NetworkStream stream, Gb26875Frame frame, CancellationToken ct)
    {
        for (var attempt = 0; attempt <= options.Retransmissions; attempt++)
        {
            var answer = new TaskCompletionSource<Gb26875Command>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting[frame.Serial] = answer;
            try
            {
                // A repetition keeps serial and ADU; only the time label is the time of sending (§6.5).
                await WriteAsync(stream, frame with { TimeLabel = Now() }, ct);
                var got = await answer.Task.WaitAsync(TimeSpan.FromSeconds(options.ConfirmTimeoutSeconds), clock, ct);
                if (got == Gb26875Command.Confirm)
                {
                    Interlocked.Increment(ref _confirmed);
                    return true;
                }
            }
            catch (TimeoutException)
            {
            }
            finally
            {
                _waiting.TryRemove(frame.Serial, out _);
            }
        }
        return false;
    }

    private async Task ReadAsync(NetworkStream stream, CancellationToken ct)
    {
        var header = new byte[Gb26875FrameCodec.HeaderLength];
        while (!ct.IsCancellationRequested)
        {
            await stream.ReadExactlyAsync(header, ct);
            var length = Gb26875FrameCodec.ReadHeader(header).FrameLength;
            if (length > Gb26875FrameCodec.MaxFrameLength) return;
            var bytes = new byte[length];
            header.CopyTo(bytes, 0);
            await stream.ReadExactlyAsync(bytes.AsMemory(header.Length), ct);
            if (Gb26875FrameCodec.Decode(bytes) is not { IsValid: true, Frame: { } frame }) continue;
            switch (frame.Command)
            {
                case Gb26875Command.Confirm or Gb26875Command.Deny:
                    if (_waiting.TryGetValue(frame.Serial, out var waiting)) waiting.TrySetResult(frame.Command);
                    break;
                case Gb26875Command.Control:
                    await WriteAsync(stream, frame.Answer(Gb26875Command.Confirm, Now()), ct);
                    break;
                case Gb26875Command.Request when frame.Adu?.Type == 81:
                    await WriteAsync(stream, new Gb26875Frame(frame.Serial, 1, 1, Now(), plan.Address, frame.Source, Gb26875Command.Reply,
                        Gb26875Adu.Of(21, new Gb26875DeviceState(0x01, Now()))), ct);
                    break;
            }
        }
    }

    private async Task WriteAsync(NetworkStream stream, Gb26875Frame frame, CancellationToken ct)
    {
        var bytes = Gb26875FrameCodec.Encode(frame);
        await _writeLock.WaitAsync(ct);
        try { await stream.WriteAsync(bytes, ct); }
        finally { _writeLock.Release(); }
    }

    private Gb26875Frame Frame(Gb26875Adu? adu) =>
        new(unchecked(_serial++), 1, 1, Now(), plan.Address, default, Gb26875Command.SendData, adu);

    public Gb26875Time Now() => Gb26875Time.From(calendar.Local(clock.GetUtcNow()).DateTime);
}
