using FireCommand.Geo.Coordinates;

namespace FireCommand.Geo.Tests.Coordinates;

/// <summary>Reference values: the example in wandergis/coordtransform (test/app.js), the widely used
/// JavaScript implementation, for the point (116.404, 39.915) near Tiananmen.</summary>
public class ChinaCoordinatesTests
{
    private static readonly GeoPoint Beijing = new(39.915, 116.404);

    [Fact]
    public void Wgs84ToGcj02_MatchesPublishedReference()
    {
        var gcj = ChinaCoordinates.Wgs84ToGcj02(Beijing);
        Assert.Equal(39.91640428150164, gcj.Latitude, 1e-11);
        Assert.Equal(116.41024449916938, gcj.Longitude, 1e-11);
    }

    [Fact]
    public void Gcj02ToBd09_AndBack_MatchPublishedReference()
    {
        var bd = ChinaCoordinates.Gcj02ToBd09(Beijing);
        Assert.Equal(39.92133699351021, bd.Latitude, 1e-11);
        Assert.Equal(116.41036949371029, bd.Longitude, 1e-11);
        // The published BD-09 → GCJ-02 value is the closed-form approximation (about 1e-6°); ours refines it
        // until the forward transform gives the BD-09 point back.
        var gcj = ChinaCoordinates.Bd09ToGcj02(Beijing);
        Assert.Equal(39.90865673957631, gcj.Latitude, 2e-5);
        Assert.Equal(116.39762729119315, gcj.Longitude, 2e-5);
        var back = ChinaCoordinates.Gcj02ToBd09(gcj);
        Assert.Equal(Beijing.Latitude, back.Latitude, 1e-9);
        Assert.Equal(Beijing.Longitude, back.Longitude, 1e-9);
    }

    [Fact]
    public void Gcj02ToWgs84_IsTheExactInverse_AndAgreesWithTheOneStepReference()
    {
        var wgs = ChinaCoordinates.Gcj02ToWgs84(Beijing);
        // The published value uses a one-step approximation good to about a metre; ours iterates.
        Assert.Equal(39.91359571849836, wgs.Latitude, 2e-5);
        Assert.Equal(116.39775550083061, wgs.Longitude, 2e-5);
        var back = ChinaCoordinates.Wgs84ToGcj02(wgs);
        Assert.Equal(Beijing.Latitude, back.Latitude, 1e-9);
        Assert.Equal(Beijing.Longitude, back.Longitude, 1e-9);
    }

    [Theory]
    [InlineData(22.5431, 114.0579)] // Futian, Shenzhen
    [InlineData(30.6586, 104.0648)] // Chengdu
    [InlineData(45.8038, 126.5350)] // Harbin
    public void RoundTrips_AreExactBetweenAllSystems(double lat, double lon)
    {
        var p = new GeoPoint(lat, lon);
        foreach (var system in Enum.GetValues<CoordinateSystem>())
        {
            var there = ChinaCoordinates.Convert(p, CoordinateSystem.Wgs84, system);
            var back = ChinaCoordinates.Convert(there, system, CoordinateSystem.Wgs84);
            Assert.True(p.DistanceMetersTo(back) < 0.5, $"{system}: {p.DistanceMetersTo(back)} m");
        }
        // The offsets are real: hundreds of metres, which is why raw phone coordinates must be converted.
        Assert.InRange(p.DistanceMetersTo(ChinaCoordinates.Wgs84ToGcj02(p)), 100, 1000);
    }

    [Fact]
    public void OutsideChina_Gcj02IsWgs84()
    {
        var bayreuth = new GeoPoint(50.0, 11.55);
        Assert.Equal(bayreuth, ChinaCoordinates.Wgs84ToGcj02(bayreuth));
        Assert.Equal(bayreuth, ChinaCoordinates.Gcj02ToWgs84(bayreuth));
    }
}
