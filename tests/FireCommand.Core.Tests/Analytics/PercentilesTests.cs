using FireCommand.Core.Analytics;

namespace FireCommand.Core.Tests.Analytics;

public class PercentilesTests
{
    // Hand-computed by nearest rank, rank = ⌈p/100 × N⌉ (1-based), on the sorted samples 15, 20, 35, 40, 50:
    // p5 → ⌈0.25⌉ = 1st = 15; p30 → ⌈1.5⌉ = 2nd = 20; p40 → ⌈2⌉ = 2nd = 20; p50 → ⌈2.5⌉ = 3rd = 35; p100 → 5th = 50.
    [Theory]
    [InlineData(5, 15)]
    [InlineData(30, 20)]
    [InlineData(40, 20)]
    [InlineData(50, 35)]
    [InlineData(90, 50)]
    [InlineData(100, 50)]
    public void NearestRank_FiveSamples_MatchesHandComputedValues(double percent, double expected) =>
        Assert.Equal(expected, Percentiles.NearestRank([15, 20, 35, 40, 50], percent));

    [Theory]
    [InlineData(50, 5)]   // ⌈5⌉ = 5th
    [InlineData(90, 9)]   // ⌈9⌉ = 9th
    [InlineData(95, 10)]  // ⌈9.5⌉ = 10th
    [InlineData(10, 1)]
    [InlineData(11, 2)]   // ⌈1.1⌉ = 2nd: nearest rank never interpolates
    public void NearestRank_OneToTen_PicksTheObservedSampleAtTheRank(double percent, double expected)
    {
        double[] oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal(expected, Percentiles.NearestRank(oneToTen, percent));
    }

    [Fact]
    public void Rank_IsExactWhereBinaryFloatingPointWouldDrift()
    {
        // In doubles 7 / 100 × 100 is 7.000000000000001, whose ceiling is 8; the 7th percentile of 100 samples is the 7th.
        Assert.Equal(7, Percentiles.Rank(100, 7));
        Assert.Equal(19, Percentiles.Rank(20, 95));
        Assert.Equal(9, Percentiles.Rank(10, 90));
        Assert.Equal(3, Percentiles.Rank(100, 2.1)); // ⌈2.1⌉
        Assert.Equal(1, Percentiles.Rank(1, 0.001));
    }

    [Fact]
    public void NearestRank_NoSamples_IsNaN() => Assert.True(double.IsNaN(Percentiles.NearestRank([], 50)));

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void NearestRank_PercentOutsideZeroToHundred_IsRejected(double percent) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.NearestRank([1, 2, 3], percent));

    [Theory]
    [InlineData(63.9, 2)]
    [InlineData(64, 4)]   // equal to the threshold counts as within
    [InlineData(0, 0)]
    [InlineData(1000, 6)]
    public void CountAtMost_CountsSamplesUpToAndIncludingTheThreshold(double threshold, int expected) =>
        Assert.Equal(expected, Percentiles.CountAtMost([30, 60, 64, 64, 65, 120], threshold));
}
