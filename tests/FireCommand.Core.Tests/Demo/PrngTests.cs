using FireCommand.Core.Demo;

namespace FireCommand.Core.Tests.Demo;

public sealed class PrngTests
{
    [Fact]
    public void NextUInt64_IsXoshiro256StarStarSeededBySplitMix64()
    {
        // Reference values from an independent port of the published C code (Blackman & Vigna) for
        // s[i] = splitmix64(seed) with seed = 0: a change of algorithm would change every province.
        var rng = new Prng(0);

        Assert.Equal(0x99EC5F36CB75F2B4UL, rng.NextUInt64());
        Assert.Equal(0xBF6E1F784956452AUL, rng.NextUInt64());
        Assert.Equal(0x1A5F849D4933E6E0UL, rng.NextUInt64());
    }

    [Fact]
    public void Draws_StayInTheirRanges()
    {
        var rng = new Prng(42);
        for (var i = 0; i < 10_000; i++)
        {
            Assert.InRange(rng.NextDouble(), 0, 0.9999999999999999);
            Assert.InRange(rng.Between(3, 7), 3, 7);
            Assert.InRange(rng.Below(5), 0, 4);
            Assert.InRange(rng.Range(-2.5, 2.5), -2.5, 2.5);
        }
    }

    [Fact]
    public void Between_CoversTheWholeRangeEvenly()
    {
        var rng = new Prng(7);
        var counts = new int[5];
        for (var i = 0; i < 50_000; i++) counts[rng.Between(0, 4)]++;

        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void ForStage_GivesIndependentStreamsPerSeedAndStage()
    {
        var a = Prng.ForStage(1, 1).NextUInt64();

        Assert.Equal(a, Prng.ForStage(1, 1).NextUInt64());
        Assert.NotEqual(a, Prng.ForStage(2, 1).NextUInt64());
        Assert.NotEqual(a, Prng.ForStage(1, 2).NextUInt64());
    }
}
