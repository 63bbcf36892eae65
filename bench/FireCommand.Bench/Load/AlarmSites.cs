using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace FireCommand.Bench.Load;

/// <summary>
/// Where the simulated fires are: within about 1 km of a random station (inside its jurisdiction,
/// near its roads), and always inside the province. Stations near the border would otherwise put a
/// few jittered points across it, which the API rightly refuses; those are not the load we measure.
/// Immutable; thread-safe.
/// </summary>
internal sealed class AlarmSites(IReadOnlyList<(double Lat, double Lon)> stations, IPreparedGeometry? province)
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public int Count => stations.Count;

    public (double Lat, double Lon) Pick(Random rng)
    {
        var (lat, lon) = stations[rng.Next(stations.Count)];
        for (int attempt = 0; attempt < 50; attempt++)
        {
            var site = (Lat: lat + (rng.NextDouble() - 0.5) * 0.018, Lon: lon + (rng.NextDouble() - 0.5) * 0.02);
            if (province is null || province.Covers(Factory.CreatePoint(new Coordinate(site.Lon, site.Lat)))) return site;
        }
        // The station itself lies inside the province.
        return (lat, lon);
    }

    /// <summary>The corps' boundary (the jurisdiction without a parent) from the One Map's GeoJSON layer.</summary>
    public static IPreparedGeometry? ProvinceOf(JsonObject featureCollection)
    {
        var corps = featureCollection["features"]?.AsArray()
            .FirstOrDefault(f => f?["properties"]?["parentId"] is null && f?["geometry"] is JsonObject);
        if (corps?["geometry"] is not JsonObject geometry) return null;
        var coordinates = geometry["coordinates"]!.AsArray();
        Geometry shape = geometry["type"]!.GetValue<string>() switch
        {
            "Polygon" => PolygonOf(coordinates),
            "MultiPolygon" => Factory.CreateMultiPolygon([.. coordinates.Select(p => PolygonOf(p!.AsArray()))]),
            var other => throw new InvalidDataException($"the province's boundary is a {other}, not a polygon"),
        };
        return PreparedGeometryFactory.Prepare(shape);
    }

    private static Polygon PolygonOf(JsonArray rings)
    {
        var linear = rings.Select(r => Factory.CreateLinearRing(
            [.. r!.AsArray().Select(c => new Coordinate(c![0]!.GetValue<double>(), c[1]!.GetValue<double>()))])).ToList();
        return Factory.CreatePolygon(linear[0], [.. linear.Skip(1)]);
    }
}
