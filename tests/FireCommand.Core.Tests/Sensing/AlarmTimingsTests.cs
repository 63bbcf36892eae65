using FireCommand.Core.Sensing.Alarms;

namespace FireCommand.Core.Tests.Sensing;

/// <summary>The GB 50440 intervals of an automatic fire alarm, against figures worked out by hand.</summary>
public sealed class AlarmTimingsTests
{
    // The device's clock reads 14:03:10 Beijing time when a detector goes off.
    private static readonly DateTimeOffset DeviceTime = new(2026, 11, 28, 14, 3, 10, TimeSpan.FromHours(8));

    private static SensingAlarm Alarm(double frameAfterDevice, double shownAfterFrame, double? confirmedAfterShown,
        double? incidentAfterConfirmed, bool withDeviceTime = true)
    {
        var frame = DeviceTime.ToUniversalTime().AddSeconds(frameAfterDevice);
        var shown = frame.AddSeconds(shownAfterFrame);
        var alarm = new SensingAlarm
        {
            DeviceKey = "gb26875:000000000379", Component = "1-1/1-0001", Type = SensingAlarm.FireType, RuleCode = "fire",
            FirstDeviceTime = withDeviceTime ? DeviceTime : null, FirstFrameAt = frame, CreatedAt = shown,
        };
        alarm.Open(null, frame, confirmedAfterShown is null ? shown.AddMinutes(3) : null, null);
        if (confirmedAfterShown is { } c)
        {
            var confirmed = shown.AddSeconds(c);
            alarm.Confirm(confirmed, "second_detector");
            if (incidentAfterConfirmed is { } i) alarm.LinkIncident(42, confirmed.AddSeconds(i));
        }
        return alarm;
    }

    [Fact]
    public void Intervals_AreTheStepsBetweenTheTimesKept()
    {
        // Device 14:03:10 → frame +1.25 s → shown +0.05 s → confirmed +12 s → incident +0.4 s.
        var t = AlarmTimings.Of(Alarm(1.25, 0.05, 12, 0.4));
        Assert.Equal(1.3, t.DeviceToCentreSeconds);
        Assert.True(t.DeviceToCentreMet);
        Assert.Equal(0.05, t.ReceivedToShownSeconds);
        Assert.Equal(12, t.ShownToConfirmedSeconds);
        Assert.Equal(0.4, t.ConfirmedToIncidentSeconds);
        Assert.True(t.ConfirmedToIncidentMet);
        Assert.Equal(12.45, t.FrameToIncidentSeconds);
    }

    [Theory]
    [InlineData(19.5, 0.5, true)]   // exactly 20 s is within the standard
    [InlineData(19.5, 0.501, false)]
    [InlineData(25, 0, false)]      // a device that queued its report for 25 s
    public void DeviceToCentre_IsMetUpToTwentySeconds(double frameAfterDevice, double shownAfterFrame, bool met)
    {
        Assert.Equal(met, AlarmTimings.Of(Alarm(frameAfterDevice, shownAfterFrame, 1, 1)).DeviceToCentreMet);
    }

    [Theory]
    [InlineData(3.0, true)]
    [InlineData(3.001, false)]
    [InlineData(0.2, true)]
    public void ConfirmedToIncident_IsMetUpToThreeSeconds(double incidentAfterConfirmed, bool met)
    {
        var t = AlarmTimings.Of(Alarm(1, 0, 5, incidentAfterConfirmed));
        Assert.Equal(incidentAfterConfirmed, t.ConfirmedToIncidentSeconds);
        Assert.Equal(met, t.ConfirmedToIncidentMet);
    }

    [Fact]
    public void StepsNotReached_HaveNoFigureAndNoVerdict()
    {
        var pending = AlarmTimings.Of(Alarm(2, 0.1, null, null));
        Assert.Equal((null, null, null, null), (pending.ShownToConfirmedSeconds, pending.ConfirmedToIncidentSeconds,
            pending.ConfirmedToIncidentMet, pending.FrameToIncidentSeconds));
        Assert.True(pending.DeviceToCentreMet);

        var confirmed = AlarmTimings.Of(Alarm(2, 0.1, 4, null));
        Assert.Equal(4, confirmed.ShownToConfirmedSeconds);
        Assert.Null(confirmed.ConfirmedToIncidentMet);

        // A report without a device time (an MQTT message without "ts") has no device → centre interval.
        var untimed = AlarmTimings.Of(Alarm(2, 0.1, 4, 1, withDeviceTime: false));
        Assert.Equal((null, null), (untimed.DeviceToCentreSeconds, untimed.DeviceToCentreMet));
        Assert.True(untimed.ConfirmedToIncidentMet);
    }

    [Fact]
    public void FireTimeline_StartsAtTheFirstReport_AndEndsAtTheIncidentTheSecondDetectorMade()
    {
        var start = DeviceTime.ToUniversalTime();
        // Detector 1 reports at 14:03:10 (received +2 s) and waits; detector 2 reports 30 s later and
        // confirms both at once; the incident is made from detector 2 (+0.3 s), detector 1 joins it (+0.5 s).
        var first = new SensingAlarm
        {
            Id = 7, DeviceKey = "gb26875:000000000379", Component = "1-1/1-0001", Type = SensingAlarm.FireType, RuleCode = "fire",
            FirstDeviceTime = DeviceTime, FirstFrameAt = start.AddSeconds(2), CreatedAt = start.AddSeconds(2.1),
        };
        first.Open(null, first.FirstFrameAt, first.CreatedAt.AddMinutes(3), null);
        var second = new SensingAlarm
        {
            Id = 8, DeviceKey = first.DeviceKey, Component = "1-1/1-0002", Type = SensingAlarm.FireType, RuleCode = "fire",
            FirstDeviceTime = DeviceTime.AddSeconds(30), FirstFrameAt = start.AddSeconds(31), CreatedAt = start.AddSeconds(31.05),
        };
        var confirmedAt = start.AddSeconds(31.05); // the batch's own time
        second.Open(null, confirmedAt, null, "second_detector");
        first.Confirm(confirmedAt, "second_detector");
        second.LinkIncident(42, confirmedAt.AddSeconds(0.3));
        first.LinkIncident(42, confirmedAt.AddSeconds(0.5));

        var timeline = FireTimeline.Of([second, first])!;
        Assert.Equal(DeviceTime, timeline.DeviceTime);
        Assert.Equal(start.AddSeconds(2), timeline.ReceivedAt);
        Assert.Equal(2.1, timeline.DeviceToCentreSeconds);
        Assert.Equal(confirmedAt, timeline.ConfirmedAt);
        Assert.Equal(confirmedAt.AddSeconds(0.3), timeline.IncidentCreatedAt);
        Assert.Equal(0.3, timeline.ConfirmedToIncidentSeconds);
        Assert.True(timeline.ConfirmedToIncidentMet);
        Assert.Null(FireTimeline.Of([]));
    }
}
