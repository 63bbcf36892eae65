using FireCommand.Geo;
using FireCommand.Geo.Graph;
using FireCommand.Geo.Profiles;
using FireCommand.Geo.Routing;

namespace FireCommand.Core.Tests.Dispatch;

/// <summary>A 10 km east–west county road with a junction every kilometre, for tests that route.</summary>
internal static class TestRoad
{
    // Start first: static fields initialise in textual order and the road is built from it.
    public static readonly GeoPoint Start = new(28.0, 112.0);
    public static readonly RoutingEngine Engine = Build();

    /// <summary>The point <paramref name="km"/> kilometres east of <see cref="Start"/>, on the road.</summary>
    public static GeoPoint East(double km) => new(Start.Latitude, Start.Longitude + km / (111.32 * Math.Cos(28.0 * Math.PI / 180)));

    /// <summary>A point <paramref name="meters"/> north of <paramref name="p"/>, off the road.</summary>
    public static GeoPoint North(GeoPoint p, double meters) => p with { Latitude = p.Latitude + meters / 111_195.0 };

    private static RoutingEngine Build()
    {
        var builder = new RoadGraphBuilder();
        for (int k = 0; k < 10; k++) builder.AddSegment(k, k + 1, [East(k), East(k + 1)], RoadKind.Local, oneWay: false);
        return new RoutingEngine(builder.Build().Network);
    }
}
