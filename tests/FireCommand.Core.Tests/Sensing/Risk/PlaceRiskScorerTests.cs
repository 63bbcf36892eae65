using FireCommand.Core.Resources;
using FireCommand.Core.Sensing.Risk;

namespace FireCommand.Core.Tests.Sensing.Risk;

public sealed class PlaceRiskScorerTests
{
    private static readonly PlaceRiskFacts Quiet = new(KeyPlaceCategory.None, null, null, 0, null, null, 0, 0, 0, 0, false, false, 0, 0);

    [Fact]
    public void OrdinaryPlace_WithNothingWrong_ScoresZero_Low()
    {
        var score = PlaceRiskScorer.Score(Quiet);
        Assert.Equal(0, score.Score);
        Assert.Equal(RiskLevel.Low, score.Level);
        Assert.Empty(score.Reasons);
    }

    [Fact]
    public void CrowdedHighRise_WithFaultsAndLowPressure_IsScoredAsWorkedByHand()
    {
        var facts = Quiet with
        {
            Categories = KeyPlaceCategory.HighRise | KeyPlaceCategory.Crowded, HeightMeters = 60, Occupants = 500, FiresLastYear = 1,
            ActiveFaults = 2, ShieldedZones = 1, DevicesOffline = 1, DevicesTotal = 4, LowPipePressure = true, AlarmsLast24Hours = 2,
        };
        var score = PlaceRiskScorer.Score(facts);
        // Static: high-rise 14 + a third of crowded's 12 = 18; height 60 m: 6; 500 people: 5; one fire: 5 → 34.
        // Live: 2 faults 8; 1 shielded zone 5; 1 of 4 devices offline 3.75; low pressure 10; 2 alarms 6 → 32.75.
        Assert.Equal(34, score.StaticPoints, 6);
        Assert.Equal(32.75, score.LivePoints, 6);
        Assert.Equal(66.8, score.Score, 6);
        Assert.Equal(RiskLevel.Considerable, score.Level);
        Assert.Equal("category.highRise", score.Reasons[0].Code);
        Assert.Contains(score.Reasons, r => r.Code == "offline" && r.Points == 3.75 && r.Value == 1);
    }

    [Fact]
    public void ReasonsAddUpToTheScore_EvenWhenCapped_AndTheScoreStaysWithinItsBounds()
    {
        var random = new Random(26875);
        for (var i = 0; i < 2_000; i++)
        {
            var score = PlaceRiskScorer.Score(RandomFacts(random));
            Assert.InRange(score.Score, 0, 100);
            Assert.InRange(score.StaticPoints, 0, PlaceRiskScorer.MaxStatic);
            Assert.InRange(score.LivePoints, 0, PlaceRiskScorer.MaxLive);
            Assert.Equal(score.Score, score.Reasons.Sum(r => r.Points), 0.051);
            Assert.Equal(PlaceRiskScorer.LevelOf(score.Score), score.Level);
        }
    }

    [Fact]
    public void MoreThingsWrong_NeverLowerTheScore()
    {
        var random = new Random(4);
        for (var i = 0; i < 2_000; i++)
        {
            var facts = RandomFacts(random);
            var before = PlaceRiskScorer.Score(facts).Score;
            PlaceRiskFacts[] worse =
            [
                facts with { ActiveFaults = facts.ActiveFaults + 1 },
                facts with { ShieldedZones = facts.ShieldedZones + 1 },
                facts with { DevicesOffline = Math.Min(facts.DevicesTotal, facts.DevicesOffline + 1) },
                facts with { LowPipePressure = true },
                facts with { LowTankLevel = true },
                facts with { AlarmsLast24Hours = facts.AlarmsLast24Hours + 1 },
                facts with { FiresLastYear = facts.FiresLastYear + 1 },
                facts with { OpenHazards = (facts.OpenHazards ?? 0) + 1 },
                facts with { Categories = facts.Categories | KeyPlaceCategory.Petrochemical },
                facts with { HeightMeters = (facts.HeightMeters ?? 0) + 50 },
            ];
            foreach (var w in worse) Assert.True(PlaceRiskScorer.Score(w).Score >= before - 1e-9, $"{w} scored below {facts}");
        }
    }

    [Theory]
    [InlineData(24.9, RiskLevel.Low)]
    [InlineData(25, RiskLevel.General)]
    [InlineData(49.9, RiskLevel.General)]
    [InlineData(50, RiskLevel.Considerable)]
    [InlineData(75, RiskLevel.Major)]
    public void Levels_FollowTheFourColourBands(double score, RiskLevel level) => Assert.Equal(level, PlaceRiskScorer.LevelOf(score));

    [Theory]
    [InlineData(null, 40, RiskTrend.Steady)]
    [InlineData(40.0, 44, RiskTrend.Steady)]
    [InlineData(40.0, 46, RiskTrend.Rising)]
    [InlineData(46.0, 40, RiskTrend.Falling)]
    public void Trend_IgnoresSmallMoves(double? previous, double current, RiskTrend trend) =>
        Assert.Equal(trend, PlaceRiskScorer.TrendOf(previous, current));

    private static PlaceRiskFacts RandomFacts(Random r)
    {
        var total = r.Next(0, 40);
        return new PlaceRiskFacts((KeyPlaceCategory)r.Next(0, 1 << 13), r.Next(3) == 0 ? null : r.Next(0, 300), r.Next(3) == 0 ? null : r.Next(0, 5000),
            r.Next(0, 4), r.Next(2) == 0 ? null : r.Next(0, 10), r.Next(2) == 0 ? null : r.Next(0, 101), r.Next(0, 8), r.Next(0, 6),
            total == 0 ? 0 : r.Next(0, total + 1), total, r.Next(2) == 0, r.Next(2) == 0, r.Next(0, 6), r.Next(0, 3));
    }
}
