using FireCommand.Core.Map.Province;
using FireCommand.Core.Map.Province.Boundaries;
using FireCommand.Core.Map.Province.ResponseAreas;
using FireCommand.Core.Resources;
using FireCommand.Geo.Coordinates;

namespace FireCommand.Web.Cli;

/// <summary>
/// The area options of <c>province build</c>, read in command-line order because they describe files:
/// <c>--crs</c> applies to the next file option (or the file says it after a colon, <c>file.geojson:gcj02</c>, as record files do); <c>--level</c>, <c>--level-field</c>, <c>--name-field</c> and
/// <c>--code-field</c> describe the <c>--boundaries</c> file they follow, <c>--station-field</c> the
/// <c>--response-areas</c> file it follows. <c>--boundaries</c> may be given once per file.
/// </summary>
internal static class ProvinceAreaArguments
{
    private static readonly string[] BoundaryFields = ["level", "level-field", "name-field", "code-field"];

    public static ProvinceAreaOptions Parse(CliArguments args)
    {
        var boundaries = new List<BoundaryFileSpec>();
        var responseAreas = ResponseAreaSpec.RoadTime;
        var responseGiven = false;
        CoordinateSystem? crs = null;
        string? current = null;
        foreach (var (name, value) in args.InOrder)
        {
            switch (name)
            {
                case "crs":
                    if (crs is not null) throw new CliUsageException("--crs given twice before a file; it applies to the next file option.");
                    crs = Crs(value);
                    break;
                case "boundaries":
                    var (boundaryPath, boundaryCrs) = FileAndCrs(value, crs);
                    boundaries.Add(new BoundaryFileSpec(boundaryPath, boundaryCrs));
                    crs = null;
                    current = name;
                    break;
                case "response-areas":
                    if (responseGiven) throw new CliUsageException("option --response-areas given twice.");
                    responseGiven = true;
                    responseAreas = value.ToLowerInvariant() switch
                    {
                        "road-time" => ResponseAreaSpec.RoadTime,
                        "none" => new ResponseAreaSpec(ResponseAreaMode.None),
                        _ => ResponseAreaFile(value, crs),
                    };
                    if (responseAreas.Mode != ResponseAreaMode.File && crs is not null)
                        throw new CliUsageException("--crs describes a file; --response-areas road-time or none has none.");
                    crs = null;
                    current = name;
                    break;
                case "station-field":
                    if (current != "response-areas" || responseAreas.Mode != ResponseAreaMode.File)
                        throw new CliUsageException("--station-field follows the --response-areas file it describes.");
                    responseAreas = responseAreas with { StationField = value };
                    break;
                case var field when BoundaryFields.Contains(field):
                    if (current != "boundaries") throw new CliUsageException($"--{field} follows the --boundaries file it describes.");
                    boundaries[^1] = Describe(boundaries[^1], field, value);
                    break;
                default:
                    continue;
            }
            args.MarkUsed(name);
        }
        if (crs is not null) throw new CliUsageException("--crs applies to the next file option, and none follows it.");
        foreach (var b in boundaries.Where(b => b.Level is null == b.LevelField is null))
            throw new CliUsageException($"--boundaries {b.Path} needs --level corps|detachment|brigade or --level-field <property> (one of them).");

        var invalid = args.Optional("invalid-geometry")?.ToLowerInvariant() switch
        {
            null or "fail" => InvalidGeometryHandling.Fail,
            "fix" => InvalidGeometryHandling.Fix,
            "skip" => InvalidGeometryHandling.Skip,
            var other => throw new CliUsageException($"--invalid-geometry must be fail, fix or skip, not '{other}'."),
        };
        return new ProvinceAreaOptions(boundaries, responseAreas, invalid);
    }

    private static BoundaryFileSpec Describe(BoundaryFileSpec spec, string field, string value)
    {
        var already = field switch
        {
            "level" => spec.Level is not null,
            "level-field" => spec.LevelField is not null,
            "code-field" => spec.CodeField is not null,
            _ => spec.NameField != "name",
        };
        if (already) throw new CliUsageException($"--{field} given twice for --boundaries {spec.Path}.");
        return field switch
        {
            "level" => spec with
            {
                Level = BoundaryFiles.ParseLevel(value)
                        ?? throw new CliUsageException($"--level must be corps, detachment or brigade, not '{value}'."),
            },
            "level-field" => spec with { LevelField = value },
            "code-field" => spec with { CodeField = value },
            _ => spec with { NameField = value },
        };
    }

    /// <summary>
    /// A file's coordinate system, from a preceding <c>--crs</c> or, as the record files write it, a
    /// suffix after the last colon (<c>brigades.geojson:gcj02</c>); WGS-84 when neither is given.
    /// </summary>
    private static (string Path, CoordinateSystem Crs) FileAndCrs(string value, CoordinateSystem? preceding)
    {
        var colon = value.LastIndexOf(':');
        CoordinateSystem? suffix = null;
        if (colon > 0)
        {
            try { suffix = InputCoordinates.Parse(value[(colon + 1)..]); }
            catch (ArgumentException) { suffix = null; } // a colon in the path itself, not a system
        }
        if (suffix is null) return (value, preceding ?? CoordinateSystem.Wgs84);
        if (preceding is not null)
            throw new CliUsageException($"'{value}' names its coordinate system and --crs names one too; give one of them.");
        return (value[..colon], suffix.Value);
    }

    private static ResponseAreaSpec ResponseAreaFile(string value, CoordinateSystem? preceding)
    {
        var (path, crs) = FileAndCrs(value, preceding);
        return new ResponseAreaSpec(ResponseAreaMode.File, path, crs);
    }

    private static CoordinateSystem Crs(string text)
    {
        try { return InputCoordinates.Parse(text); }
        catch (ArgumentException e) { throw new CliUsageException($"--crs: {e.Message}"); }
    }
}
