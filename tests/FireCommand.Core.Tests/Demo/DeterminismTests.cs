using FireCommand.Core.Demo;

namespace FireCommand.Core.Tests.Demo;

[Collection(DemoProvinceCollection.Name)]
public sealed class DeterminismTests(DemoProvinceFixture fixture)
{
    [Fact]
    public void Generate_WithSameSeed_IsIdentical()
    {
        var again = DemoProvinceGenerator.Generate(1, DemoProvinceFixture.Now);

        Assert.Equal(ProvinceDigest.Of(fixture.Get(1)), ProvinceDigest.Of(again));
    }

    [Fact]
    public void Generate_WithDifferentSeeds_Differs()
    {
        var (one, two) = (fixture.Get(1), fixture.Get(2));

        Assert.NotEqual(ProvinceDigest.Of(one), ProvinceDigest.Of(two));
        // Not only some detail: the province itself moves.
        Assert.NotEqual(one.Bounds, two.Bounds);
    }

    [Fact]
    public void Generate_WithAnotherNow_ChangesOnlyTheStatusTimes()
    {
        var later = DemoProvinceGenerator.Generate(1, DemoProvinceFixture.Now.AddDays(3));

        Assert.Equal(ProvinceDigest.Of(fixture.Get(1), includeStatusTimes: false), ProvinceDigest.Of(later, includeStatusTimes: false));
        Assert.All(later.Units.Zip(fixture.Get(1).Units),
            pair => Assert.Equal(TimeSpan.FromDays(3), pair.First.StatusChangedAt - pair.Second.StatusChangedAt));
        Assert.All(later.Units, u => Assert.True(u.StatusChangedAt <= DemoProvinceFixture.Now.AddDays(3)));
    }
}
