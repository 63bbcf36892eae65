using FireCommand.Core.Map;

namespace FireCommand.Core.Demo;

/// <summary>A road between two junctions with its shape, before it is split at the junctions found along it.</summary>
internal sealed class RoadEdge
{
    public required int Index { get; init; }
    public required int From { get; init; }
    public required int To { get; init; }
    public required List<Vec> Points { get; init; }
    public required RoadClass Class { get; set; }
    public string? Name { get; set; }
    public bool OneWay { get; set; }
    /// <summary>Junctions that land on the road between its ends: (segment, parameter on it, junction).</summary>
    public List<(int Seg, double T, int Junction)> Attachments { get; } = [];
}

/// <summary>A point on a road: edge, segment, parameter along the segment, and where it is.</summary>
internal readonly record struct EdgePoint(RoadEdge Edge, int Seg, double T, Vec Point, double DistanceKm);

/// <summary>
/// The growing road network on the plane: junctions, edges and a bucket index of edge segments for
/// "nearest road" and crossing queries. Edges are never reshaped; junctions landing mid-edge are
/// recorded as attachments and the edges are cut there at the end (<see cref="Split"/>), so the
/// index never needs updating. Not thread-safe.
/// </summary>
internal sealed class RoadGraph
{
    private const double CellKm = 1.0;
    /// <summary>Junctions closer than this along one road are merged, so no segment is a few metres long.</summary>
    public const double MergeKm = 0.03;

    private readonly Dictionary<long, List<(int Edge, int Seg)>> _cells = [];

    public List<Vec> Junctions { get; } = [];
    public List<RoadEdge> Edges { get; } = [];

    public int AddJunction(Vec p)
    {
        Junctions.Add(p);
        return Junctions.Count - 1;
    }

    /// <summary>Adds a road from junction <paramref name="from"/> to <paramref name="to"/> through <paramref name="shape"/>, whose ends are replaced by the junctions' exact positions.</summary>
    public RoadEdge AddEdge(int from, int to, IReadOnlyList<Vec> shape, RoadClass roadClass, string? name)
    {
        var points = new List<Vec>(shape.Count) { Junctions[from] };
        for (var i = 1; i < shape.Count - 1; i++) points.Add(shape[i]);
        points.Add(Junctions[to]);
        var edge = new RoadEdge { Index = Edges.Count, From = from, To = to, Points = points, Class = roadClass, Name = name };
        Edges.Add(edge);
        for (var s = 0; s < points.Count - 1; s++)
        {
            var (a, b) = (points[s], points[s + 1]);
            for (var ix = Cell(Math.Min(a.X, b.X)); ix <= Cell(Math.Max(a.X, b.X)); ix++)
            for (var iy = Cell(Math.Min(a.Y, b.Y)); iy <= Cell(Math.Max(a.Y, b.Y)); iy++)
            {
                var key = Key(ix, iy);
                if (!_cells.TryGetValue(key, out var list)) _cells[key] = list = [];
                list.Add((edge.Index, s));
            }
        }
        return edge;
    }

    public static long Cell(double v) => (long)Math.Floor(v / CellKm);

    public static long Key(long ix, long iy) => (ix << 32) ^ (iy & 0xFFFFFFFFL);

    /// <summary>The segments registered in one bucket, in insertion order.</summary>
    public IReadOnlyList<(int Edge, int Seg)> InCell(long ix, long iy) =>
        _cells.TryGetValue(Key(ix, iy), out var list) ? list : [];

    /// <summary>The nearest point on any road accepted by <paramref name="filter"/>, within <paramref name="maxKm"/>.</summary>
    public bool TryNearest(Vec p, double maxKm, Func<RoadEdge, bool> filter, out EdgePoint hit)
    {
        hit = default;
        var best = double.MaxValue;
        var (cx, cy) = (Cell(p.X), Cell(p.Y));
        var maxRing = (long)Math.Ceiling(maxKm / CellKm) + 1;
        for (long ring = 0; ring <= maxRing; ring++)
        {
            if (best < double.MaxValue && (ring - 1) * CellKm > best) break;
            for (var ix = cx - ring; ix <= cx + ring; ix++)
            for (var iy = cy - ring; iy <= cy + ring; iy++)
            {
                if (Math.Max(Math.Abs(ix - cx), Math.Abs(iy - cy)) != ring) continue;
                foreach (var (e, s) in InCell(ix, iy))
                {
                    var edge = Edges[e];
                    var d = p.DistanceToSegment(edge.Points[s], edge.Points[s + 1], out var t);
                    if (d < best && d <= maxKm && filter(edge))
                    {
                        best = d;
                        hit = new EdgePoint(edge, s, t, Vec.Lerp(edge.Points[s], edge.Points[s + 1], t), d);
                    }
                }
            }
        }
        return best < double.MaxValue;
    }

    /// <summary>
    /// The junction for a point on a road: the road's end or an earlier attachment when one is
    /// within <see cref="MergeKm"/>, otherwise a new junction attached there.
    /// </summary>
    public int JunctionAt(EdgePoint at)
    {
        var edge = at.Edge;
        if (at.Point.DistanceTo(Junctions[edge.From]) < MergeKm) return edge.From;
        if (at.Point.DistanceTo(Junctions[edge.To]) < MergeKm) return edge.To;
        foreach (var a in edge.Attachments)
            if (Junctions[a.Junction].DistanceTo(at.Point) < MergeKm) return a.Junction;
        var junction = AddJunction(at.Point);
        edge.Attachments.Add((at.Seg, at.T, junction));
        return junction;
    }

    /// <summary>True when the road already has a junction within <see cref="MergeKm"/> of <paramref name="p"/>.</summary>
    public bool HasJunctionNear(RoadEdge edge, Vec p)
    {
        if (p.DistanceTo(Junctions[edge.From]) < MergeKm || p.DistanceTo(Junctions[edge.To]) < MergeKm) return true;
        foreach (var a in edge.Attachments)
            if (Junctions[a.Junction].DistanceTo(p) < MergeKm) return true;
        return false;
    }

    /// <summary>Cuts every edge at its attachments; the pieces run junction to junction.</summary>
    public List<RoadEdge> Split()
    {
        var pieces = new List<RoadEdge>();
        foreach (var edge in Edges)
        {
            var cuts = edge.Attachments.OrderBy(a => a.Seg).ThenBy(a => a.T).ToList();
            var current = new List<Vec> { edge.Points[0] };
            var from = edge.From;
            var c = 0;
            for (var s = 0; s < edge.Points.Count - 1; s++)
            {
                for (; c < cuts.Count && cuts[c].Seg == s; c++)
                {
                    var junction = cuts[c].Junction;
                    current.Add(Junctions[junction]);
                    Emit(pieces, edge, from, junction, current);
                    current = [Junctions[junction]];
                    from = junction;
                }
                current.Add(edge.Points[s + 1]);
            }
            Emit(pieces, edge, from, edge.To, current);
        }
        return pieces;
    }

    private static void Emit(List<RoadEdge> pieces, RoadEdge source, int from, int to, List<Vec> points)
    {
        // Drop shape points that coincide with a neighbour (an attachment on a vertex), keeping both ends.
        var clean = new List<Vec>(points.Count) { points[0] };
        for (var i = 1; i < points.Count - 1; i++)
            if (points[i].DistanceTo(clean[^1]) > 1e-4) clean.Add(points[i]);
        if (clean.Count > 1 && clean[^1].DistanceTo(points[^1]) <= 1e-4) clean.RemoveAt(clean.Count - 1);
        clean.Add(points[^1]);
        if (from == to && ShapeLines.Length(clean) < 1e-3) return;
        pieces.Add(new RoadEdge
        {
            Index = pieces.Count, From = from, To = to, Points = clean,
            Class = source.Class, Name = source.Name, OneWay = source.OneWay,
        });
    }
}
