using FireCommand.Core.Dispatch.Replay;

namespace FireCommand.Core.Tests.Dispatch.Replay;

public class ReplayClockTests
{
    private static readonly DateTimeOffset T0 = new(2020, 4, 7, 10, 0, 0, TimeSpan.FromHours(-7));

    [Fact]
    public async Task AtSixtyTimes_AMinuteOfLogTime_WaitsOneSecond()
    {
        var time = new ManualTime();
        var clock = new ReplayClock(60, time, time.Delay);

        await clock.WaitUntilAsync(T0, TestContext.Current.CancellationToken);
        await clock.WaitUntilAsync(T0.AddMinutes(1), TestContext.Current.CancellationToken);
        await clock.WaitUntilAsync(T0.AddMinutes(3), TestContext.Current.CancellationToken);

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], time.Delays);
        Assert.Equal(TimeSpan.FromSeconds(3), clock.Waited);
    }

    [Fact]
    public async Task ProcessingTime_IsSubtracted_SoPacingDoesNotDrift()
    {
        var time = new ManualTime();
        var clock = new ReplayClock(60, time, time.Delay);
        await clock.WaitUntilAsync(T0, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromMilliseconds(400)); // the first call took 0.4 s to process
        await clock.WaitUntilAsync(T0.AddMinutes(1), TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(5));        // a slow call: already behind, no wait
        await clock.WaitUntilAsync(T0.AddMinutes(2), TestContext.Current.CancellationToken);
        Assert.Equal([TimeSpan.FromMilliseconds(600)], time.Delays);
    }

    [Fact]
    public async Task EarlierLogTime_DoesNotWait()
    {
        var time = new ManualTime();
        var clock = new ReplayClock(1, time, time.Delay);
        await clock.WaitUntilAsync(T0, TestContext.Current.CancellationToken);
        await clock.WaitUntilAsync(T0.AddSeconds(-30), TestContext.Current.CancellationToken);
        Assert.Empty(time.Delays);
    }

    [Fact]
    public async Task AsFastAsPossible_NeverWaits()
    {
        var time = new ManualTime();
        var clock = new ReplayClock(ReplayClock.AsFastAsPossible, time, time.Delay);
        for (int day = 0; day < 14; day++) await clock.WaitUntilAsync(T0.AddDays(day), TestContext.Current.CancellationToken);
        Assert.Empty(time.Delays);
        Assert.Equal(TimeSpan.Zero, clock.Waited);
    }

    [Fact]
    public async Task Cancellation_StopsTheWait()
    {
        var clock = ReplayClock.Unpaced();
        await Assert.ThrowsAsync<OperationCanceledException>(() => clock.WaitUntilAsync(T0, new CancellationToken(true)).AsTask());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void NegativeOrNonFiniteSpeed_IsRejected(double speed) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReplayClock(speed));
}
