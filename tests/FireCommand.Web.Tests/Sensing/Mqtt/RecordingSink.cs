using System.Collections.Concurrent;
using FireCommand.Core.Sensing;

namespace FireCommand.Web.Tests.Sensing.Mqtt;

/// <summary>
/// A device-message sink that records what it is given. A test can hold the next call (it returns only
/// when released) or make it fail once, to see what the transport does before a commit.
/// </summary>
public sealed class RecordingSink : IDeviceMessageSink
{
    private readonly ConcurrentQueue<DeviceMessage> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private TaskCompletionSource? _hold;
    private TaskCompletionSource? _entered;
    private int _failNext;

    public IReadOnlyCollection<DeviceMessage> Received => _received;

    /// <summary>The next call waits for <paramref name="release"/>; the returned task completes when that call has begun.</summary>
    public Task HoldNext(TaskCompletionSource release)
    {
        _entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _hold = release;
        return _entered.Task;
    }

    /// <summary>The next call throws, as a database that went away would: nothing of it is committed.</summary>
    public void FailNext() => Interlocked.Exchange(ref _failNext, 1);

    public async Task AcceptAsync(IReadOnlyList<DeviceMessage> batch, CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _hold, null) is { } hold)
        {
            _entered!.TrySetResult();
            await hold.Task.WaitAsync(ct);
        }
        if (Interlocked.Exchange(ref _failNext, 0) == 1) throw new InvalidOperationException("the store is unavailable");
        foreach (var m in batch) _received.Enqueue(m);
        _arrived.Release();
    }

    /// <summary>Waits (at most a generous bound, never asserted as a time) until a message matching <paramref name="match"/> was accepted.</summary>
    public async Task<DeviceMessage> WaitForAsync(Func<DeviceMessage, bool> match)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (_received.FirstOrDefault(match) is { } found) return found;
            try
            {
                await _arrived.WaitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"no matching device message arrived; received: {string.Join("; ", _received)}");
            }
        }
    }
}
