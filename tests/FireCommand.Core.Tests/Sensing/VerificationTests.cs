using FireCommand.Core.Resources;
using FireCommand.Core.Sensing.Alarms;
using FireCommand.Core.Sensing.Devices;

namespace FireCommand.Core.Tests.Sensing;

public sealed class VerificationTests
{
    private static readonly VerificationOptions Options = new();
    private static readonly TimeOnly Day = new(14, 0);
    private static readonly TimeOnly Night = new(23, 0);

    [Theory]
    [InlineData(KeyPlaceCategory.HistoricTown, 14, 0, 180)]   // base
    [InlineData(KeyPlaceCategory.HighRise, 14, 0, 120)]       // 180 × 2/3
    [InlineData(KeyPlaceCategory.HistoricTown, 23, 0, 120)]   // night: 180 × 2/3
    [InlineData(KeyPlaceCategory.Crowded, 23, 0, 80)]         // 180 × 2/3 × 2/3
    [InlineData(KeyPlaceCategory.HistoricTown, 14, 3, 270)]   // 3 false alarms: 180 × 1.5
    [InlineData(KeyPlaceCategory.Underground, 23, 5, 120)]    // 180 × 4/9 × 1.5
    [InlineData(KeyPlaceCategory.HistoricTown, 5, 2, 120)]    // 05:00 is still night; 2 false alarms do not count
    public void Window_ScalesWithPlaceTimeAndHistory(KeyPlaceCategory category, int hour, int falseAlarms, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), VerificationWindow.For(Options, category, new TimeOnly(hour, 0), falseAlarms));
    }

    [Fact]
    public void Window_StaysWithinItsBounds()
    {
        var wide = new VerificationOptions { BaseSeconds = 400 };
        Assert.Equal(TimeSpan.FromSeconds(300), VerificationWindow.For(wide, KeyPlaceCategory.None, Day, 9));
        var narrow = new VerificationOptions { BaseSeconds = 90 };
        Assert.Equal(TimeSpan.FromSeconds(60), VerificationWindow.For(narrow, KeyPlaceCategory.HighRise, Night, 0));
    }

    private static SensingAlarm PendingFire(long device = 1, string component = "1-1/1-0001", string? zone = "3F-A", long place = 10)
    {
        var a = new SensingAlarm
        {
            DeviceId = device, DeviceKey = "gb26875:000000000001", Component = component, Type = SensingAlarm.FireType,
            RuleCode = "fire", KeyPlaceId = place, Zone = zone,
        };
        a.Open(null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(3), null);
        return a;
    }

    private static FireSignal Signal(string type, long device = 1, string component = "1-1/1-0002", string? zone = "3F-A",
        long place = 10, DevicePointKind? kind = DevicePointKind.Detector) => new(device, component, type, kind, place, zone);

    [Fact]
    public void Corroboration_FollowsTheRules()
    {
        var pending = PendingFire();
        Assert.Equal("second_detector", Corroboration.Confirms(Signal("fire"), pending));
        Assert.Equal("second_detector", Corroboration.Confirms(Signal("fire", device: 2, component: "1-1/1-0001"), pending));
        Assert.Null(Corroboration.Confirms(Signal("fire", component: "1-1/1-0001"), pending));          // the same detector again
        Assert.Null(Corroboration.Confirms(Signal("fire", zone: "3F-B"), pending));                      // another zone
        Assert.Null(Corroboration.Confirms(Signal("fire", zone: null), pending));                        // zone unknown
        Assert.Null(Corroboration.Confirms(Signal("fire", place: 11), pending));                         // another place
        Assert.Equal("manual_call_point", Corroboration.Confirms(Signal("manual_call_point"), pending));
        Assert.Equal("water_flow", Corroboration.Confirms(Signal("water_flow"), pending));
        Assert.Null(Corroboration.Confirms(Signal("water_flow", zone: "1F"), pending));
        Assert.Equal("pump_start", Corroboration.Confirms(Signal("pump_start", zone: "B1"), pending));   // a pump serves the building
        Assert.Null(Corroboration.Confirms(Signal("fault"), pending));
        Assert.Equal("controller", Corroboration.Confirms(Signal("fire", component: "", kind: null), pending));
    }

    [Fact]
    public void Corroboration_OfAnAlarmNoLongerPending_IsNone()
    {
        var confirmed = PendingFire();
        confirmed.Confirm(DateTimeOffset.UnixEpoch, "person");
        Assert.Null(Corroboration.Confirms(Signal("fire"), confirmed));
    }

    [Fact]
    public void ConfirmsItself_OnlyAPersonsButtonOrTheController()
    {
        Assert.Null(Corroboration.ConfirmsItself(Signal("fire")));
        Assert.Equal("manual_call_point", Corroboration.ConfirmsItself(Signal("manual_call_point", kind: null)));
        Assert.Equal("manual_call_point", Corroboration.ConfirmsItself(Signal("fire", kind: DevicePointKind.ManualCallPoint)));
        Assert.Equal("controller", Corroboration.ConfirmsItself(Signal("fire", kind: DevicePointKind.Controller)));
        Assert.Equal("controller", Corroboration.ConfirmsItself(Signal("fire", component: "", kind: null)));
    }

    [Fact]
    public void Alarm_Transitions_RefuseWhatTheStateForbids()
    {
        var fire = PendingFire();
        fire.Repeat(null, DateTimeOffset.UnixEpoch.AddSeconds(5));
        Assert.Equal(2, fire.Count);
        fire.Confirm(DateTimeOffset.UnixEpoch.AddSeconds(10), "person");
        fire.LinkIncident(7, DateTimeOffset.UnixEpoch.AddSeconds(11));
        Assert.Throws<IllegalAlarmChangeException>(() => fire.Dismiss(DateTimeOffset.UnixEpoch.AddSeconds(20), "x"));
        fire.Clear(DateTimeOffset.UnixEpoch.AddSeconds(30), "x");
        Assert.Throws<IllegalAlarmChangeException>(() => fire.Acknowledge(DateTimeOffset.UnixEpoch.AddSeconds(40), "x"));
        Assert.Throws<IllegalAlarmChangeException>(() => fire.Clear(DateTimeOffset.UnixEpoch.AddSeconds(40), "x"));

        var fault = new SensingAlarm { DeviceKey = "mqtt:x", Component = "", Type = "fault", RuleCode = "fault" };
        fault.Open(null, DateTimeOffset.UnixEpoch, null, null);
        Assert.Equal(SensingAlarmState.Active, fault.State);
        Assert.Throws<IllegalAlarmChangeException>(() => fault.Confirm(DateTimeOffset.UnixEpoch, "person"));
    }
}
