using FireCommand.Core.Demo;

namespace FireCommand.Core.Tests.Demo;

public sealed class DetMathTests
{
    [Fact]
    public void SinCos_AgreeWithTheLibraryToAFewUlp()
    {
        for (var x = -40.0; x < 40; x += 0.00731)
        {
            Assert.Equal(Math.Sin(x), DetMath.Sin(x), 4e-15);
            Assert.Equal(Math.Cos(x), DetMath.Cos(x), 4e-15);
        }
    }

    [Fact]
    public void AtanAsin_AgreeWithTheLibraryToAFewUlp()
    {
        for (var x = -50.0; x < 50; x += 0.0137) Assert.Equal(Math.Atan(x), DetMath.Atan(x), 1e-15);
        for (var x = -1.0; x <= 1; x += 0.000913) Assert.Equal(Math.Asin(x), DetMath.Asin(x), 2e-15);
        Assert.Equal(Math.PI / 2, DetMath.Asin(1));
    }

    [Fact]
    public void Sin_IsExactAtTheLandmarks()
    {
        Assert.Equal(0.0, DetMath.Sin(0));
        Assert.Equal(1.0, DetMath.Sin(Math.PI / 2));
        Assert.Equal(1.0, DetMath.Cos(0));
        Assert.Equal(-1.0, DetMath.Cos(Math.PI));
    }
}
