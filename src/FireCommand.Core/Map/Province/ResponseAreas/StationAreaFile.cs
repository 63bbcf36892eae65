using FireCommand.Core.Map.Province.Boundaries;
using FireCommand.Geo.Coordinates;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace FireCommand.Core.Map.Province.ResponseAreas;

/// <summary>
/// Response areas from a file the corps supplies: each feature names its station in <c>StationField</c>,
/// matched against the station's name or its source key (<c>osm:node/…</c>, or the code of a station file).
/// A feature that names no station, or a name two stations share, is reported with the feature number and
/// nothing is imported; several features of one station are joined. Stateless.
/// </summary>
public static class StationAreaFile
{
    /// <returns>The area of each station that has one, by station id.</returns>
    /// <exception cref="InvalidDataException">The file is unreadable or a feature matches no station or several.</exception>
    public static Dictionary<long, MultiPolygon> Read(string path, CoordinateSystem crs, string stationField, InvalidGeometryHandling invalid,
        IReadOnlyList<StationRecord> stations, List<string> notes)
    {
        var file = Path.GetFileName(path);
        var byKey = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        foreach (var s in stations)
            foreach (var key in new[] { s.Name, s.Source, s.Source.StartsWith("osm:", StringComparison.Ordinal) ? s.Source[4..] : null }
                         .OfType<string>().Distinct())
                (byKey.TryGetValue(key, out var ids) ? ids : byKey[key] = []).Add(s.Id);

        var faults = new List<string>();
        var parts = new Dictionary<long, List<Geometry>>();
        foreach (var f in AreaFile.Read(path, crs, invalid, stationField, notes))
        {
            var key = f.Property(stationField);
            if (key is null) faults.Add($"feature {f.Number}: no station in property '{stationField}'");
            else if (!byKey.TryGetValue(key, out var ids)) faults.Add($"feature {f.Number}: no station is called '{key}'");
            else if (ids.Count > 1) faults.Add($"feature {f.Number}: {ids.Count} stations are called '{key}'; name it by its code or OSM id");
            else (parts.TryGetValue(ids[0], out var list) ? list : parts[ids[0]] = []).Add(f.Area);
        }
        if (faults.Count > 0) throw AreaFile.Refused(file, faults);
        var without = stations.Count(s => !parts.ContainsKey(s.Id));
        if (without > 0) notes.Add($"{file}: {without} of {stations.Count} stations have no response area in the file");
        return parts.ToDictionary(p => p.Key, p => RoadTimeAreas.Polygons(CascadedPolygonUnion.Union(p.Value))!);
    }
}
