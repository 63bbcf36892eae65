using System.Security.Cryptography;
using System.Text.Json;
using FireCommand.Core.Resources;
using FireCommand.Geo.Graph;
using FireCommand.Geo.Import.Osm;
using FireCommand.Geo.Import.Osm.Features;
using FireCommand.Geo.Profiles;
using FireCommand.Geo.Storage;

namespace FireCommand.Core.Map.Province;

/// <summary>What to build a package from.</summary>
public sealed record ProvinceBuildRequest(string OsmPath, string OutputDirectory, string? Name = null,
    IReadOnlyDictionary<int, JurisdictionLevel>? AdminLevels = null, FireEngineProfile? Profile = null,
    Inputs.ProvinceRecordInputs? RecordFiles = null,
    ProvinceAreaOptions? Areas = null);

/// <summary>What a build made and dropped, for the operator.</summary>
public sealed record ProvinceBuildReport(ProvinceManifest Manifest, ComponentTrim DroppedRoads, int MissingNodeReferences,
    IReadOnlyList<string> Notes, IReadOnlyList<Inputs.RejectedRow>? RejectedRows = null);

/// <summary>
/// Builds a province package folder from an OSM extract: the routing graph (as <c>import-osm</c> builds
/// it, fire-engine profile, largest strongly connected part), and the records the platform is seeded
/// from. The package is written to a scratch folder beside the target and moved into place only when
/// complete, so a failed build leaves nothing behind. Stateless.
/// </summary>
public static class ProvinceBuilder
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Builds the package; <paramref name="progress"/> gets a progress sink per named step
    /// ("roads", "features", "writing").</summary>
    /// <exception cref="FileNotFoundException">The extract does not exist.</exception>
    /// <exception cref="IOException">The output folder exists and is not empty.</exception>
    /// <exception cref="InvalidDataException">The extract is not a readable OSM file or has no road.</exception>
    public static ProvinceBuildReport Build(ProvinceBuildRequest request, DateTimeOffset now,
        Func<string, IProgress<double>?>? progress = null, CancellationToken ct = default)
    {
        var areas = request.Areas ?? ProvinceAreaOptions.Default;
        var notes = new List<string>();
        // The corps' files are read before the extract so that a bad boundary file fails in seconds.
        var fileBoundaries = Boundaries.BoundaryFiles.Read(areas.BoundaryFiles, areas.InvalidGeometry, notes);
        if (areas.ResponseAreas.Path is { } areaFile && !File.Exists(areaFile))
            throw new FileNotFoundException($"response area file '{areaFile}' not found.", areaFile);
        if (!File.Exists(request.OsmPath)) throw new FileNotFoundException($"OSM file '{request.OsmPath}' not found.", request.OsmPath);
        request.RecordFiles?.EnsureFilesExist();
        var output = Path.GetFullPath(request.OutputDirectory);
        if (File.Exists(output) || Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
            throw new IOException($"output '{request.OutputDirectory}' exists and is not empty; give a new folder.");
        var name = string.IsNullOrWhiteSpace(request.Name) ? Stem(request.OsmPath) : request.Name.Trim();
        var adminLevels = request.AdminLevels ?? ProvinceJurisdictions.DefaultAdminLevels;

        var (network, roadReport) = OsmImporter.Import(request.OsmPath, request.Profile, progress?.Invoke("roads"), ct);
        var features = OsmFeatureReader.Read(request.OsmPath, request.Profile, progress?.Invoke("features"), ct);
        ct.ThrowIfCancellationRequested();

        var jurisdictionSources = new Dictionary<long, string>();
        var roadPoints = features.Roads.SelectMany(r => r.Shape).ToList();
        var tree = ProvinceJurisdictions.Build(name, features.Boundaries, adminLevels,
            ProvinceJurisdictions.RoadArea(roadPoints), notes, jurisdictionSources, fileBoundaries);
        var records = ProvinceRecordsBuilder.Build(tree, jurisdictionSources, features);
        var bounds = new PackageBounds(roadPoints.Min(p => p.Latitude), roadPoints.Min(p => p.Longitude),
            roadPoints.Max(p => p.Latitude), roadPoints.Max(p => p.Longitude));
        var rejected = new List<Inputs.RejectedRow>();
        if (request.RecordFiles is { } files)
            records = Inputs.ProvinceRecordImport.Apply(records, files, bounds, ProvinceRecordsBuilder.Locator(tree), notes, rejected);
        // Response areas are drawn around the stations the package ends with (a stations file replaces OSM's).
        records = records with
        {
            ResponseAreas = ResponseAreas.ResponseAreaBuilder.Build(areas.ResponseAreas, network, request.Profile, records.Stations,
                tree[0].Boundary!, areas.InvalidGeometry, notes),
        };
        var stationsWithoutName = records.Stations.Count(s => s.Name.StartsWith("消防站 ", StringComparison.Ordinal));
        if (stationsWithoutName > 0) notes.Add($"{stationsWithoutName} stations have no name in OSM and are named by their OSM id");
        if (records.Stations.Any(s => s.Source.StartsWith("osm:", StringComparison.Ordinal))) notes.Add("station kinds are not in OSM: every station is taken as a 二级站 and its fleet is generated from that kind");
        else if (records.Stations.Count == 0) notes.Add("the extract has no fire station: stations must come from another source");

        var manifest = new ProvinceManifest(ProvincePackageFiles.FormatVersion, name, bounds,
            [Source("osm", request.OsmPath), ..request.RecordFiles?.Files.Select(f => Source(f.Kind, f.Path)) ?? [],
             .. areas.BoundaryFiles.Select(b => Source("boundaries", b.Path)),
             .. areas.ResponseAreas.Path is { } p ? [Source("responseAreas", p)] : Array.Empty<PackageSource>()], now,
            new Dictionary<string, int>
            {
                ["graphNodes"] = roadReport.Nodes, ["graphArcs"] = roadReport.Arcs, ["roadPieces"] = records.Roads.Count,
                ["jurisdictions"] = records.Jurisdictions.Count, ["stations"] = records.Stations.Count,
                ["units"] = records.Stations.Sum(s => s.Units.Count), ["waterSources"] = records.WaterSources.Count,
                ["settlements"] = records.Settlements.Count, ["names"] = records.Names.Count,
                ["keyPlaces"] = records.KeyPlaces?.Count ?? 0, ["rejectedRows"] = rejected.Count,
                ["responseAreas"] = records.ResponseAreas!.Count,
            },
            adminLevels, notes, rejected);

        var writing = progress?.Invoke("writing");
        var scratch = output + ".partial-" + Guid.NewGuid().ToString("N")[..8];
        Directory.CreateDirectory(scratch);
        try
        {
            RoadNetworkFile.Save(network, Path.Combine(scratch, ProvincePackageFiles.Graph));
            writing?.Report(0.5);
            WriteJson(Path.Combine(scratch, ProvincePackageFiles.Records), records);
            WriteJson(Path.Combine(scratch, ProvincePackageFiles.Manifest), manifest);
            if (Directory.Exists(output)) Directory.Delete(output);
            Directory.Move(scratch, output);
            writing?.Report(1.0);
        }
        catch
        {
            if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
            throw;
        }
        return new ProvinceBuildReport(manifest, roadReport.Dropped, features.MissingNodeReferences, notes, rejected);
    }

    private static void WriteJson<T>(string path, T value)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, value, Json);
    }

    private static PackageSource Source(string kind, string path)
    {
        using var stream = File.OpenRead(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        return new PackageSource(kind, Path.GetFileName(path), new FileInfo(path).Length, hash);
    }

    private static string Stem(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var suffix in new[] { ".osm.pbf", ".osm.gz", ".osm", ".pbf" })
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return name[..^suffix.Length];
        return name;
    }
}
