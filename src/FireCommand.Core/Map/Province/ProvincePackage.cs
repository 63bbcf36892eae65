using System.Text.Json;

namespace FireCommand.Core.Map.Province;

/// <summary>
/// A province package folder opened for start-up: the manifest and records read and checked, the
/// graph file's path. Immutable once read.
/// </summary>
public sealed record ProvincePackage(string Directory, ProvinceManifest Manifest, ProvinceRecords Records)
{
    public string GraphPath => Path.Combine(Directory, ProvincePackageFiles.Graph);

    /// <exception cref="InvalidDataException">The folder is not a complete, readable province package.</exception>
    public static ProvincePackage Read(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full)) throw new InvalidDataException($"province package '{directory}' not found.");
        foreach (var file in new[] { ProvincePackageFiles.Manifest, ProvincePackageFiles.Records, ProvincePackageFiles.Graph })
            if (!File.Exists(Path.Combine(full, file)))
                throw new InvalidDataException($"province package '{directory}' has no {file}; build it with 'firecommand province build'.");
        var manifest = ReadJson<ProvinceManifest>(full, ProvincePackageFiles.Manifest);
        if (manifest.FormatVersion != ProvincePackageFiles.FormatVersion)
            throw new InvalidDataException($"province package '{directory}' has format {manifest.FormatVersion}; this version reads {ProvincePackageFiles.FormatVersion}.");
        var records = ReadJson<ProvinceRecords>(full, ProvincePackageFiles.Records);
        if (records.Jurisdictions is null || records.Stations is null || records.WaterSources is null || records.Settlements is null
            || records.Roads is null || records.Names is null || records.Jurisdictions.Count(j => j.ParentId is null) != 1)
            throw new InvalidDataException($"province package '{directory}': {ProvincePackageFiles.Records} is incomplete (it needs every record list and exactly one corps).");
        return new ProvincePackage(full, manifest, records);
    }

    private static T ReadJson<T>(string directory, string file)
    {
        try
        {
            using var stream = File.OpenRead(Path.Combine(directory, file));
            return JsonSerializer.Deserialize<T>(stream, ProvinceBuilder.Json)
                   ?? throw new InvalidDataException($"{file} in province package '{directory}' is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file} in province package '{directory}' is not valid: {e.Message}", e);
        }
    }
}
