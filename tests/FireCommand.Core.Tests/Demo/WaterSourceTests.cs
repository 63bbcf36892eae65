using FireCommand.Core.Resources;

namespace FireCommand.Core.Tests.Demo;

[Collection(DemoProvinceCollection.Name)]
public sealed class WaterSourceTests(DemoProvinceFixture fixture)
{
    public static TheoryData<int> Seeds => new(DemoProvinceFixture.Seeds);

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_WaterSources_AreThousandsOfEveryKind(int seed)
    {
        var sources = fixture.Get(seed).WaterSources;

        Assert.InRange(sources.Count, 3_000, 8_000);
        Assert.All(Enum.GetValues<WaterSourceKind>(), k => Assert.Contains(sources, s => s.Kind == k));
        Assert.True(sources.Count(s => s.Kind == WaterSourceKind.Hydrant) > sources.Count / 2, "hydrants dominate");
        Assert.InRange(sources.Count(s => !s.InService) / (double)sources.Count, 0.015, 0.05);
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_WaterSources_CarryPlausibleCodesAndFigures(int seed)
    {
        Assert.All(fixture.Get(seed).WaterSources, s =>
        {
            Assert.Matches(@"^[A-Z]{2}-(XF|SC|TR|QS)-\d{3,5}$", s.Code);
            Assert.False(string.IsNullOrWhiteSpace(s.Address));
            switch (s.Kind)
            {
                case WaterSourceKind.Hydrant:
                    Assert.InRange(s.FlowLitersPerSecond!.Value, 10, 15);
                    Assert.Contains("-XF-", s.Code);
                    break;
                case WaterSourceKind.FirePool:
                    Assert.InRange(s.CapacityCubicMeters!.Value, 100, 2_000);
                    break;
                case WaterSourceKind.Intake:
                    Assert.InRange(s.FlowLitersPerSecond!.Value, 30, 60);
                    break;
            }
        });
    }
}
