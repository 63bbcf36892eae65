using FireCommand.Core.Map;

namespace FireCommand.Core.Demo;

/// <summary>A street intersection of an urban grid.</summary>
internal sealed record GridNode(Vec Point, int Junction, int I, int J);

/// <summary>One block-long piece of a named street.</summary>
internal sealed record GridStreet(RoadEdge Edge, string Name, GridNode A, GridNode B);

/// <summary>
/// The street grid of a city, county seat or market town: slightly rotated, gently bent, with a
/// ragged edge, every intersection a junction. Central lines get the famous names (人民路, 解放大道).
/// </summary>
internal sealed class UrbanGrid
{
    private readonly string[] _rowNames;
    private readonly string[] _columnNames;
    private readonly int _half;

    private UrbanGrid(Vec centre, double radiusKm, int half, string[] rows, string[] columns)
    {
        Centre = centre;
        RadiusKm = radiusKm;
        _half = half;
        _rowNames = rows;
        _columnNames = columns;
    }

    public Vec Centre { get; }
    public double RadiusKm { get; }
    public List<GridNode> Nodes { get; } = [];
    public List<GridStreet> Streets { get; } = [];
    public int CentreJunction { get; private set; } = -1;

    public string RowStreet(GridNode n) => _rowNames[n.J + _half];
    public string ColumnStreet(GridNode n) => _columnNames[n.I + _half];

    /// <summary>The edge intersection facing <paramref name="target"/>, where an outbound road leaves the grid.</summary>
    public GridNode GateToward(Vec target)
    {
        var direction = (target - Centre).Normalised();
        GridNode best = Nodes[0];
        var bestScore = double.MinValue;
        foreach (var n in Nodes)
        {
            var d = n.Point - Centre;
            var score = d.Dot(direction) - 0.6 * Math.Abs(d.Cross(direction));
            if (score > bestScore) (best, bestScore) = (n, score);
        }
        return best;
    }

    public static UrbanGrid Build(RoadGraph graph, Vec centre, double radiusKm, double spacingKm, Prng rng, ValueNoise noise)
    {
        var half = (int)Math.Ceiling(radiusKm * 1.35 / spacingKm);
        var size = 2 * half + 1;
        var grid = new UrbanGrid(centre, radiusKm, half, StreetNames(rng, size, true), StreetNames(rng, size, false));
        var axis = Vec.FromAngle(rng.Range(-0.45, 0.45));
        var points = new Vec?[size, size];
        for (var i = -half; i <= half; i++)
        for (var j = -half; j <= half; j++)
        {
            var local = axis * (i * spacingKm) + axis.Perp * (j * spacingKm);
            // A smooth bend of the whole grid makes streets curve gently; a little jitter per
            // intersection keeps blocks from being identical. Neighbours never move more than half
            // a block against each other, so streets cannot cross.
            var q = centre + local;
            var bend = new Vec(noise.At(q.X / 2.2 + 71.3, q.Y / 2.2), noise.At(q.X / 2.2, q.Y / 2.2 - 39.7)) * (0.6 * spacingKm);
            var p = q + bend + new Vec(rng.Range(-0.06, 0.06), rng.Range(-0.06, 0.06)) * spacingKm;
            // A ragged edge: the limit radius wanders by ±25 % around the city.
            var limit = radiusKm * (1 + 0.25 * noise.Fbm(p.X / 3, p.Y / 3, 2));
            if (local.Length <= limit) points[i + half, j + half] = p;
        }
        var keep = LargestBlock(points, size);

        var nodes = new GridNode?[size, size];
        for (var i = 0; i < size; i++)
        for (var j = 0; j < size; j++)
        {
            if (points[i, j] is not { } p || !keep(i, j)) continue;
            var node = new GridNode(p, graph.AddJunction(p), i - half, j - half);
            nodes[i, j] = node;
            grid.Nodes.Add(node);
        }
        for (var i = 0; i < size; i++)
        for (var j = 0; j < size; j++)
        {
            if (nodes[i, j] is not { } a) continue;
            if (i + 1 < size && nodes[i + 1, j] is { } east) grid.AddStreet(graph, a, east, grid._rowNames[j], rng);
            if (j + 1 < size && nodes[i, j + 1] is { } north) grid.AddStreet(graph, a, north, grid._columnNames[i], rng);
        }
        grid.CentreJunction = grid.Nodes.MinBy(n => n.Point.DistanceTo(centre))!.Junction;
        return grid;
    }

    private void AddStreet(RoadGraph graph, GridNode a, GridNode b, string name, Prng rng)
    {
        var edge = graph.AddEdge(a.Junction, b.Junction, [a.Point, b.Point], RoadClass.UrbanStreet, name);
        // A few one-way streets in the old core, as in any Chinese city centre.
        var core = a.Point.DistanceTo(Centre) < RadiusKm * 0.3;
        if (core && rng.Chance(0.06)) edge.OneWay = true;
        Streets.Add(new GridStreet(edge, name, a, b));
    }

    /// <summary>Keeps only the largest 4-connected block of intersections, so no street floats apart from the city.</summary>
    private static Func<int, int, bool> LargestBlock(Vec?[,] points, int size)
    {
        var sets = new UnionFind(size * size);
        for (var i = 0; i < size; i++)
        for (var j = 0; j < size; j++)
        {
            if (points[i, j] is null) continue;
            if (i + 1 < size && points[i + 1, j] is not null) sets.Union(i * size + j, (i + 1) * size + j);
            if (j + 1 < size && points[i, j + 1] is not null) sets.Union(i * size + j, i * size + j + 1);
        }
        var bestRoot = -1;
        var bestSize = 0;
        for (var k = 0; k < size * size; k++)
        {
            if (points[k / size, k % size] is null || sets.Find(k) != k || sets.SizeOf(k) <= bestSize) continue;
            (bestRoot, bestSize) = (k, sets.SizeOf(k));
        }
        return (i, j) => sets.Find(i * size + j) == bestRoot;
    }

    private static string[] StreetNames(Prng rng, int count, bool rows)
    {
        var roots = PlaceSyllables.StreetRoots.ToList();
        rng.Shuffle(roots);
        const string passes = "一二三四五六七八九";
        var names = new string[count];
        var half = count / 2;
        // Central lines first, so the famous names run through downtown.
        var order = Enumerable.Range(0, count).OrderBy(k => Math.Abs(k - half)).ThenBy(k => k).ToList();
        for (var n = 0; n < order.Count; n++)
        {
            var k = order[n];
            var root = roots[n % roots.Count];
            var pass = n / roots.Count;
            var major = (k - half) % 4 == 0;
            var suffix = major ? "大道" : rows ? "路" : "街";
            names[k] = pass == 0 ? root + suffix : $"{root}{passes[Math.Min(pass, passes.Length - 1)]}{suffix}";
        }
        return names;
    }
}
