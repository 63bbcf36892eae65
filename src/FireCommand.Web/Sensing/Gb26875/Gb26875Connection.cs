using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using FireCommand.Core.Sensing.Gb26875;

namespace FireCommand.Web.Sensing.Gb26875;

/// <summary>
/// One device connection: its socket, one writer at a time, and the downstream requests awaiting their
/// answer by serial and device (one connection may carry several devices' frames). Thread-safe.
/// </summary>
internal sealed class Gb26875Connection(Socket socket) : IAsyncDisposable
{
    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly ConcurrentDictionary<ushort, (Gb26875Address Device, TaskCompletionSource<Gb26875Frame> Answer)> _pending = new();
    private int _serial;

    public Socket Socket { get; } = socket;

    public NetworkStream Stream { get; } = new(socket, ownsSocket: true);

    public EndPoint? Remote { get; } = socket.RemoteEndPoint;

    /// <summary>The devices whose frames came on this connection; read and written by its read loop only.</summary>
    public HashSet<Gb26875Address> Devices { get; } = [];

    public async Task SendAsync(Gb26875Frame frame, CancellationToken ct)
    {
        var bytes = Gb26875FrameCodec.Encode(frame);
        await _write.WaitAsync(ct);
        try
        {
            await Stream.WriteAsync(bytes, ct);
        }
        finally
        {
            _write.Release();
        }
    }

    /// <summary>The centre's next serial on this connection (§6.6: the initiator numbers its own requests).</summary>
    public ushort NextSerial() => (ushort)Interlocked.Increment(ref _serial);

    /// <summary>Awaits the answer of <paramref name="device"/> to the request numbered <paramref name="serial"/>.</summary>
    public Task<Gb26875Frame> Expect(Gb26875Address device, ushort serial)
    {
        var answer = new TaskCompletionSource<Gb26875Frame>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(serial, (device, answer))) throw new InvalidOperationException($"serial {serial} already awaits an answer");
        return answer.Task;
    }

    public void Forget(ushort serial) => _pending.TryRemove(serial, out _);

    /// <summary>
    /// Completes the request this confirm, deny or reply answers: the same serial from the device asked
    /// (§6.6: the answer repeats the serial and swaps the addresses). False when none waits for it.
    /// </summary>
    public bool Answer(Gb26875Frame frame) =>
        _pending.TryGetValue(frame.Serial, out var waiting) && waiting.Device == frame.Source
        && _pending.TryRemove(new(frame.Serial, waiting)) && waiting.Answer.TrySetResult(frame);

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, waiting) in _pending.Values) waiting.TrySetException(new IOException("the device's connection closed"));
        await Stream.DisposeAsync();
        _write.Dispose();
    }
}
