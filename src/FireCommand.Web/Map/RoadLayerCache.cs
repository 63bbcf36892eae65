using System.Collections.Concurrent;
using FireCommand.Core.Map;
using NetTopologySuite.Geometries;

namespace FireCommand.Web.Map;

/// <summary>
/// The road layer is the same for every user and changes only when the province geography is
/// reloaded, so its GeoJSON (whole, per zoom band and per tile) is built once per geography snapshot
/// and served from memory. The version is a hash of the whole layer, so every app node behind a
/// load balancer names the same data the same way. Thread-safe.
/// </summary>
public sealed class RoadLayerCache(ProvinceGeography geography)
{
    private readonly Lock _gate = new();
    private Layers? _layers;

    /// <summary>One geography snapshot's road files. Tiles are built on first request.</summary>
    public sealed class Layers
    {
        private readonly Dictionary<int, Dictionary<(int X, int Y), List<RoadBands.BandRoad>>> _tileIndex = [];
        private readonly ConcurrentDictionary<(int Band, int X, int Y), byte[]> _tiles = new();
        private readonly Dictionary<int, byte[]> _bands = [];

        internal Layers(ProvinceGeography.Snapshot snapshot)
        {
            Snapshot = snapshot;
            Whole = GeoJsonWriter.Collection(snapshot.Roads.OrderBy(r => r.Class),
                r => r.Geometry, r => new { Cls = r.Class.ToString(), r.Name });
            Version = GeoJsonResult.Tag(Whole).Trim('"');
            var factory = new GeometryFactory(new PrecisionModel(), 4326);
            foreach (var band in RoadBands.All)
            {
                var roads = RoadBands.Select(band, snapshot.Roads, factory).ToList();
                if (band.TileZoom is not { } tileZoom)
                {
                    _bands[band.Index] = Write(roads);
                    continue;
                }
                var index = new Dictionary<(int X, int Y), List<RoadBands.BandRoad>>();
                foreach (var road in roads)
                    foreach (var tile in RoadBands.TilesOf(road.Geometry.EnvelopeInternal, tileZoom))
                    {
                        if (!index.TryGetValue(tile, out var list)) index[tile] = list = [];
                        list.Add(road);
                    }
                _tileIndex[band.Index] = index;
            }
        }

        internal ProvinceGeography.Snapshot Snapshot { get; }

        /// <summary>Every road with every vertex, for clients that want the whole network.</summary>
        public byte[] Whole { get; }

        /// <summary>Names this road data; a URL carrying it can be cached for good.</summary>
        public string Version { get; }

        /// <summary>An untiled band's roads.</summary>
        public byte[] Band(int band) => _bands[band];

        /// <summary>A tiled band's roads touching tile (x, y); an empty collection where there are none.</summary>
        public byte[] Tile(int band, int x, int y) => _tiles.GetOrAdd((band, x, y), key =>
            Write(_tileIndex[key.Band].TryGetValue((key.X, key.Y), out var roads) ? roads : []));

        // The id lets the client draw a road that crosses tiles once; names are not drawn, so not sent.
        private static byte[] Write(IEnumerable<RoadBands.BandRoad> roads) =>
            GeoJsonWriter.Collection(roads, r => r.Geometry, r => new { r.Id, Cls = r.Class.ToString() });
    }

    public Layers Current
    {
        get
        {
            var snapshot = geography.Current;
            lock (_gate)
            {
                if (_layers is { } l && ReferenceEquals(l.Snapshot, snapshot)) return l;
                return _layers = new Layers(snapshot);
            }
        }
    }

    public byte[] Get() => Current.Whole;
}
