using FireCommand.Web.Tests.Infrastructure;

namespace FireCommand.Web.Tests.Map;

/// <summary>The One Map's layers carry the demo province as GeoJSON.</summary>
public abstract class MapLayerTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    [Theory]
    [InlineData("/api/map/roads", "LineString", 1000)]
    [InlineData("/api/map/jurisdictions", "MultiPolygon", 10)]
    [InlineData("/api/map/stations", "Point", 80)]
    [InlineData("/api/map/station-districts", "MultiPolygon", 80)]
    [InlineData("/api/map/units", "Point", 300)]
    [InlineData("/api/map/water-sources", "Point", 1000)]
    [InlineData("/api/map/key-places", "Point", 100)]
    [InlineData("/api/map/settlements", "Point", 100)]
    public async Task Layer_IsAFeatureCollectionOfTheDemoProvince(string url, string geometry, int atLeast)
    {
        using var viewer = await Demo("viewer");
        var layer = await viewer.GetJsonAsync(url);
        Assert.Equal("FeatureCollection", layer["type"]!.GetValue<string>());
        var features = layer["features"]!.AsArray();
        Assert.True(features.Count >= atLeast, $"{url}: {features.Count} features");
        Assert.All(features, f => Assert.Equal(geometry, f!["geometry"]!["type"]!.GetValue<string>()));
        var extent = await viewer.GetJsonAsync("/api/map/extent");
        var first = features[0]!["geometry"]!["coordinates"]!;
        while (first is System.Text.Json.Nodes.JsonArray a && a[0] is System.Text.Json.Nodes.JsonArray) first = a[0]!;
        var lon = first[0]!.GetValue<double>();
        var lat = first[1]!.GetValue<double>();
        Assert.InRange(lon, extent["west"]!.GetValue<double>() - 0.5, extent["east"]!.GetValue<double>() + 0.5);
        Assert.InRange(lat, extent["south"]!.GetValue<double>() - 0.5, extent["north"]!.GetValue<double>() + 0.5);
    }

    [Theory]
    [InlineData("/api/map/roads")]
    [InlineData("/api/map/water-sources")]
    public async Task Layer_IsCompressed_AndAnswers304ToItsOwnETag(string url)
    {
        using var viewer = await Demo("viewer");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var first = await viewer.Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("gzip", first.Content.Headers.ContentEncoding);
        Assert.Equal("application/geo+json", first.Content.Headers.ContentType?.MediaType);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.DoesNotContain("no-store", first.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        using var second = await viewer.Http.SendAsync(again);
        Assert.Equal(System.Net.HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());

        using var other = new HttpRequestMessage(HttpMethod.Get, url);
        other.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"another-version\""));
        using var third = await viewer.Http.SendAsync(other);
        Assert.Equal(System.Net.HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task CoverageSummary_CarriesTheSharesOfTheCoverageLayer_WithoutGeometry()
    {
        using var viewer = await Demo("viewer");
        var full = await viewer.GetJsonAsync("/api/map/coverage?minutes=5");
        var summary = await viewer.GetJsonAsync("/api/map/coverage/summary?minutes=5");
        Assert.Equal(full["coveredPopulationShare"]!.GetValue<double>(), summary["coveredPopulationShare"]!.GetValue<double>(), 9);
        Assert.Equal(full["coveredRoadShare"]!.GetValue<double>(), summary["coveredRoadShare"]!.GetValue<double>(), 9);
        Assert.Equal(full["availableUnits"]!.GetValue<int>(), summary["availableUnits"]!.GetValue<int>());
        Assert.Null(summary["covered"]);
        Assert.True(summary.ToJsonString().Length < 400, summary.ToJsonString());
    }

    [Fact]
    public async Task Units_CarryGaT974StatusCodes()
    {
        using var viewer = await Demo("viewer");
        var units = (await viewer.GetJsonAsync("/api/map/units"))["features"]!.AsArray();
        int[] codes = [10, 20, 21, 22, 23, 24, 25, 26, 27, 30, 40, 41];
        Assert.All(units, u => Assert.Contains(u!["properties"]!["status"]!.GetValue<int>(), codes));
        Assert.Contains(units, u => u!["properties"]!["status"]!.GetValue<int>() == 10);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteMapLayerTests(SqliteHost host) : MapLayerTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresMapLayerTests(PostgresHost host) : MapLayerTests<PostgresHost>(host);
