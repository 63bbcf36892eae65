using FireCommand.Geo.Graph;
using OsmSharp;

namespace FireCommand.Geo.Import.Osm;

/// <summary>Accumulates what the two OSM passes find. Not thread-safe: one per import.</summary>
internal sealed class OsmWayCollector(double vehicleWeightTonnes)
{
    public sealed record RoutableWay(long[] Nodes, WayTraits Traits);

    private readonly List<MapPlace> _nodePlaces = [];
    private readonly List<(long Id, string? Name, long[] Nodes)> _stationWays = [];
    private readonly Dictionary<long, (double Lat, double Lon)> _stationWayNodes = [];

    public List<RoutableWay> Ways { get; } = [];
    /// <summary>OSM node id → graph index, -1 until its coordinate is read.</summary>
    public Dictionary<long, int> NodeIndex { get; } = [];
    public List<double> Lat { get; } = [];
    public List<double> Lon { get; } = [];
    public List<long> OsmIds { get; } = [];
    public Dictionary<WayRejection, int> Rejected { get; } = [];
    public int MissingReferences { get; set; }

    public void AddFromFirstPass(OsmGeo geo)
    {
        switch (geo)
        {
            case Node { Id: { } id, Latitude: { } lat, Longitude: { } lon } node when node.Tags is { Count: > 0 } tags:
                var kind = OsmImporter.Tag(tags, "amenity") == "fire_station" ? PlaceKind.FireStation
                    : OsmImporter.Tag(tags, "emergency") == "fire_hydrant" ? PlaceKind.Hydrant
                    : (PlaceKind?)null;
                if (kind is { } k) _nodePlaces.Add(new MapPlace(k, $"node/{id}", OsmImporter.Tag(tags, "name"), new GeoPoint(lat, lon)));
                break;
            case Way { Id: { } wayId, Nodes: { Length: >= 2 } nodes } way when way.Tags is { Count: > 0 } tags:
                if (OsmImporter.Tag(tags, "amenity") == "fire_station")
                {
                    _stationWays.Add((wayId, OsmImporter.Tag(tags, "name"), nodes));
                    foreach (var n in nodes) _stationWayNodes[n] = (double.NaN, double.NaN);
                }
                if (OsmImporter.Tag(tags, "highway") is null && OsmImporter.Tag(tags, "route") != "ferry") break;
                var rejection = OsmWayRules.Classify(key => OsmImporter.Tag(tags, key), vehicleWeightTonnes, out var traits);
                if (rejection != WayRejection.None)
                {
                    Rejected[rejection] = Rejected.GetValueOrDefault(rejection) + 1;
                    break;
                }
                Ways.Add(new RoutableWay(nodes, traits));
                foreach (var n in nodes) NodeIndex.TryAdd(n, -1);
                break;
        }
    }

    public void AddFromSecondPass(OsmGeo geo)
    {
        if (geo is not Node { Id: { } id, Latitude: { } lat, Longitude: { } lon }) return;
        if (_stationWayNodes.ContainsKey(id)) _stationWayNodes[id] = (lat, lon);
        if (NodeIndex.TryGetValue(id, out int index) && index < 0)
        {
            NodeIndex[id] = Lat.Count;
            Lat.Add(lat);
            Lon.Add(lon);
            OsmIds.Add(id);
        }
    }

    /// <summary>Stations and hydrants: nodes as they are, station areas at the mean of their nodes.</summary>
    public List<MapPlace> Places()
    {
        var places = new List<MapPlace>(_nodePlaces);
        foreach (var (id, name, nodes) in _stationWays)
        {
            var known = nodes.Distinct().Select(n => _stationWayNodes[n]).Where(c => !double.IsNaN(c.Lat)).ToList();
            if (known.Count == 0) continue;
            places.Add(new MapPlace(PlaceKind.FireStation, $"way/{id}", name,
                new GeoPoint(known.Average(c => c.Lat), known.Average(c => c.Lon))));
        }
        return places;
    }
}
