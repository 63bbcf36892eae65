using FireCommand.Core.Demo;
using FireCommand.Core.Shared;
using NetTopologySuite.Geometries;

namespace FireCommand.Core.Tests.Demo;

public sealed class GeodesyTests
{
    [Fact]
    public void Haversine_OfOneDegreeOfLatitude_IsAbout111Km()
    {
        var meters = Geodesy.HaversineMeters(new Coordinate(113, 27), new Coordinate(113, 28));

        Assert.Equal(111_195, meters, 1.0);
    }

    [Fact]
    public void Haversine_ChangshaToWuhan_MatchesTheKnownDistance()
    {
        // Changsha (112.94, 28.23) – Wuhan (114.31, 30.59): about 295 km great-circle.
        var meters = Geodesy.HaversineMeters(new Coordinate(112.94, 28.23), new Coordinate(114.31, 30.59));

        Assert.InRange(meters, 290_000, 300_000);
    }

    [Fact]
    public void Area_OfASmallSquare_MatchesThePlanarEstimate()
    {
        // 0.1° × 0.1° at 27°N: 11.12 km × (11.12 · cos 27°) km ≈ 110.2 km².
        var square = Geography.Factory.CreatePolygon([new(113, 27), new(113.1, 27), new(113.1, 27.1), new(113, 27.1), new(113, 27)]);
        var expected = 11.1195 * 11.1195 * Math.Cos(27.05 * Math.PI / 180);

        Assert.Equal(expected, Geodesy.AreaSquareKilometers(square), expected * 1e-3);
    }

    [Fact]
    public void Area_SubtractsHolesAndIgnoresOrientation()
    {
        var shell = Geography.Factory.CreateLinearRing([new(113, 27), new(113, 27.2), new(113.2, 27.2), new(113.2, 27), new(113, 27)]);
        var hole = Geography.Factory.CreateLinearRing([new(113.05, 27.05), new(113.15, 27.05), new(113.15, 27.15), new(113.05, 27.15), new(113.05, 27.05)]);
        var withHole = Geography.Factory.CreatePolygon(shell, [hole]);

        var full = Geodesy.AreaSquareKilometers(Geography.Factory.CreatePolygon(shell));
        Assert.Equal(full * 0.75, Geodesy.AreaSquareKilometers(withHole), full * 1e-3);
    }
}
