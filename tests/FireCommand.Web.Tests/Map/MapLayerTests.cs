using FireCommand.Web.Tests.Infrastructure;

namespace FireCommand.Web.Tests.Map;

/// <summary>The One Map's layers carry the demo province as GeoJSON.</summary>
public abstract class MapLayerTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    [Theory]
    [InlineData("/api/map/roads", "LineString", 1000)]
    [InlineData("/api/map/jurisdictions", "MultiPolygon", 10)]
    [InlineData("/api/map/stations", "Point", 80)]
    [InlineData("/api/map/station-districts", "Polygon", 80)]
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
