using System.Globalization;
using FireCommand.Geo;
using FireCommand.Geo.Coordinates;

namespace FireCommand.Core.Map.Province.Inputs;

/// <summary>
/// Reads the fields of one row, noting every problem against the row's file, line and column, so a
/// report names each fault rather than the first. Not thread-safe: one per row.
/// </summary>
internal sealed class RecordRowParser(string file, RawRow row, List<RejectedRow> errors)
{
    private readonly int _before = errors.Count;

    public bool IsValid => errors.Count == _before;

    public int Line => row.Line;

    public void Reject(string field, string reason) => errors.Add(new RejectedRow(file, row.Line, field, reason));

    public string? Text(string key, bool required = false, int maxLength = 200)
    {
        if (!row.Values.TryGetValue(key, out var value))
        {
            if (required) Reject(key, "required, but empty");
            return null;
        }
        if (value.Length > maxLength) { Reject(key, $"longer than {maxLength} characters"); return null; }
        return value;
    }

    public double? Number(string key, double min, double max)
    {
        if (Text(key) is not { } text) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            Reject(key, $"'{text}' is not a number");
            return null;
        }
        if (v < min || v > max) { Reject(key, $"{text} is outside {min.ToString(CultureInfo.InvariantCulture)}–{max.ToString(CultureInfo.InvariantCulture)}"); return null; }
        return v;
    }

    public int? Whole(string key, int min, int max)
    {
        var v = Number(key, min, max);
        if (v is { } d && d != Math.Floor(d)) { Reject(key, $"{d.ToString(CultureInfo.InvariantCulture)} is not a whole number"); return null; }
        return v is null ? null : (int)v.Value;
    }

    public T? Choice<T>(string key, IReadOnlyList<(T Value, string Chinese, string English)> names) where T : struct, Enum
    {
        if (Text(key, required: true) is not { } text) return null;
        var value = RecordVocabulary.Find(names, text);
        if (value is null) Reject(key, $"'{text}' is not one of {RecordVocabulary.Allowed(names)}");
        return value;
    }

    /// <summary>The row's point in WGS-84: from a GeoJSON geometry or the longitude/latitude columns, converted
    /// from the file's system, and inside <paramref name="box"/>.</summary>
    public GeoPoint? Location(CoordinateSystem system, PackageBounds box)
    {
        GeoPoint given;
        if (row.Geometry is { } g) given = g;
        else if (row.GeometryError is { } error) { Reject("geometry", error); return null; }
        else
        {
            var lon = Number(RecordColumns.Longitude, -180, 180);
            var lat = Number(RecordColumns.Latitude, -90, 90);
            if (!row.Values.ContainsKey(RecordColumns.Longitude)) Reject(RecordColumns.Longitude, "required, but empty");
            if (!row.Values.ContainsKey(RecordColumns.Latitude)) Reject(RecordColumns.Latitude, "required, but empty");
            if (lon is null || lat is null) return null;
            given = new GeoPoint(lat.Value, lon.Value);
        }
        if (!given.IsValid) { Reject(row.Geometry is null ? RecordColumns.Longitude : "geometry", "not a point on the globe"); return null; }
        var wgs = ChinaCoordinates.Convert(given, system, CoordinateSystem.Wgs84);
        if (!Inside(box, wgs))
        {
            var swapped = Inside(box, ChinaCoordinates.Convert(new GeoPoint(given.Longitude, given.Latitude), system, CoordinateSystem.Wgs84));
            Reject(row.Geometry is null ? RecordColumns.Longitude : "geometry",
                $"({given.Longitude.ToString(CultureInfo.InvariantCulture)}, {given.Latitude.ToString(CultureInfo.InvariantCulture)}) is outside the package's area "
                + $"(longitude {box.MinLongitude:F4}–{box.MaxLongitude:F4}, latitude {box.MinLatitude:F4}–{box.MaxLatitude:F4})"
                + (swapped ? "; are longitude and latitude swapped?" : ""));
            return null;
        }
        return wgs;
    }

    /// <summary>About 1 km of slack around the roads' box: a station may stand just past the last road of an extract.</summary>
    public const double MarginDegrees = 0.01;

    private static bool Inside(PackageBounds b, GeoPoint p)
    {
        var lonMargin = MarginDegrees / Math.Max(0.1, Math.Cos(p.Latitude * Math.PI / 180));
        return p.Latitude >= b.MinLatitude - MarginDegrees && p.Latitude <= b.MaxLatitude + MarginDegrees
            && p.Longitude >= b.MinLongitude - lonMargin && p.Longitude <= b.MaxLongitude + lonMargin;
    }
}
