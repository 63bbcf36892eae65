using FireCommand.Core.Dispatch.Simulation;
using FireCommand.Geo;
using FireCommand.Geo.Routing;

namespace FireCommand.Core.Tests.Dispatch.Simulation;

public class RouteProgressTests
{
    private static readonly Route TwoLegs = new(300, [],
    [
        new RouteLeg(RouteLegKind.Road, new GeoPoint(27.0, 113.0), new GeoPoint(27.0, 113.1), 100, 10_000),
        new RouteLeg(RouteLegKind.Road, new GeoPoint(27.0, 113.1), new GeoPoint(27.2, 113.1), 200, 22_000),
    ]);

    [Theory]
    [InlineData(0, 27.0, 113.0)]
    [InlineData(50, 27.0, 113.05)]
    [InlineData(100, 27.0, 113.1)]
    [InlineData(200, 27.1, 113.1)]
    [InlineData(300, 27.2, 113.1)]
    [InlineData(10_000, 27.2, 113.1)]
    [InlineData(-5, 27.0, 113.0)]
    public void PositionAt_InterpolatesLegByLeg(int elapsed, double lat, double lon)
    {
        var at = RouteProgress.PositionAt(TwoLegs, elapsed);
        Assert.Equal(lat, at.Latitude, 9);
        Assert.Equal(lon, at.Longitude, 9);
    }

    [Fact]
    public void EmptyRoute_IsRefused() =>
        Assert.Throws<ArgumentException>(() => RouteProgress.PositionAt(new Route(0, [], []), 10));
}
