namespace FireCommand.Core.Demo;

/// <summary>
/// A bucket grid of points on the plane for "is anything within r?" and nearest-neighbour
/// queries while sites are being placed. Buckets are looked up by key, never enumerated, so the
/// answers do not depend on hash order. Not thread-safe.
/// </summary>
internal sealed class PointGrid<T>(double cellKm)
{
    private readonly Dictionary<long, List<(Vec Point, T Item)>> _cells = [];

    public int Count { get; private set; }

    private static long Key(long ix, long iy) => (ix << 32) ^ (iy & 0xFFFFFFFFL);

    private long Cell(double v) => (long)Math.Floor(v / cellKm);

    public void Add(Vec p, T item)
    {
        var key = Key(Cell(p.X), Cell(p.Y));
        if (!_cells.TryGetValue(key, out var list)) _cells[key] = list = [];
        list.Add((p, item));
        Count++;
    }

    public bool AnyWithin(Vec p, double radiusKm)
    {
        var r2 = radiusKm * radiusKm;
        for (var ix = Cell(p.X - radiusKm); ix <= Cell(p.X + radiusKm); ix++)
        for (var iy = Cell(p.Y - radiusKm); iy <= Cell(p.Y + radiusKm); iy++)
        {
            if (!_cells.TryGetValue(Key(ix, iy), out var list)) continue;
            foreach (var (q, _) in list)
                if ((q - p).LengthSquared < r2) return true;
        }
        return false;
    }

    /// <summary>The nearest item within <paramref name="maxKm"/> that passes <paramref name="filter"/>; ties go to the earliest added.</summary>
    public bool TryNearest(Vec p, double maxKm, Func<T, bool> filter, out T item, out double distanceKm)
    {
        item = default!;
        distanceKm = double.MaxValue;
        var found = false;
        var cx = Cell(p.X);
        var cy = Cell(p.Y);
        var maxRing = (long)Math.Ceiling(maxKm / cellKm) + 1;
        for (long ring = 0; ring <= maxRing; ring++)
        {
            // Every point in ring k is at least (k − 1) cells away.
            if (found && (ring - 1) * cellKm > distanceKm) break;
            for (var ix = cx - ring; ix <= cx + ring; ix++)
            for (var iy = cy - ring; iy <= cy + ring; iy++)
            {
                if (Math.Max(Math.Abs(ix - cx), Math.Abs(iy - cy)) != ring) continue;
                if (!_cells.TryGetValue(Key(ix, iy), out var list)) continue;
                foreach (var (q, candidate) in list)
                {
                    var d = q.DistanceTo(p);
                    if (d <= maxKm && d < distanceKm && filter(candidate))
                    {
                        distanceKm = d;
                        item = candidate;
                        found = true;
                    }
                }
            }
        }
        return found;
    }
}
