using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Core.Resources;
using FireCommand.Geo;

namespace FireCommand.Core.Tests.Dispatch;

public class MoveUpAdvisorTests
{
    private static MoveUpStation Station(long id) => new(id, $"S{id}", new GeoPoint(28 + id * 0.01, 112));
    private static StandbyUnit Engine(long id, long at) => new(id, $"E{id}", UnitCapability.Water | UnitCapability.Rescue, at);

    /// <summary>Symmetric travel table; the diagonal is 0 and missing pairs have no route.</summary>
    private static StationTravelTime Table(params (long A, long B, double Seconds)[] pairs)
    {
        var map = new Dictionary<(long, long), double>();
        foreach (var (a, b, s) in pairs) { map[(a, b)] = s; map[(b, a)] = s; }
        return (from, to) => from == to ? 0 : map.TryGetValue((from, to), out var s) ? s : null;
    }

    [Fact]
    public void Suggest_WhenEveryDistrictIsCovered_SuggestsNothing()
    {
        var advice = MoveUpAdvisor.Suggest([Station(1), Station(2)], [Engine(1, 1), Engine(2, 2)], Table((1, 2, 600)));
        Assert.Empty(advice.Uncovered);
        Assert.Empty(advice.MoveUps);
    }

    [Fact]
    public void Suggest_FillsAnEmptiedStationFromTheNearestStationThatCanSpareAUnit()
    {
        // Station 1 was emptied by the dispatch. Station 2 is nearer but has one unit; station 3 has two.
        var travel = Table((1, 2, 400), (1, 3, 500), (2, 3, 700));
        var advice = MoveUpAdvisor.Suggest([Station(1), Station(2), Station(3)], [Engine(20, 2), Engine(30, 3), Engine(31, 3)], travel);

        var hole = Assert.Single(advice.Uncovered);
        Assert.Equal(1, hole.StationId);
        Assert.Equal(400, hole.NearestSeconds);
        var move = Assert.Single(advice.MoveUps);
        Assert.Equal((30L, 3L, 1L, 500.0), (move.UnitId, move.FromStationId, move.ToStationId, move.TravelSeconds));
        Assert.Equal([1L], move.DistrictsCovered);
        Assert.Equal(30, hole.CoveredByMoveUp);
        Assert.Contains(move.Reasons, r => r.Code == "move-up-donor-safe" && r.Chinese.Contains("仍有1辆"));
    }

    [Fact]
    public void Suggest_TakesTheLastUnitOfAStation_WhenANeighbourStillCoversItsDistrict()
    {
        // Station 2's district is also reached by station 4 within 5 minutes, so its only unit may go.
        var travel = Table((1, 2, 400), (1, 3, 900), (2, 4, 200), (3, 4, 900), (1, 4, 900));
        var advice = MoveUpAdvisor.Suggest([Station(1), Station(2), Station(3), Station(4)], [Engine(20, 2), Engine(30, 3), Engine(31, 3), Engine(40, 4)], travel);
        var move = Assert.Single(advice.MoveUps);
        Assert.Equal(2, move.FromStationId);
        Assert.Contains(move.Reasons, r => r.Code == "move-up-donor-safe" && r.English.Contains("neighbour"));
    }

    [Fact]
    public void Suggest_NeverUncoversADistrictToCoverAnother()
    {
        var advice = MoveUpAdvisor.Suggest([Station(1), Station(2)], [Engine(20, 2)], Table((1, 2, 400)));
        Assert.Empty(advice.MoveUps);
        Assert.Equal("move-up-no-donor", Assert.Single(advice.Uncovered).Reason.Code);
    }

    [Fact]
    public void Suggest_OneMoveCanCoverSeveralDistricts_AndUnitsMoveOnlyOnce()
    {
        // Stations 1 and 2 are both empty and 100 s apart; one unit standing by at 1 covers both.
        var travel = Table((1, 2, 100), (1, 3, 600), (2, 3, 650));
        var advice = MoveUpAdvisor.Suggest([Station(1), Station(2), Station(3)], [Engine(30, 3), Engine(31, 3), Engine(32, 3)], travel);
        var move = Assert.Single(advice.MoveUps);
        Assert.Equal([1L, 2L], move.DistrictsCovered);
        Assert.All(advice.Uncovered, d => Assert.Equal(move.UnitId, d.CoveredByMoveUp));
    }

    [Fact]
    public void Suggest_CountsOnlyUnitsWithTheCoverCapability()
    {
        var command = new StandbyUnit(10, "C10", UnitCapability.Command, 1);
        var advice = MoveUpAdvisor.Suggest([Station(1), Station(2)], [command, Engine(20, 2), Engine(21, 2)], Table((1, 2, 400)));
        Assert.Equal(1, Assert.Single(advice.Uncovered).StationId);
        Assert.Equal(20, Assert.Single(advice.MoveUps).UnitId);
    }

    [Fact]
    public void Suggest_UsesTheDistrictPointsTravelTime_AndReportsDistrictsNoStandbyCanCover()
    {
        StationTravelTime travel = (from, to) => (from, to) switch { (1, 1) => 420, (2, 2) => 0, (2, 1) => 500, (1, 2) => 500, _ => null };
        var advice = MoveUpAdvisor.Suggest([Station(1), Station(2)], [Engine(20, 2), Engine(21, 2)], travel);
        Assert.Equal("move-up-station-too-far", Assert.Single(advice.Uncovered).Reason.Code);
        Assert.Empty(advice.MoveUps);
    }

    [Fact]
    public void Suggest_StopsAtTheMoveLimit()
    {
        var travel = Table((1, 9, 400), (2, 9, 400), (1, 2, 900));
        var advice = MoveUpAdvisor.Suggest([Station(1), Station(2), Station(9)], [Engine(90, 9), Engine(91, 9), Engine(92, 9)], travel,
            new MoveUpOptions { MaxMoves = 1 });
        Assert.Single(advice.MoveUps);
        Assert.Contains(advice.Uncovered, d => d.Reason.Code == "move-up-limit");
    }

    [Fact]
    public void Suggest_RejectsUnitsAtUnknownStations() =>
        Assert.Throws<ArgumentException>(() => MoveUpAdvisor.Suggest([Station(1)], [Engine(1, 5)], Table()));
}
