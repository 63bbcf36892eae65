using FireCommand.Geo;
using FireCommand.Geo.Routing;

namespace FireCommand.Core.Dispatch.Simulation;

/// <summary>Where a vehicle is along a route after a given time: leg by leg, linearly within a leg.</summary>
public static class RouteProgress
{
    /// <summary>The point reached after <paramref name="elapsedDeciseconds"/>; the end once the route is done.</summary>
    /// <param name="route">The route, times in tenths of a second.</param>
    /// <param name="elapsedDeciseconds">Time since departure.</param>
    public static GeoPoint PositionAt(Route route, int elapsedDeciseconds)
    {
        if (route.Legs.Count == 0) throw new ArgumentException("The route has no legs.", nameof(route));
        var left = Math.Max(0, elapsedDeciseconds);
        foreach (var leg in route.Legs)
        {
            if (left < leg.Time && leg.Time > 0)
            {
                var f = (double)left / leg.Time;
                return new GeoPoint(leg.From.Latitude + (leg.To.Latitude - leg.From.Latitude) * f,
                    leg.From.Longitude + (leg.To.Longitude - leg.From.Longitude) * f);
            }
            left -= leg.Time;
        }
        return route.Legs[^1].To;
    }
}
