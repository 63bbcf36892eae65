using System.Xml;
using FireCommand.Geo.Profiles;
using OsmSharp;
using OsmSharp.Tags;

namespace FireCommand.Geo.Import.Osm.Features;

/// <summary>What a tagged OSM object is to the platform.</summary>
public enum OsmFeatureKind
{
    FireStation,
    Hydrant,
    WaterTank,
    SuctionPoint,
    FireWaterPond,
    Place,
    /// <summary>Any other object with a name or an address: a gazetteer entry.</summary>
    Named,
}

/// <summary>One point feature; an area is reduced to the mean of its nodes. <c>Source</c> is "node/ID" or "way/ID".</summary>
public sealed record OsmFeature(OsmFeatureKind Kind, string Source, GeoPoint Location, IReadOnlyDictionary<string, string> Tags);

/// <summary>A road piece between two junctions (OSM node ids), for drawing and street names; routing uses the graph.</summary>
public sealed record OsmRoadPiece(long FromNode, long ToNode, GeoPoint[] Shape, RoadKind Kind, bool OneWay, string? Name);

/// <summary>An administrative boundary relation, closed when every member way is in the extract.</summary>
public sealed record OsmBoundary(string Source, string Name, int AdminLevel, IReadOnlyList<GeoPoint[]> OuterRings,
    int MemberWays, int MissingMemberWays);

/// <summary>Everything the province builder takes from an extract besides the routing graph. Immutable.</summary>
public sealed record OsmFeatureSet(IReadOnlyList<OsmFeature> Features, IReadOnlyList<OsmRoadPiece> Roads,
    IReadOnlyList<OsmBoundary> Boundaries, int MissingNodeReferences);

/// <summary>
/// Reads stations, water sources, places, named objects, road pieces and administrative boundaries from
/// an OSM file in one streaming pass. It keeps every node coordinate in memory (about 40 bytes a node),
/// which suits city and county extracts; a whole country needs a node store on disk first.
/// Stateless and thread-safe.
/// </summary>
public static class OsmFeatureReader
{
    /// <summary>Tags kept on features: the ones the province records and the gazetteer read.</summary>
    private static readonly string[] KeptPrefixes = ["name", "alt_name", "official_name", "addr:", "operator", "phone",
        "place", "population", "amenity", "emergency", "fire_hydrant:", "water_tank:", "capacity", "admin_level", "highway"];

    /// <exception cref="InvalidDataException">The file is not a readable OSM file.</exception>
    public static OsmFeatureSet Read(string path, FireEngineProfile? profile = null, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        profile ??= FireEngineProfile.Default;
        var collector = new Collector(profile.VehicleWeightTonnes);
        string name = Path.GetFileName(path);
        try
        {
            OsmImporter.Read(path, OsmImporter.IsPbf(path), collector.Add, p => progress?.Report(p), cancellationToken);
        }
        catch (Exception e) when (e is XmlException or InvalidOperationException or EndOfStreamException or IOException
                                      or ProtoBuf.ProtoException or FormatException or OverflowException
                                      or ArgumentException or NullReferenceException or IndexOutOfRangeException
                                  && e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new InvalidDataException($"{name}: not a readable OSM file ({e.Message})", e);
        }
        return collector.Finish();
    }

    internal static OsmFeatureKind? KindOf(Func<string, string?> tag) =>
        tag("amenity") == "fire_station" ? OsmFeatureKind.FireStation
        : tag("emergency") switch
        {
            "fire_hydrant" => OsmFeatureKind.Hydrant,
            "water_tank" => OsmFeatureKind.WaterTank,
            "suction_point" => OsmFeatureKind.SuctionPoint,
            "fire_water_pond" => OsmFeatureKind.FireWaterPond,
            _ => tag("place") is not null && tag("name") is not null ? OsmFeatureKind.Place
                : tag("highway") is null && (tag("name") is not null || tag("addr:street") is not null) ? OsmFeatureKind.Named
                : null,
        };

    private sealed class Collector(double vehicleWeightTonnes)
    {
        private readonly Dictionary<long, GeoPoint> _nodes = [];
        private readonly Dictionary<long, long[]> _wayNodes = [];
        private readonly List<OsmFeature> _features = [];
        private readonly List<(long[] Nodes, WayTraits Traits, string? Name)> _roads = [];
        private readonly List<(string Source, string Name, int Level, long[] Outer)> _relations = [];
        private int _missing;

        public void Add(OsmGeo geo)
        {
            switch (geo)
            {
                case Node { Id: { } id, Latitude: { } lat, Longitude: { } lon } node:
                    var at = new GeoPoint(lat, lon);
                    _nodes[id] = at;
                    if (node.Tags is { Count: > 0 } nt && KindOf(k => Tag(nt, k)) is { } nk)
                        _features.Add(new OsmFeature(nk, $"node/{id}", at, Kept(nt)));
                    break;
                case Way { Id: { } wayId, Nodes: { Length: >= 2 } nodes } way:
                    _wayNodes[wayId] = nodes;
                    if (way.Tags is not { Count: > 0 } wt) break;
                    if (Tag(wt, "highway") is not null &&
                        OsmWayRules.Classify(k => Tag(wt, k), vehicleWeightTonnes, out var traits) == WayRejection.None)
                        _roads.Add((nodes, traits, Tag(wt, "name:zh") ?? Tag(wt, "name")));
                    if (KindOf(k => Tag(wt, k)) is { } wk && Centre(nodes) is { } centre)
                        _features.Add(new OsmFeature(wk, $"way/{wayId}", centre, Kept(wt)));
                    break;
                case Relation { Id: { } relId, Members: { } members } rel when rel.Tags is { Count: > 0 } rt
                        && Tag(rt, "boundary") == "administrative"
                        && int.TryParse(Tag(rt, "admin_level"), out var level) && Tag(rt, "name") is { } relName:
                    var outer = members.Where(m => m.Type == OsmGeoType.Way && m.Role is "outer" or "" or null)
                        .Select(m => m.Id).ToArray();
                    _relations.Add(($"relation/{relId}", Tag(rt, "name:zh") ?? relName, level, outer));
                    break;
            }
        }

        private GeoPoint? Centre(long[] nodes)
        {
            var known = nodes.Distinct().Where(_nodes.ContainsKey).Select(n => _nodes[n]).ToList();
            return known.Count == 0 ? null : new GeoPoint(known.Average(p => p.Latitude), known.Average(p => p.Longitude));
        }

        public OsmFeatureSet Finish()
        {
            var boundaries = _relations.Select(r =>
            {
                var missing = r.Outer.Count(id => !_wayNodes.TryGetValue(id, out var ns) || ns.Any(n => !_nodes.ContainsKey(n)));
                var rings = missing == 0 ? Rings(r.Outer.Select(id => _wayNodes[id]).ToList()) : [];
                return new OsmBoundary(r.Source, r.Name, r.Level, rings, r.Outer.Length, missing);
            }).ToList();
            return new OsmFeatureSet(_features, Pieces(), boundaries, _missing);
        }

        /// <summary>Joins member ways end to end into closed rings; a member set that does not close yields none.</summary>
        private List<GeoPoint[]> Rings(List<long[]> ways)
        {
            var rings = new List<GeoPoint[]>();
            var open = ways.Select(w => w.ToList()).ToList();
            while (open.Count > 0)
            {
                var ring = open[0];
                open.RemoveAt(0);
                while (ring[0] != ring[^1])
                {
                    int i = open.FindIndex(w => w[0] == ring[^1] || w[^1] == ring[^1]);
                    if (i < 0) return [];
                    var next = open[i];
                    open.RemoveAt(i);
                    if (next[0] != ring[^1]) next.Reverse();
                    ring.AddRange(next.Skip(1));
                }
                if (ring.Count >= 4) rings.Add(ring.Select(n => _nodes[n]).ToArray());
            }
            return rings;
        }

        /// <summary>Splits routable ways at every node two ways share, so pieces meet at junctions.</summary>
        private List<OsmRoadPiece> Pieces()
        {
            var uses = new Dictionary<long, int>();
            foreach (var (nodes, _, _) in _roads)
                foreach (var n in nodes) uses[n] = uses.GetValueOrDefault(n) + 1;
            var pieces = new List<OsmRoadPiece>();
            foreach (var (nodes, traits, name) in _roads)
            {
                var shape = new List<GeoPoint>();
                long start = -1;
                foreach (var n in nodes)
                {
                    if (!_nodes.TryGetValue(n, out var p)) { _missing++; shape.Clear(); start = -1; continue; }
                    if (start < 0) start = n;
                    shape.Add(p);
                    if (shape.Count >= 2 && (uses[n] > 1 || n == nodes[^1]))
                    {
                        var forwardOnly = traits.Forward && !traits.Backward;
                        var backwardOnly = !traits.Forward && traits.Backward;
                        var piece = shape.ToArray();
                        if (backwardOnly) Array.Reverse(piece);
                        pieces.Add(new OsmRoadPiece(backwardOnly ? n : start, backwardOnly ? start : n, piece, traits.Kind,
                            forwardOnly || backwardOnly, name));
                        shape.Clear();
                        shape.Add(p);
                        start = n;
                    }
                }
            }
            return pieces;
        }

        private static Dictionary<string, string> Kept(TagsCollectionBase tags)
        {
            var kept = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var t in tags)
                if (KeptPrefixes.Any(p => t.Key.StartsWith(p, StringComparison.Ordinal))) kept[t.Key] = t.Value;
            return kept;
        }

        private static string? Tag(TagsCollectionBase tags, string key) => tags.TryGetValue(key, out var v) ? v : null;
    }
}
