using FireCommand.Core.Demo.Sensing;
using FireCommand.Core.Resources;
using FireCommand.Core.Sensing;
using FireCommand.Core.Sensing.Alarms;
using FireCommand.Core.Sensing.Devices;
using FireCommand.Core.Sensing.Gb26875;
using FireCommand.Core.Sensing.Mqtt;

namespace FireCommand.Core.Tests.Demo.Sensing;

/// <summary>The demo's device plan and script: reproducible, addressed as the codecs address them, and telling false alarms from fires.</summary>
public sealed class DemoDevicePlanTests
{
    private static readonly DemoPlace[] Places = [.. Enumerable.Range(1, 50)
        .Select(i => new DemoPlace(i, 100 + i % 3, $"单位{i}", KeyPlaceCategory.HighRise, i % 6))];

    [Fact]
    public void Plan_IsTheSameForTheSameSeed_AndKeysAreUnique()
    {
        var a = DemoDevicePlanner.Plan(Places, 300, 7);
        var b = DemoDevicePlanner.Plan(Places.Reverse().ToArray(), 300, 7);
        Assert.Equal(a.Select(d => (d.DeviceKey, d.ProfileCode, d.Place.Id, d.Normal)), b.Select(d => (d.DeviceKey, d.ProfileCode, d.Place.Id, d.Normal)));
        Assert.Equal(300, a.Select(d => d.DeviceKey).Distinct().Count());
        Assert.All(a.Where(d => d.MqttId is not null), d => Assert.True(MqttTopic.IsValidDeviceId(d.MqttId)));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(40)]
    [InlineData(2000)]
    public void EveryCount_HasBothTransports_AndEveryCountFromTwelveUp_EverySensorKind(int count)
    {
        var plan = DemoDevicePlanner.Plan(Places, count, 1);
        Assert.Equal(count, plan.Count);
        Assert.Contains(plan, d => d.Transport == DeviceTransport.Gb26875);
        Assert.Contains(plan, d => d.Transport == DeviceTransport.Mqtt);
        if (count >= 12) Assert.Equal(6, plan.Where(d => d.MqttId is not null).Select(d => d.ProfileCode).Distinct().Count());
    }

    [Fact]
    public void APointsComponent_IsTheKeyTheMapperGivesAFrameFromIt()
    {
        var device = DemoDevicePlanner.Plan(Places, 10, 1).First(d => d.IsGb26875);
        var time = Gb26875Time.From(new DateTime(2026, 12, 3, 9, 0, 0));
        foreach (var p in device.Points)
        {
            var frame = new Gb26875Frame(1, 1, 1, time, device.Address, default, Gb26875Command.SendData,
                Gb26875Adu.Of(2, new Gb26875ComponentState(DemoDevicePlanner.SystemType, DemoDevicePlanner.SystemAddress, p.ComponentType,
                    Gb26875ComponentAddress.Of(p.ZoneNumber, p.PointNumber), 0x0003, Gb26875Description.FromText(p.Description), time)));
            var decoded = Gb26875FrameCodec.Decode(Gb26875FrameCodec.Encode(frame));
            var message = Assert.Single(Gb26875MessageMapper.Map(decoded.Frame!, TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch));
            Assert.Equal(device.DeviceKey, message.DeviceKey);
            Assert.Equal(p.Component, message.Component);
            Assert.Equal(p.Kind == DevicePointKind.ManualCallPoint ? "manual_call_point" : "fire", message.Type);
        }
    }

    [Fact]
    public void Script_IsReproducible_AFiresConfirmationIsAnotherPointOfItsZone_AndFalseAlarmsEndInsideTheShortestWindow()
    {
        var devices = DemoDevicePlanner.Plan(Places, 200, 3);
        var rates = new DemoRates(5, 20, 5, 2, 2);
        var one = new DemoSensingScenario(3, rates, devices);
        var two = new DemoSensingScenario(3, rates, devices);
        var shortest = TimeSpan.FromSeconds(new VerificationOptions().MinSeconds);
        var kinds = new HashSet<DemoHappeningKind>();
        for (var i = 0; i < 2000; i++)
        {
            var h = one.Next()!;
            Assert.Equal(h, two.Next());
            kinds.Add(h.Kind);
            var device = devices[h.Device];
            if (h.Kind == DemoHappeningKind.Fire)
            {
                var (detector, confirming) = (device.Points[h.Point], device.Points[h.Confirmation]);
                Assert.Equal(DevicePointKind.Detector, detector.Kind);
                Assert.NotEqual(detector.Component, confirming.Component);
                Assert.Equal(detector.Zone, confirming.Zone);
            }
            if (h.Kind == DemoHappeningKind.FalseAlarm)
            {
                Assert.True(h.Lasting < shortest, $"a false alarm lasting {h.Lasting} would outlive its window and count as a fire");
                if (device.IsGb26875) Assert.Equal(DevicePointKind.Detector, device.Points[h.Point].Kind);
            }
        }
        Assert.Equal(Enum.GetValues<DemoHappeningKind>().ToHashSet(), kinds);
    }

    [Fact]
    public void History_MostDetectorAlarmsAreFalse_AndEveryPastFireIsTiedToItsIncident()
    {
        var devices = DemoDevicePlanner.Plan(Places, 200, 3);
        var now = new DateTimeOffset(2026, 12, 3, 4, 0, 0, TimeSpan.Zero);
        var place = devices.First(d => d.IsGb26875).Place.Id;
        var history = DemoSensingHistory.Generate(devices, [new DemoPastFire(77, place, now.AddDays(-3))], now, 30, 3);
        var fires = history.Where(h => h.Type == SensingAlarm.FireType).ToList();
        var real = Assert.Single(fires, h => h.Outcome == DemoPastOutcome.Fire);
        Assert.Equal(77, real.IncidentId);
        Assert.Equal(place, real.Device.Place.Id);
        Assert.True(real.At < now.AddDays(-3));
        Assert.True(fires.Count(h => h.Outcome is DemoPastOutcome.ResetOnSite or DemoPastOutcome.Dismissed) > 10 * 1);
        Assert.All(history, h => Assert.True(h.At <= now && (h.EndedAt is null || h.EndedAt <= now)));
        Assert.Contains(history, h => h.Outcome == DemoPastOutcome.Standing);
    }
}
