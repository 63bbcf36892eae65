using FireCommand.Geo.Profiles;

namespace FireCommand.Geo.Graph;

/// <summary>
/// Builds the same compact graph as the OSM import from the platform's own road segments (junction
/// ids shared by the segments that meet, a shape polyline, a class, one-way, an optional speed limit),
/// with the same fire-engine profile and the same largest-component trim. Interior shape points become
/// graph nodes so routes and isochrones follow the drawn road.
/// </summary>
/// <remarks>Not thread-safe while adding; <see cref="Build"/> leaves the builder reusable.</remarks>
public sealed class RoadGraphBuilder(FireEngineProfile? profile = null)
{
    private readonly FireEngineProfile _profile = profile ?? FireEngineProfile.Default;
    private readonly Dictionary<long, int> _junctions = [];
    private readonly List<double> _lat = [], _lon = [];
    private readonly List<long> _ids = [];
    private readonly List<(int[] Nodes, RoadKind Kind, bool OneWay, double? MaxSpeed)> _segments = [];
    private long _nextShapeId = -1;

    /// <summary>Adds a segment. <paramref name="shape"/> runs from the first junction to the second and
    /// holds at least those two points.</summary>
    /// <param name="fromJunction">Id of the junction where the shape starts.</param>
    /// <param name="toJunction">Id of the junction where the shape ends.</param>
    /// <param name="shape">WGS-84 polyline, first point at <paramref name="fromJunction"/>.</param>
    /// <param name="kind">Road class (platform classes: Expressway, Arterial, UrbanStreet, Local, Mountain).</param>
    /// <param name="oneWay">True when only drivable from the first junction to the second.</param>
    /// <param name="maxSpeedKmh">Posted limit, if any.</param>
    public RoadGraphBuilder AddSegment(long fromJunction, long toJunction, IReadOnlyList<GeoPoint> shape, RoadKind kind,
        bool oneWay, double? maxSpeedKmh = null)
    {
        if (shape.Count < 2) throw new ArgumentException("A segment needs at least two shape points.", nameof(shape));
        if (shape.Any(p => !p.IsValid)) throw new ArgumentException("Shape has an invalid coordinate.", nameof(shape));
        var nodes = new int[shape.Count];
        nodes[0] = Junction(fromJunction, shape[0]);
        nodes[^1] = Junction(toJunction, shape[^1]);
        for (int i = 1; i < shape.Count - 1; i++) nodes[i] = AddNode(_nextShapeId--, shape[i]);
        _segments.Add((nodes, kind, oneWay, maxSpeedKmh));
        return this;
    }

    /// <summary>Builds the graph; the trim report says what fell outside the largest component.</summary>
    public (RoadNetwork Network, ComponentTrim Dropped) Build(string source = "platform", IReadOnlyList<MapPlace>? places = null)
    {
        int n = _lat.Count;
        var lat = _lat.ToArray(); var lon = _lon.ToArray();
        var pieces = new int[n];
        foreach (var s in _segments)
            for (int i = 0; i < s.Nodes.Length; i++) pieces[s.Nodes[i]] += i == 0 || i == s.Nodes.Length - 1 ? 1 : 2;
        var urban = UrbanAreas.Classify(lat, lon, pieces.Select(p => p >= 3).ToArray(), _profile.UrbanJunctionsPerKm2);
        var arcs = new ArcList(_segments.Sum(s => s.Nodes.Length) * 2);
        foreach (var (nodes, kind, oneWay, maxSpeed) in _segments)
            for (int i = 0; i + 1 < nodes.Length; i++)
            {
                int a = nodes[i], b = nodes[i + 1];
                double meters = Meters(lat, lon, a, b);
                int time = _profile.TravelDeciseconds(meters, kind, urban[a] || urban[b], maxSpeed);
                arcs.Add(a, b, time, (float)meters);
                if (!oneWay) arcs.Add(b, a, time, (float)meters);
            }
        var full = GraphAssembler.Assemble(n, arcs, TravelTimeUnit.Deciseconds, keepLengths: true,
            lat.Select(x => (int)Math.Round(x * 1e7)).ToArray(), lon.Select(x => (int)Math.Round(x * 1e7)).ToArray(), _ids.ToArray());
        var (graph, _, trim) = LargestComponent.Keep(full);
        return (new RoadNetwork(graph, places ?? [], source), trim);
    }

    private int Junction(long id, GeoPoint at)
    {
        if (_junctions.TryGetValue(id, out int node)) return node;
        return _junctions[id] = AddNode(id, at);
    }

    private int AddNode(long id, GeoPoint at)
    {
        _lat.Add(at.Latitude);
        _lon.Add(at.Longitude);
        _ids.Add(id);
        return _lat.Count - 1;
    }

    /// <summary>Distance with the endpoints in a fixed order: floating point is not symmetric, and a
    /// last-bit difference between the two directions would keep a two-way road from merging into one edge.</summary>
    private static double Meters(double[] lat, double[] lon, int a, int b)
    {
        if (a > b) (a, b) = (b, a);
        return new GeoPoint(lat[a], lon[a]).DistanceMetersTo(new GeoPoint(lat[b], lon[b]));
    }
}
