using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Core.Resources;
using static FireCommand.Core.Tests.Dispatch.TestRoad;

namespace FireCommand.Core.Tests.Dispatch;

public class StationTravelMatrixTests
{
    private static readonly MoveUpStation[] Stations =
    [
        new(1, "S1", East(0)), new(2, "S2", East(2)), new(3, "S3", East(9), DistrictPoint: East(8)), new(4, "Far", North(East(5), 5000)),
    ];

    [Fact]
    public void Compute_GivesRoadTimesBetweenStationsAndDistrictPoints()
    {
        var m = StationTravelMatrix.Compute(Engine, Stations);
        Assert.Equal(0, m.Seconds(1, 1));
        Assert.True(m.Seconds(1, 2) > 0);
        Assert.True(m.Seconds(2, 1) > 0);
        // Station 3's district point lies 1 km nearer than the station itself.
        Assert.True(m.Seconds(1, 3) < m.Seconds(3, 1));
        Assert.True(m.Seconds(3, 3) > 0);
        Assert.Null(m.Seconds(4, 1));
        Assert.Null(m.Seconds(1, 99));
    }

    [Fact]
    public void Compute_LeavesPairsBeyondTheLimitWithoutATime()
    {
        var full = StationTravelMatrix.Compute(Engine, Stations);
        var bounded = StationTravelMatrix.Compute(Engine, Stations, limitSeconds: full.Seconds(2, 1)!.Value + 1);
        Assert.NotNull(bounded.Seconds(2, 1));
        Assert.Null(bounded.Seconds(1, 3));
    }

    [Fact]
    public void Matrix_FeedsTheMoveUpAdvisor()
    {
        var m = StationTravelMatrix.Compute(Engine, Stations);
        var units = new[] { new StandbyUnit(20, "E20", UnitCapability.Water, 2), new StandbyUnit(21, "E21", UnitCapability.Water, 2) };
        var advice = MoveUpAdvisor.Suggest(Stations[..3], units, m.Seconds, new MoveUpOptions { StandardSeconds = m.Seconds(2, 1)!.Value - 1 });
        // Station 2 keeps one of its two engines; it cannot spare the second for station 3 without uncovering itself.
        var move = Assert.Single(advice.MoveUps);
        Assert.Equal((2L, 1L), (move.FromStationId, move.ToStationId));
        Assert.Equal("move-up-no-donor", advice.Uncovered.Single(d => d.StationId == 3).Reason.Code);
    }
}
