using FireCommand.Core.Resources;
using FireCommand.Geo.Coordinates;
using NetTopologySuite.Geometries;

namespace FireCommand.Core.Map.Province.Boundaries;

/// <summary>
/// A boundary file the corps supplies: its path, coordinate system, and which property holds each
/// boundary's name, its level (or one level for the whole file) and its code.
/// </summary>
public sealed record BoundaryFileSpec(string Path, CoordinateSystem Crs = CoordinateSystem.Wgs84, JurisdictionLevel? Level = null,
    string? LevelField = null, string NameField = "name", string? CodeField = null);

/// <summary>One jurisdiction from a boundary file. <c>Source</c> is its stable key: <c>code:…</c> when the file
/// gives codes, else the file name and feature number.</summary>
public sealed record FileBoundary(string Name, JurisdictionLevel Level, string? Code, MultiPolygon Area, string Source);

/// <summary>
/// Turns the corps' boundary files into jurisdictions. A level is read from the level property
/// (corps/detachment/brigade or 总队/支队/大队) or given for the whole file; every feature without a name,
/// with an unknown level, or with a code that is too long or repeated is reported with the file and the
/// feature number, and nothing is imported. Stateless.
/// </summary>
public static class BoundaryFiles
{
    public const int MaxCodeLength = 12;

    /// <exception cref="InvalidDataException">A file is unreadable, or a feature is bad; the message names each one.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public static List<FileBoundary> Read(IReadOnlyList<BoundaryFileSpec> specs, InvalidGeometryHandling invalid, List<string> notes)
    {
        var boundaries = new List<FileBoundary>();
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            if (spec.Level is null == spec.LevelField is null)
                throw new ArgumentException($"boundary file '{spec.Path}' needs either --level or --level-field (one of them).");
            var file = System.IO.Path.GetFileName(spec.Path);
            var faults = new List<string>();
            foreach (var f in AreaFile.Read(spec.Path, spec.Crs, invalid, spec.NameField, notes))
            {
                var name = f.Property(spec.NameField);
                var code = spec.CodeField is null ? null : f.Property(spec.CodeField);
                var level = spec.Level ?? ParseLevel(f.Property(spec.LevelField!));
                if (name is null) faults.Add($"feature {f.Number}: no name in property '{spec.NameField}'");
                if (level is null)
                    faults.Add($"feature {f.Number}: level '{f.Property(spec.LevelField!)}' in property '{spec.LevelField}' is not corps, detachment or brigade (总队/支队/大队)");
                if (spec.CodeField is not null && code is null) faults.Add($"feature {f.Number}: no code in property '{spec.CodeField}'");
                if (code is { Length: > MaxCodeLength }) faults.Add($"feature {f.Number}: code '{code}' is longer than {MaxCodeLength} characters");
                else if (code is not null && !codes.TryAdd(code, $"{file} feature {f.Number}"))
                    faults.Add($"feature {f.Number}: code '{code}' is already used by {codes[code]}");
                if (name is null || level is null || spec.CodeField is not null && code is null) continue;
                boundaries.Add(new FileBoundary(name, level.Value, code, f.Area, code is not null ? $"code:{code}" : $"file:{file}#{f.Number}"));
            }
            if (faults.Count > 0) throw AreaFile.Refused(file, faults);
        }
        return boundaries;
    }

    /// <summary>"corps"/"detachment"/"brigade" in any case, or 总队/支队/大队; null otherwise.</summary>
    public static JurisdictionLevel? ParseLevel(string? text) => text?.Trim() switch
    {
        null => null,
        "总队" => JurisdictionLevel.Corps,
        "支队" => JurisdictionLevel.Detachment,
        "大队" => JurisdictionLevel.Brigade,
        var t when !int.TryParse(t, out _) && Enum.TryParse<JurisdictionLevel>(t, ignoreCase: true, out var level) && Enum.IsDefined(level)
                   && level is JurisdictionLevel.Corps or JurisdictionLevel.Detachment or JurisdictionLevel.Brigade => level,
        _ => null,
    };
}
