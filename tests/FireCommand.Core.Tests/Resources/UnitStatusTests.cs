using FireCommand.Core.Resources;
using FireCommand.Core.Shared;

namespace FireCommand.Core.Tests.Resources;

public class UnitStatusTests
{
    [Theory]
    [InlineData(10, UnitStatus.Available)]
    [InlineData(20, UnitStatus.Dispatched)]
    [InlineData(21, UnitStatus.EnRoute)]
    [InlineData(22, UnitStatus.OnScene)]
    [InlineData(23, UnitStatus.WaterOn)]
    [InlineData(24, UnitStatus.WaterOff)]
    [InlineData(25, UnitStatus.Returning)]
    [InlineData(26, UnitStatus.Standby)]
    [InlineData(27, UnitStatus.WaterShuttle)]
    [InlineData(30, UnitStatus.Training)]
    public void Code_MatchesGaT974_39(int code, UnitStatus status)
    {
        Assert.Equal(code, status.Code());
        Assert.True(UnitStatusCodes.TryFromCode(code, out var parsed));
        Assert.Equal(status, parsed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(28)]
    [InlineData(99)]
    [InlineData(-10)]
    public void TryFromCode_UnknownCode_IsRejected(int code) =>
        Assert.False(UnitStatusCodes.TryFromCode(code, out _));

    [Fact]
    public void ChangeStatus_FollowsTheWholeCallCycle()
    {
        var unit = NewUnit();
        var t = DateTimeOffset.Parse("2026-11-28T08:00:00Z");
        UnitStatus[] cycle = [UnitStatus.Dispatched, UnitStatus.EnRoute, UnitStatus.OnScene, UnitStatus.WaterOn,
            UnitStatus.WaterOff, UnitStatus.Returning, UnitStatus.Available];
        foreach (var (status, i) in cycle.Select((s, i) => (s, i)))
        {
            unit.ChangeStatus(status, t.AddMinutes(i));
            Assert.Equal(status, unit.Status);
            Assert.Equal(t.AddMinutes(i), unit.StatusChangedAt);
        }
    }

    [Theory]
    [InlineData(UnitStatus.Available, UnitStatus.OnScene)]
    [InlineData(UnitStatus.Available, UnitStatus.WaterOn)]
    [InlineData(UnitStatus.Available, UnitStatus.Returning)]
    [InlineData(UnitStatus.UnderRepair, UnitStatus.Dispatched)]
    [InlineData(UnitStatus.Decommissioned, UnitStatus.Available)]
    [InlineData(UnitStatus.WaterOn, UnitStatus.Returning)]
    public void ChangeStatus_IllegalMove_IsRejectedAndChangesNothing(UnitStatus from, UnitStatus to)
    {
        var unit = NewUnit();
        var before = DateTimeOffset.Parse("2026-11-28T08:00:00Z");
        unit.InitialiseStatus(from, before);
        var e = Assert.Throws<IllegalStatusChangeException>(() => unit.ChangeStatus(to, before.AddMinutes(1)));
        Assert.Equal(from, e.From);
        Assert.Equal(to, e.To);
        Assert.Equal(from, unit.Status);
        Assert.Equal(before, unit.StatusChangedAt);
    }

    [Fact]
    public void EveryStatus_HasAWayBackToAvailable()
    {
        foreach (var start in Enum.GetValues<UnitStatus>())
        {
            var seen = new HashSet<UnitStatus> { start };
            var frontier = new Queue<UnitStatus>([start]);
            while (frontier.TryDequeue(out var s))
                foreach (var next in UnitStatusCodes.NextStatuses(s))
                    if (seen.Add(next)) frontier.Enqueue(next);
            Assert.Contains(UnitStatus.Available, seen);
        }
    }

    [Fact]
    public void OnlyFreeUnits_CanBeDispatched()
    {
        Assert.True(UnitStatus.Available.CanBeDispatched());
        Assert.True(UnitStatus.Returning.CanBeDispatched());
        Assert.False(UnitStatus.OnScene.CanBeDispatched());
        Assert.False(UnitStatus.UnderRepair.CanBeDispatched());
        Assert.All(Enum.GetValues<UnitStatus>().Where(s => s.IsOnIncident()), s => Assert.False(s.CanBeDispatched()));
    }

    private static Unit NewUnit() => new() { CallSign = "测试 水罐1", Position = Geography.Point(28, 115) };
}
