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
        Assert.Equal(LineSeconds(0, 2), m.Seconds(1, 2)!.Value, 0.5);
        Assert.Equal(LineSeconds(2, 0), m.Seconds(2, 1)!.Value, 0.5);
        // Station 3's district point lies 1 km nearer than the station itself.
        Assert.Equal(LineSeconds(0, 8), m.Seconds(1, 3)!.Value, 0.5);
        Assert.Equal(LineSeconds(9, 0), m.Seconds(3, 1)!.Value, 0.5);
        Assert.Equal(LineSeconds(9, 8), m.Seconds(3, 3)!.Value, 0.5);
        Assert.Null(m.Seconds(4, 1));
        Assert.Null(m.Seconds(1, 99));
    }

    [Fact]
    public void Compute_LeavesPairsBeyondTheLimitWithoutATime()
    {
        var bounded = StationTravelMatrix.Compute(Engine, Stations, limitSeconds: LineSeconds(2, 0) + 1);
        Assert.NotNull(bounded.Seconds(2, 1));
        Assert.Null(bounded.Seconds(1, 3));
    }

    [Fact]
    public void Matrix_FeedsTheMoveUpAdvisor()
    {
        var m = StationTravelMatrix.Compute(Engine, Stations);
        var units = new[] { new StandbyUnit(20, "E20", UnitCapability.Water, 2), new StandbyUnit(21, "E21", UnitCapability.Water, 2) };
        var advice = MoveUpAdvisor.Suggest(Stations[..3], units, m.Seconds, new MoveUpOptions { StandardSeconds = LineSeconds(2, 0) - 1 });
        // Station 2 keeps one of its two engines; it cannot spare the second for station 3 without uncovering itself.
        var move = Assert.Single(advice.MoveUps);
        Assert.Equal((2L, 1L), (move.FromStationId, move.ToStationId));
        Assert.Equal("move-up-no-donor", advice.Uncovered.Single(d => d.StationId == 3).Reason.Code);
    }

    /// <summary>
    /// The reference: the test road is a line, so the only route between two of its junctions runs
    /// over the arcs in between, and their times summed are the travel time (no search involved).
    /// </summary>
    private static double LineSeconds(int fromKm, int toKm)
    {
        var g = Engine.Graph;
        int Junction(int km) => Enumerable.Range(0, g.NodeCount)
            .MinBy(v => Math.Abs(g.Coordinate(v).Longitude - East(km).Longitude));
        var step = fromKm < toKm ? 1 : -1;
        var deciseconds = 0;
        for (var k = fromKm; k != toKm; k += step) deciseconds += g.ArcTime(Junction(k), Junction(k + step));
        return deciseconds / 10.0;
    }
}
