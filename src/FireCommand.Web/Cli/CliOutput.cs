using System.Text.Json;
using System.Text.Json.Serialization;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace FireCommand.Web.Cli;

/// <summary>JSON and GeoJSON writing for the verbs (camelCase, NaN written as null). Thread-safe.</summary>
internal static class CliOutput
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep 中文 readable
    };

    private static readonly JsonSerializerOptions GeoJson = new()
    {
        WriteIndented = false,
        Converters = { new GeoJsonConverterFactory() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task WriteJsonAsync<T>(TextWriter stdout, T value)
    {
        await stdout.WriteLineAsync(JsonSerializer.Serialize(value, Json));
        await stdout.FlushAsync();
    }

    public static async Task WriteGeoJsonAsync(TextWriter stdout, FeatureCollection features)
    {
        await stdout.WriteLineAsync(JsonSerializer.Serialize(features, GeoJson));
        await stdout.FlushAsync();
    }

    /// <summary>A number for JSON: NaN and infinity become null (JSON has no NaN).</summary>
    public static double? Finite(double value) => double.IsFinite(value) ? Math.Round(value, 2) : null;

    public static AttributesTable Properties(params (string Key, object? Value)[] values)
    {
        var table = new AttributesTable();
        foreach (var (key, value) in values) table.Add(key, value is double d ? Finite(d) : value);
        return table;
    }
}
