using System.Net;
using System.Text.Json.Nodes;
using FireCommand.Core.Data;
using FireCommand.Core.Map;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FireCommand.Web.Tests.Map;

/// <summary>
/// The road layer per zoom band, checked against the road table itself: which roads each band
/// carries, that a simplified road keeps its ends and never strays further than the band's
/// tolerance (distances computed here, on our own Web Mercator), and that a street tile holds every
/// road that crosses it, vertex for vertex.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class RoadBandTests(SqliteHost host, ITestOutputHelper output) : PlatformTest<SqliteHost>(host)
{
    // Output rounds to 6 decimals (≤ 0.08 m per axis): at zoom 14 that is under 0.01 px.
    private const double RoundingSlackPixels = 0.02;

    private async Task<Dictionary<long, RoadSegment>> RoadTableAsync()
    {
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
        return await db.RoadSegments.AsNoTracking().ToDictionaryAsync(r => r.Id);
    }

    private static (double X, double Y) Pixel(double lon, double lat, int zoom)
    {
        var worldPixels = 256.0 * (1 << zoom);
        var sinLat = Math.Sin(lat * Math.PI / 180);
        return ((lon / 360 + 0.5) * worldPixels, (0.5 - Math.Log((1 + sinLat) / (1 - sinLat)) / (4 * Math.PI)) * worldPixels);
    }

    private static double PointToSegment((double X, double Y) p, (double X, double Y) a, (double X, double Y) b)
    {
        double ab2 = (b.X - a.X) * (b.X - a.X) + (b.Y - a.Y) * (b.Y - a.Y);
        double t = ab2 == 0 ? 0 : ((p.X - a.X) * (b.X - a.X) + (p.Y - a.Y) * (b.Y - a.Y)) / ab2;
        t = Math.Max(0, Math.Min(1, t));
        return Math.Sqrt(Math.Pow(a.X + t * (b.X - a.X) - p.X, 2) + Math.Pow(a.Y + t * (b.Y - a.Y) - p.Y, 2));
    }

    private static List<(double Lon, double Lat)> Line(JsonNode feature) =>
        [.. feature["geometry"]!["coordinates"]!.AsArray().Select(c => (c![0]!.GetValue<double>(), c[1]!.GetValue<double>()))];

    private static bool Same((double Lon, double Lat) a, NetTopologySuite.Geometries.Coordinate b) =>
        Math.Abs(a.Lon - b.X) <= 1e-6 && Math.Abs(a.Lat - b.Y) <= 1e-6;

    [Fact]
    public async Task ProvinceBand_IsMuchSmallerThanTheWholeLayer_AndCarriesOnlyTheMajorClasses()
    {
        using var viewer = await Demo("viewer");
        var roads = await RoadTableAsync();
        var manifest = await viewer.GetJsonAsync("/api/map/roads/bands");
        var band = manifest["bands"]![0]!;
        Assert.Equal(["Expressway", "Arterial"], band["classes"]!.AsArray().Select(c => c!.GetValue<string>()));

        var whole = await (await viewer.GetAsync("/api/map/roads")).Content.ReadAsByteArrayAsync();
        var lowBytes = await (await viewer.GetAsync("/api/map/roads/bands/0")).Content.ReadAsByteArrayAsync();
        output.WriteLine($"whole layer {whole.Length:N0} bytes, province band {lowBytes.Length:N0} bytes");
        Assert.True(lowBytes.Length * 5 < whole.Length, $"province band {lowBytes.Length:N0} bytes, whole layer {whole.Length:N0}");

        var features = JsonNode.Parse(lowBytes)!["features"]!.AsArray();
        Assert.All(features, f => Assert.Contains(f!["properties"]!["cls"]!.GetValue<string>(), new[] { "Expressway", "Arterial" }));
        var expected = roads.Values.Where(r => r.Class is RoadClass.Expressway or RoadClass.Arterial).Select(r => r.Id).Order();
        Assert.Equal(expected, features.Select(f => f!["properties"]!["id"]!.GetValue<long>()).Order());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task SimplifiedBand_KeepsEveryRoadsEnds_AndStaysWithinItsTolerance(int index)
    {
        using var viewer = await Demo("viewer");
        var roads = await RoadTableAsync();
        var band = (await viewer.GetJsonAsync("/api/map/roads/bands"))["bands"]![index]!;
        var zoom = band["maxZoom"]!.GetValue<int>();
        var tolerance = band["tolerancePixels"]!.GetValue<double>();
        var features = (await viewer.GetJsonAsync($"/api/map/roads/bands/{index}"))["features"]!.AsArray();
        Assert.NotEmpty(features);

        long sent = 0, surveyed = 0;
        var worst = 0.0;
        foreach (var feature in features)
        {
            var original = roads[feature!["properties"]!["id"]!.GetValue<long>()].Geometry.Coordinates;
            var kept = Line(feature);
            Assert.True(Same(kept[0], original[0]) && Same(kept[^1], original[^1]), "a road lost an end");
            var keptPixels = kept.Select(c => Pixel(c.Lon, c.Lat, zoom)).ToList();
            foreach (var vertex in original)
            {
                var p = Pixel(vertex.X, vertex.Y, zoom);
                var nearest = Enumerable.Range(0, keptPixels.Count - 1).Min(i => PointToSegment(p, keptPixels[i], keptPixels[i + 1]));
                worst = Math.Max(worst, nearest);
            }
            sent += kept.Count;
            surveyed += original.Length;
        }
        output.WriteLine($"band {index}: {features.Count:N0} roads, {sent:N0} of {surveyed:N0} vertices, worst {worst:F3} px");
        Assert.True(worst <= tolerance + RoundingSlackPixels, $"a surveyed vertex lies {worst:F3} px from its simplified road at zoom {zoom}");
        // Not vacuous: the band really drops vertices.
        Assert.True(sent * 10 < surveyed * 8, $"{sent:N0} of {surveyed:N0} vertices sent");
    }

    [Fact]
    public async Task StreetTile_HoldsEveryRoadCrossingIt_WithEveryVertex()
    {
        using var viewer = await Demo("viewer");
        var roads = await RoadTableAsync();
        var manifest = await viewer.GetJsonAsync("/api/map/roads/bands");
        var street = manifest["bands"]!.AsArray().Last()!;
        Assert.Null(street["maxZoom"]);
        Assert.Equal(0, street["tolerancePixels"]!.GetValue<double>());
        var index = street["index"]!.GetValue<int>();
        var zoom = street["tileZoom"]!.GetValue<int>();

        // The tile under the middle of the densest road: a city centre.
        var centre = roads.Values.GroupBy(r => Pixel(r.Geometry.Coordinate.X, r.Geometry.Coordinate.Y, zoom) is var p
            ? ((int)Math.Floor(p.X / 256), (int)Math.Floor(p.Y / 256)) : default).MaxBy(g => g.Count())!.Key;
        var (x, y) = centre;
        var features = (await viewer.GetJsonAsync($"/api/map/roads/bands/{index}/{x}/{y}"))["features"]!.AsArray();

        bool Touches(RoadSegment r)
        {
            var e = r.Geometry.EnvelopeInternal;
            var (x0, y0) = Pixel(e.MinX, e.MaxY, zoom);
            var (x1, y1) = Pixel(e.MaxX, e.MinY, zoom);
            return x0 < (x + 1) * 256.0 && x1 >= x * 256.0 && y0 < (y + 1) * 256.0 && y1 >= y * 256.0;
        }
        var expected = roads.Values.Where(Touches).Select(r => r.Id).Order().ToList();
        output.WriteLine($"tile {x}/{y} at zoom {zoom}: {expected.Count} roads");
        Assert.True(expected.Count > 50, $"only {expected.Count} roads in the tile");
        Assert.Equal(expected, features.Select(f => f!["properties"]!["id"]!.GetValue<long>()).Order());
        Assert.Contains(features, f => f!["properties"]!["cls"]!.GetValue<string>() == "UrbanStreet");
        foreach (var feature in features)
        {
            var original = roads[feature!["properties"]!["id"]!.GetValue<long>()].Geometry.Coordinates;
            var sent = Line(feature);
            Assert.Equal(original.Length, sent.Count);
            Assert.All(original.Zip(sent), pair => Assert.True(Same(pair.Second, pair.First)));
        }
    }

    [Fact]
    public async Task BandWithTheCurrentVersion_IsCachedForGood_OthersAreRevalidated()
    {
        using var viewer = await Demo("viewer");
        var version = (await viewer.GetJsonAsync("/api/map/roads/bands"))["version"]!.GetValue<string>();
        using var current = await viewer.GetAsync($"/api/map/roads/bands/0?v={Uri.EscapeDataString(version)}");
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Contains("immutable", current.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(365), current.Headers.CacheControl!.MaxAge);

        using var stale = await viewer.GetAsync("/api/map/roads/bands/0?v=an-older-version");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.True(stale.Headers.CacheControl!.NoCache);
        Assert.Null(stale.Headers.CacheControl.MaxAge);
        Assert.Equal(await current.Content.ReadAsByteArrayAsync(), await stale.Content.ReadAsByteArrayAsync());

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/map/roads/bands/1");
        using var first = await viewer.GetAsync("/api/map/roads/bands/1");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await viewer.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Theory]
    [InlineData("/api/map/roads/bands/9", "band")]
    [InlineData("/api/map/roads/bands/-1", "band")]
    [InlineData("/api/map/roads/bands/3", "band")]
    [InlineData("/api/map/roads/bands/0/1/1", "band")]
    [InlineData("/api/map/roads/bands/3/4096/1", "x")]
    [InlineData("/api/map/roads/bands/3/1/-1", "y")]
    public async Task BadBandOrTile_IsAProblemNamingTheField(string url, string field)
    {
        using var viewer = await Demo("viewer");
        var problem = await ApiClient.AssertProblemAsync(await viewer.GetAsync(url), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Theory]
    [InlineData("/api/map/roads/bands")]
    [InlineData("/api/map/roads/bands/0")]
    [InlineData("/api/map/roads/bands/3/3370/1700")]
    public async Task RoadBands_NeedALogin(string url)
    {
        using var anonymous = Anonymous();
        using var response = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
