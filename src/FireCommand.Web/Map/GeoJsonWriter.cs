using System.Buffers;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace FireCommand.Web.Map;

/// <summary>
/// Writes GeoJSON FeatureCollections straight to UTF-8 with coordinates rounded to 6 decimals
/// (about 0.1 m), which keeps the province's road layer a few megabytes instead of tens.
/// Stateless and thread-safe.
/// </summary>
public static class GeoJsonWriter
{
    private static readonly JsonSerializerOptions PropertyOptions = new(JsonSerializerDefaults.Web);

    public static byte[] Collection<T>(IEnumerable<T> items, Func<T, Geometry?> geometry, Func<T, object> properties)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            foreach (var item in items)
            {
                var g = geometry(item);
                if (g is null || g.IsEmpty) continue;
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WritePropertyName("geometry");
                WriteGeometry(w, g);
                w.WritePropertyName("properties");
                var props = properties(item);
                JsonSerializer.Serialize(w, props, props.GetType(), PropertyOptions);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The layer with its validator (ETag, 304 on If-None-Match), compressed by the host.</summary>
    public static IResult Result(byte[] json) => new GeoJsonResult(json);

    private static void WriteGeometry(Utf8JsonWriter w, Geometry g)
    {
        w.WriteStartObject();
        switch (g)
        {
            case Point p:
                w.WriteString("type", "Point");
                w.WritePropertyName("coordinates");
                WritePosition(w, p.Coordinate);
                break;
            case LineString l:
                w.WriteString("type", "LineString");
                w.WritePropertyName("coordinates");
                WritePositions(w, l.Coordinates);
                break;
            case MultiLineString ml:
                w.WriteString("type", "MultiLineString");
                w.WriteStartArray("coordinates");
                foreach (var part in ml.Geometries) WritePositions(w, part.Coordinates);
                w.WriteEndArray();
                break;
            case Polygon poly:
                w.WriteString("type", "Polygon");
                w.WritePropertyName("coordinates");
                WritePolygon(w, poly);
                break;
            case MultiPolygon mp:
                w.WriteString("type", "MultiPolygon");
                w.WriteStartArray("coordinates");
                foreach (var part in mp.Geometries) WritePolygon(w, (Polygon)part);
                w.WriteEndArray();
                break;
            default:
                throw new NotSupportedException($"GeoJSON output of {g.GeometryType} is not supported.");
        }
        w.WriteEndObject();
    }

    private static void WritePolygon(Utf8JsonWriter w, Polygon p)
    {
        w.WriteStartArray();
        WritePositions(w, p.ExteriorRing.Coordinates);
        foreach (var hole in p.InteriorRings) WritePositions(w, hole.Coordinates);
        w.WriteEndArray();
    }

    private static void WritePositions(Utf8JsonWriter w, Coordinate[] cs)
    {
        w.WriteStartArray();
        foreach (var c in cs) WritePosition(w, c);
        w.WriteEndArray();
    }

    private static void WritePosition(Utf8JsonWriter w, Coordinate c)
    {
        w.WriteStartArray();
        w.WriteNumberValue(Math.Round(c.X, 6));
        w.WriteNumberValue(Math.Round(c.Y, 6));
        w.WriteEndArray();
    }
}
