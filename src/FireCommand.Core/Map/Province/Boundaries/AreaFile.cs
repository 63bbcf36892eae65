using System.Globalization;
using System.Text.Json;
using FireCommand.Core.Shared;
using FireCommand.Geo.Coordinates;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.Operation.Valid;

namespace FireCommand.Core.Map.Province.Boundaries;

/// <summary>What to do with a feature whose geometry is not a valid area.</summary>
public enum InvalidGeometryHandling
{
    /// <summary>Report every bad feature and import nothing (the default).</summary>
    Fail = 0,
    /// <summary>Repair self-intersections and similar faults (NTS GeometryFixer) and note each repair.</summary>
    Fix = 1,
    /// <summary>Leave bad features out and note each one.</summary>
    Skip = 2,
}

/// <summary>One area of an input file: its position in the file (counted from 1), its properties as text, its
/// area in WGS-84.</summary>
public sealed record AreaFeature(int Number, IReadOnlyDictionary<string, string?> Properties, MultiPolygon Area)
{
    /// <summary>The property <paramref name="field"/> (matched ignoring case), trimmed; null when absent or blank.</summary>
    public string? Property(string field) =>
        Properties.FirstOrDefault(p => string.Equals(p.Key, field, StringComparison.OrdinalIgnoreCase)).Value is { } v
        && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}

/// <summary>
/// Reads polygons and multipolygons from a GeoJSON FeatureCollection or an Esri Shapefile (.shp with its
/// .dbf, and its .prj when there is one). Coordinates must be longitude/latitude degrees: a Shapefile whose
/// .prj is projected, or on another datum than WGS-84/CGCS2000, is refused, since reprojecting a national
/// grid is a GIS tool's work and a silent guess would put every boundary kilometres off. GCJ-02 and BD-09
/// are shifted back to WGS-84. Every bad feature is reported (its number, its name when the file gives
/// one, and why) before anything is used. Stateless.
/// </summary>
public static class AreaFile
{
    /// <exception cref="FileNotFoundException">The file (or a Shapefile's .dbf) does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is unreadable or has bad features; the message names every one.</exception>
    public static List<AreaFeature> Read(string path, CoordinateSystem crs, InvalidGeometryHandling invalid, string? nameField,
        List<string> notes)
    {
        if (!System.IO.File.Exists(path)) throw new FileNotFoundException($"file '{path}' not found.", path);
        var file = Path.GetFileName(path);
        var raw = Path.GetExtension(path).Equals(".shp", StringComparison.OrdinalIgnoreCase)
            ? ReadShapefile(path, file, crs, notes)
            : ReadGeoJson(path, file);

        var faults = new List<string>();
        var areas = new List<AreaFeature>();
        for (var i = 0; i < raw.Count; i++)
        {
            var (geometry, properties) = raw[i];
            var number = i + 1;
            var label = nameField is not null && properties.FirstOrDefault(p => string.Equals(p.Key, nameField,
                StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } n ? $"feature {number} ({n})" : $"feature {number}";
            var fault = Check(geometry, out var area);
            if (fault is not null && geometry is Polygon or MultiPolygon && invalid == InvalidGeometryHandling.Fix
                && !fault.StartsWith("coordinates", StringComparison.Ordinal))
            {
                area = Polygons(GeometryFixer.Fix(geometry));
                if (area is not null && !area.IsEmpty)
                {
                    notes.Add($"{file}: {label} repaired ({fault})");
                    fault = null;
                }
            }
            if (fault is not null)
            {
                if (invalid == InvalidGeometryHandling.Skip) notes.Add($"{file}: {label} left out ({fault})");
                else faults.Add($"{label}: {fault}");
                continue;
            }
            areas.Add(new AreaFeature(number, properties, ToWgs84(area!, crs)));
        }
        if (faults.Count > 0) throw Refused(file, faults);
        if (areas.Count == 0) throw Refused(file, ["no polygon feature to import"]);
        return areas;
    }

    /// <summary>Null when <paramref name="g"/> is a valid area in degrees, else why not.</summary>
    private static string? Check(Geometry? g, out MultiPolygon? area)
    {
        area = null;
        if (g is null || g.IsEmpty) return "no geometry";
        if (g is not (Polygon or MultiPolygon)) return $"a {g.GeometryType} is not an area (Polygon or MultiPolygon)";
        if (g.Coordinates.FirstOrDefault(c => !double.IsFinite(c.X) || !double.IsFinite(c.Y) || c.X is < -180 or > 180 || c.Y is < -90 or > 90)
            is { } far)
            return $"coordinates ({far.X.ToString(CultureInfo.InvariantCulture)}, {far.Y.ToString(CultureInfo.InvariantCulture)}) are not " +
                   "longitude/latitude degrees (a projected file?)";
        var op = new IsValidOp(g);
        if (!op.IsValid)
        {
            var e = op.ValidationError;
            return $"invalid geometry: {e.Message} at ({e.Coordinate.X.ToString(CultureInfo.InvariantCulture)}, " +
                   $"{e.Coordinate.Y.ToString(CultureInfo.InvariantCulture)})";
        }
        area = Polygons(g);
        return null;
    }

    /// <summary>An input file that cannot be used: every fault found, each naming the feature and why.</summary>
    internal static InvalidDataException Refused(string file, IEnumerable<string> faults) => new($"{file}: {string.Join("; ", faults)}");

    private static MultiPolygon? Polygons(Geometry g) => g switch
    {
        MultiPolygon m => m,
        Polygon p => Geography.Factory.CreateMultiPolygon([p]),
        GeometryCollection c => Geography.Factory.CreateMultiPolygon(
            Enumerable.Range(0, c.NumGeometries).Select(c.GetGeometryN).OfType<Polygon>().Where(p => !p.IsEmpty).ToArray()),
        _ => null,
    };

    private static MultiPolygon ToWgs84(MultiPolygon area, CoordinateSystem crs)
    {
        LinearRing Ring(LineString ring) => Geography.Factory.CreateLinearRing(ring.Coordinates.Select(c =>
        {
            var p = InputCoordinates.ToWgs84(c.X, c.Y, crs);
            return new Coordinate(p.Longitude, p.Latitude);
        }).ToArray());
        return Geography.Factory.CreateMultiPolygon(area.Geometries.Cast<Polygon>()
            .Select(p => Geography.Factory.CreatePolygon(Ring(p.ExteriorRing), p.InteriorRings.Select(Ring).ToArray())).ToArray());
    }

    private static List<(Geometry?, IReadOnlyDictionary<string, string?>)> ReadGeoJson(string path, string file)
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        FeatureCollection? collection;
        try
        {
            using var stream = System.IO.File.OpenRead(path);
            collection = JsonSerializer.Deserialize<FeatureCollection>(stream, options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw Refused(file, [$"not a GeoJSON FeatureCollection ({e.Message})"]);
        }
        if (collection is null) throw Refused(file, ["not a GeoJSON FeatureCollection"]);
        return collection.Select(f => ((Geometry?)f.Geometry, (IReadOnlyDictionary<string, string?>)Properties(f.Attributes))).ToList();
    }

    private static List<(Geometry?, IReadOnlyDictionary<string, string?>)> ReadShapefile(string path, string file,
        CoordinateSystem crs, List<string> notes)
    {
        if (!System.IO.File.Exists(Path.ChangeExtension(path, ".dbf")))
            throw new FileNotFoundException($"{file} has no .dbf beside it; a Shapefile is the .shp with its .dbf (and .prj).",
                Path.ChangeExtension(path, ".dbf"));
        try
        {
            using var reader = Shapefile.OpenRead(path);
            if (ShapefileProjection.Refusal(reader.Projection) is { } why) throw Refused(file, [why]);
            if (string.IsNullOrWhiteSpace(reader.Projection))
                notes.Add($"{file} has no .prj: its coordinates are taken as {crs} longitude/latitude");
            var features = new List<(Geometry?, IReadOnlyDictionary<string, string?>)>();
            foreach (var f in reader) features.Add((f.Geometry, Properties(f.Attributes)));
            return features;
        }
        catch (Exception e) when (e is not InvalidDataException and (IOException or ArgumentException or InvalidOperationException
                                       or NotSupportedException or IndexOutOfRangeException))
        {
            throw Refused(file, [$"not a readable Shapefile ({e.Message})"]);
        }
    }

    private static Dictionary<string, string?> Properties(IAttributesTable? table)
    {
        var properties = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (table is null) return properties;
        foreach (var name in table.GetNames())
            properties[name] = table[name] switch
            {
                null => null,
                JsonElement { ValueKind: JsonValueKind.Null } => null,
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var v => v.ToString(),
            };
        return properties;
    }
}
