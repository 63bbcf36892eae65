using FireCommand.Core.Dispatch.Simulation;
using FireCommand.Geo;

namespace FireCommand.Core.Tests.Dispatch.Simulation;

public class CallGeneratorTests
{
    private static readonly DemandPoint[] Towns =
    [
        new(new GeoPoint(27.0, 113.0), "大城", 900_000, true),
        new(new GeoPoint(27.5, 113.5), "小村", 900, false),
    ];

    private static readonly DateTimeOffset Noon = new(2026, 11, 28, 12, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset ThreeAm = new(2026, 11, 28, 3, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void SameSeed_GivesTheSameCalls()
    {
        var a = new CallGenerator(Towns, 60, 7).Next(Noon, TimeSpan.FromHours(2));
        var b = new CallGenerator(Towns, 60, 7).Next(Noon, TimeSpan.FromHours(2));
        Assert.Equal(a, b);
        Assert.NotEmpty(a);
    }

    [Fact]
    public void Calls_FollowPopulation_AndTheHourOfDay()
    {
        var generator = new CallGenerator(Towns, 60, 11);
        var day = Enumerable.Range(0, 50).SelectMany(_ => generator.Next(Noon, TimeSpan.FromHours(1))).ToList();
        var night = Enumerable.Range(0, 50).SelectMany(_ => generator.Next(ThreeAm, TimeSpan.FromHours(1))).ToList();
        // Noon's rate factor is 1.3, 3 am's 0.3: over 50 hours each, the counts cannot overlap.
        Assert.True(day.Count > 2 * night.Count, $"day {day.Count}, night {night.Count}");
        Assert.True(day.Count(c => c.Address.StartsWith("大城", StringComparison.Ordinal)) > 0.95 * day.Count);
        Assert.All(day, c => Assert.InRange(c.Location.Latitude, 26.99, 27.51));
    }

    [Fact]
    public void NoTime_NoCalls() => Assert.Empty(new CallGenerator(Towns, 60, 1).Next(Noon, TimeSpan.Zero));

    [Fact]
    public void NoDemand_IsRefused() => Assert.Throws<ArgumentException>(() => new CallGenerator([], 10, 1));
}
