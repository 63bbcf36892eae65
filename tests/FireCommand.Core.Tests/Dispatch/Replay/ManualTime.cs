namespace FireCommand.Core.Tests.Dispatch.Replay;

/// <summary>
/// A clock the test moves by hand, with a delay that records what it was asked to wait and moves the
/// clock by that much instead of sleeping.
/// </summary>
internal sealed class ManualTime : TimeProvider
{
    private long _ticks;

    public List<TimeSpan> Delays { get; } = [];

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public override DateTimeOffset GetUtcNow() => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(_ticks);

    public void Advance(TimeSpan by) => _ticks += by.Ticks;

    public Task Delay(TimeSpan span, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        Delays.Add(span);
        Advance(span);
        return Task.CompletedTask;
    }
}
