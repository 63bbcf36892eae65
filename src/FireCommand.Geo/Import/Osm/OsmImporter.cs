using System.Diagnostics;
using System.Xml;
using FireCommand.Geo.Graph;
using FireCommand.Geo.Profiles;
using OsmSharp;
using OsmSharp.Streams;
using OsmSharp.Tags;

namespace FireCommand.Geo.Import.Osm;

/// <summary>
/// Builds a fire-engine road graph from an OSM file (<c>.osm.pbf</c>, <c>.osm</c> or <c>.osm.gz</c>; the
/// format is recognised from the content). Two streaming passes keep memory proportional to the road
/// network rather than to the whole file: the first collects routable ways, stations and hydrants,
/// the second only the coordinates of the nodes those ways use. Every node of a routable way becomes a
/// graph node, so routes follow the road shape without a separate geometry store. The result is cut
/// to its largest strongly connected component. Stateless and thread-safe.
/// </summary>
public static class OsmImporter
{
    /// <summary>Imports a file.</summary>
    /// <param name="path">The OSM file.</param>
    /// <param name="profile">Speeds and restrictions; <see cref="FireEngineProfile.Default"/> when null.</param>
    /// <param name="progress">Receives 0..1 as the file is read.</param>
    /// <param name="cancellationToken">Stops the import between objects.</param>
    /// <exception cref="InvalidDataException">The file is malformed, truncated or holds no usable road.</exception>
    public static (RoadNetwork Network, OsmImportReport Report) Import(string path, FireEngineProfile? profile = null,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        profile ??= FireEngineProfile.Default;
        var problems = profile.Validate();
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(profile));
        var clock = Stopwatch.StartNew();
        string name = Path.GetFileName(path);
        var collector = new OsmWayCollector(profile.VehicleWeightTonnes);
        try
        {
            bool pbf = IsPbf(path);
            Read(path, pbf, collector.AddFromFirstPass, p => progress?.Report(p * 0.45), cancellationToken);
            if (collector.Ways.Count == 0)
                throw new InvalidDataException($"{name}: no road a fire engine can use (no routable highway ways).");
            Read(path, pbf, collector.AddFromSecondPass, p => progress?.Report(0.45 + p * 0.45), cancellationToken);
        }
        // OsmSharp reports malformed input as assorted runtime exceptions (XML, protobuf, index and
        // null errors from half-read blocks); all of them mean "this file is not usable".
        catch (Exception e) when (e is XmlException or InvalidOperationException or EndOfStreamException or IOException
                                      or ProtoBuf.ProtoException or FormatException or OverflowException
                                      or ArgumentException or NullReferenceException or IndexOutOfRangeException
                                  && e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new InvalidDataException($"{name}: not a readable OSM file ({e.Message})", e);
        }

        var (graph, trim) = OsmGraphBuild.Build(collector, profile);
        progress?.Report(1.0);
        var places = collector.Places();
        var report = new OsmImportReport
        {
            Nodes = graph.NodeCount, Arcs = graph.ArcCount, RoutableWays = collector.Ways.Count,
            RejectedWays = collector.Rejected, MissingNodeReferences = collector.MissingReferences,
            Stations = places.Count(p => p.Kind == PlaceKind.FireStation),
            Hydrants = places.Count(p => p.Kind == PlaceKind.Hydrant),
            Dropped = trim, Seconds = clock.Elapsed.TotalSeconds,
        };
        return (new RoadNetwork(graph, places, name), report);
    }

    internal static bool IsPbf(string path)
    {
        using var content = InputFiles.Open(path, out var raw);
        Span<byte> head = stackalloc byte[64];
        int read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read == 0) throw new InvalidDataException($"{Path.GetFileName(path)}: empty file.");
        foreach (byte b in head[..read])
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF) continue;
            return b != (byte)'<';
        }
        return true;
    }

    internal static void Read(string path, bool pbf, Action<OsmGeo> sink, Action<double> progress, CancellationToken ct)
    {
        using var content = InputFiles.Open(path, out var raw);
        if (pbf && content == raw) PbfFraming.Check(raw, Path.GetFileName(path));
        OsmStreamSource source = pbf ? new PBFOsmStreamSource(content) : new XmlOsmStreamSource(content);
        long count = 0;
        foreach (var geo in source)
        {
            sink(geo);
            if ((++count & 0x3FFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress((double)raw.Position / Math.Max(1, raw.Length));
            }
        }
        progress(1.0);
    }

    internal static string? Tag(TagsCollectionBase? tags, string key) =>
        tags is not null && tags.TryGetValue(key, out var value) ? value : null;
}
