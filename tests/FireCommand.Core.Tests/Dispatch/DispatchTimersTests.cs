using FireCommand.Core.Dispatch;
using FireCommand.Core.Dispatch.Decisions;

namespace FireCommand.Core.Tests.Dispatch;

public class DispatchTimersTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(8));
    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    private static TimerReading Incident(DispatchTimerReport r, DispatchTimerKind kind) => r.Incident.Single(t => t.Kind == kind);

    private static DispatchTimerReport Evaluate(double? dispatched, double now, IncidentType type = IncidentType.Fire, params UnitTimestamps[] units) =>
        DispatchTimers.Evaluate(new IncidentTimestamps(type, T0, dispatched is { } d ? At(d) : null), units, null, At(now));

    [Theory]
    [InlineData(30, TimerState.Ok)]
    [InlineData(64, TimerState.Ok)]
    [InlineData(64.5, TimerState.Amber)]
    [InlineData(106, TimerState.Amber)]
    [InlineData(107, TimerState.Red)]
    public void CallProcessing_EndedAt_IsJudgedAgainstNfpa1221(double dispatchedAfter, TimerState expected)
    {
        var t = Incident(Evaluate(dispatchedAfter, 1000), DispatchTimerKind.CallProcessing);
        Assert.Equal(expected, t.State);
        Assert.Equal(dispatchedAfter, t.ElapsedSeconds);
        Assert.False(t.IsRunning);
    }

    [Theory]
    [InlineData(64, TimerState.Ok)]
    [InlineData(80, TimerState.Amber)]
    [InlineData(106, TimerState.Amber)]
    [InlineData(106.1, TimerState.Overdue)]
    public void CallProcessing_StillRunning_TurnsOverdueAfterRed(double now, TimerState expected)
    {
        var t = Incident(Evaluate(null, now), DispatchTimerKind.CallProcessing);
        Assert.Equal(expected, t.State);
        Assert.True(t.IsRunning);
    }

    [Theory]
    [InlineData(72, TimerState.Ok)]      // 90 % of 80 s
    [InlineData(72.1, TimerState.Amber)]
    [InlineData(80, TimerState.Amber)]
    [InlineData(80.1, TimerState.Red)]
    public void Turnout_ForFire_Uses80Seconds(double rolledAfter, TimerState expected)
    {
        var unit = new UnitTimestamps(1, At(60), At(60 + rolledAfter), null);
        var r = Evaluate(60, 1000, IncidentType.Fire, unit);
        Assert.Equal(expected, Incident(r, DispatchTimerKind.Turnout).State);
        Assert.Equal(expected, r.Units.Single(t => t.Kind == DispatchTimerKind.Turnout).State);
    }

    [Theory]
    [InlineData(54, TimerState.Ok)]
    [InlineData(55, TimerState.Amber)]
    [InlineData(61, TimerState.Red)]
    public void Turnout_ForSocialAssistance_Uses60Seconds(double rolledAfter, TimerState expected)
    {
        var unit = new UnitTimestamps(1, At(60), At(60 + rolledAfter), null);
        Assert.Equal(expected, Incident(Evaluate(60, 1000, IncidentType.SocialAssistance, unit), DispatchTimerKind.Turnout).State);
    }

    [Theory]
    [InlineData(216, TimerState.Ok)]
    [InlineData(217, TimerState.Amber)]
    [InlineData(240, TimerState.Amber)]
    [InlineData(241, TimerState.Red)]
    public void Travel_OfTheFirstArrivingUnit_Uses240Seconds(double travel, TimerState expected)
    {
        var first = new UnitTimestamps(1, At(60), At(100), At(100 + travel));
        var second = new UnitTimestamps(2, At(60), At(100), At(100 + travel + 100));
        var r = Evaluate(60, 2000, IncidentType.Fire, first, second);
        var t = Incident(r, DispatchTimerKind.Travel);
        Assert.Equal(expected, t.State);
        Assert.Equal(1, t.UnitId);
        Assert.Equal(expected, r.Units.Single(x => x.UnitId == 1 && x.Kind == DispatchTimerKind.Travel).State);
    }

    [Fact]
    public void Travel_WhileNobodyIsOnScene_RunsFromTheFirstUnitEnRoute_AndGoesOverdue()
    {
        var unit = new UnitTimestamps(1, At(60), At(100), null);
        Assert.Equal(TimerState.Amber, Incident(Evaluate(60, 100 + 230, IncidentType.Fire, unit), DispatchTimerKind.Travel).State);
        var late = Incident(Evaluate(60, 100 + 241, IncidentType.Fire, unit), DispatchTimerKind.Travel);
        Assert.Equal(TimerState.Overdue, late.State);
        Assert.True(late.IsRunning);
    }

    [Theory]
    [InlineData(432, TimerState.Ok)]
    [InlineData(433, TimerState.Amber)]
    [InlineData(480, TimerState.Amber)]
    [InlineData(481, TimerState.Red)]
    public void FullFirstAlarm_IsTheSlowestUnitsTravel_Against480Seconds(double slowest, TimerState expected)
    {
        var units = new[] { new UnitTimestamps(1, At(60), At(100), At(200)), new UnitTimestamps(2, At(60), At(110), At(110 + slowest)) };
        var t = Incident(Evaluate(60, 3000, IncidentType.Fire, units), DispatchTimerKind.FullFirstAlarm);
        Assert.Equal(expected, t.State);
        Assert.Equal(2, t.UnitId);
        Assert.Equal(slowest, t.ElapsedSeconds);
    }

    [Fact]
    public void FullFirstAlarm_RunsUntilTheLastUnitArrives()
    {
        var units = new[] { new UnitTimestamps(1, At(60), At(100), At(200)), new UnitTimestamps(2, At(60), At(100), null) };
        var t = Incident(Evaluate(60, 100 + 500, IncidentType.Fire, units), DispatchTimerKind.FullFirstAlarm);
        Assert.Equal(TimerState.Overdue, t.State);
        Assert.Equal(500, t.ElapsedSeconds);
        Assert.Equal(TimerState.NotStarted, Incident(Evaluate(60, 100, IncidentType.Fire, new UnitTimestamps(1, At(60), null, null)), DispatchTimerKind.FullFirstAlarm).State);
    }

    [Theory]
    [InlineData(270, TimerState.Ok)]
    [InlineData(271, TimerState.Amber)]
    [InlineData(300, TimerState.Amber)]
    [InlineData(301, TimerState.Red)]
    public void StationReach_FromDispatchOrderToFirstArrival_UsesFiveMinutes(double arrivalAfterDispatch, TimerState expected)
    {
        var unit = new UnitTimestamps(1, At(60), At(120), At(60 + arrivalAfterDispatch));
        Assert.Equal(expected, Incident(Evaluate(60, 2000, IncidentType.Fire, unit), DispatchTimerKind.StationReach).State);
    }

    [Theory]
    [InlineData(345.6, TimerState.Ok)]   // 90 % of 384 s = 64 + 80 + 240
    [InlineData(346, TimerState.Amber)]
    [InlineData(384, TimerState.Amber)]
    [InlineData(385, TimerState.Red)]
    public void Total_FromCallToFirstArrival_IsTheSumOfTheParts(double arrival, TimerState expected)
    {
        var unit = new UnitTimestamps(1, At(30), At(60), At(arrival));
        var t = Incident(Evaluate(30, 5000, IncidentType.Fire, unit), DispatchTimerKind.Total);
        Assert.Equal(expected, t.State);
        Assert.Equal(384, t.RedAfterSeconds);
    }

    [Fact]
    public void Timers_NotYetStarted_SayNotStarted()
    {
        var r = Evaluate(null, 10);
        foreach (var kind in new[] { DispatchTimerKind.Turnout, DispatchTimerKind.Travel, DispatchTimerKind.FullFirstAlarm, DispatchTimerKind.StationReach })
        {
            var t = Incident(r, kind);
            Assert.Equal(TimerState.NotStarted, t.State);
            Assert.Null(t.ElapsedSeconds);
        }
        Assert.Equal(TimerState.Ok, Incident(r, DispatchTimerKind.Total).State);
    }

    [Fact]
    public void AUnitThatArrivedWithoutReportingEnRoute_IsMeasuredFromItsDispatch()
    {
        var unit = new UnitTimestamps(1, At(60), null, At(60 + 250));
        var r = Evaluate(60, 1000, IncidentType.Fire, unit);
        var travel = r.Units.Single(t => t.Kind == DispatchTimerKind.Travel);
        Assert.Equal(250, travel.ElapsedSeconds);
        Assert.Equal(TimerState.Red, travel.State);
        Assert.Equal(250, r.Units.Single(t => t.Kind == DispatchTimerKind.Turnout).ElapsedSeconds);
    }

    [Fact]
    public void Thresholds_ComeFromTheOptions()
    {
        var options = new DispatchTimerOptions { CallProcessingAmberSeconds = 30, CallProcessingRedSeconds = 45 };
        var t = DispatchTimers.Evaluate(new IncidentTimestamps(IncidentType.Fire, T0, At(40)), [], options, At(100))
            .Incident.Single(x => x.Kind == DispatchTimerKind.CallProcessing);
        Assert.Equal(TimerState.Amber, t.State);
        Assert.Throws<ArgumentException>(() => DispatchTimers.Evaluate(new IncidentTimestamps(IncidentType.Fire, T0, null), [],
            new DispatchTimerOptions { CallProcessingAmberSeconds = 200 }, At(1)));
    }

    [Fact]
    public void Elapsed_IsNeverNegative_WhenClocksDisagree()
    {
        var t = Incident(Evaluate(-5, 10), DispatchTimerKind.CallProcessing);
        Assert.Equal(0, t.ElapsedSeconds);
        Assert.Equal(TimerState.Ok, t.State);
    }
}
