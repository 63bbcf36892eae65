namespace FireCommand.Core.Demo;

/// <summary>
/// Turns the straight edges of a Voronoi partition into wandering county lines by midpoint
/// displacement: coarse bends and fine wiggles, like borders that follow rivers and ridges. Each
/// edge is shaped from a seed hashed from its two ends, taken in a canonical order, so the two
/// cells that share an edge get the same line and still tile the region. Around city centres the
/// wiggles die out: district lines there run along streets and must not swallow the centre.
/// Immutable.
/// </summary>
internal sealed class BorderShaper(ulong seed, IReadOnlyList<Vec> calmCentres, double roughness = 0.22)
{
    private const double FinestPieceKm = 0.7;
    private const double CalmRadiusKm = 3;
    private const double CalmFadeKm = 22;

    /// <summary>The same shaper with half the roughness, for a partition whose cells would fold or lose their site.</summary>
    public BorderShaper Weaker() => new(seed, calmCentres, roughness / 2);

    /// <summary>The shaped edge from <paramref name="a"/> to <paramref name="b"/>, both ends included.</summary>
    public List<Vec> Edge(Vec a, Vec b)
    {
        var forward = a.X < b.X || (a.X == b.X && a.Y <= b.Y);
        var (lo, hi) = forward ? (a, b) : (b, a);
        var rng = new Prng(seed ^ Prng.Mix(Quantise(lo.X) ^ Prng.Mix(Quantise(lo.Y) ^ Prng.Mix(Quantise(hi.X) ^ Prng.Mix(Quantise(hi.Y))))));
        // A fractal profile of sideways offsets over the edge's own axis (so the line is a graph
        // over that axis and cannot loop), tapered to nothing at both ends (so lines meeting at a
        // corner do not cross) and calmed near city centres, all applied at the final vertices.
        var axis = hi - lo;
        var side = axis.Perp.Normalised();
        var length = axis.Length;
        var levels = 0;
        while (length / (1 << levels) > FinestPieceKm && levels < 12) levels++;
        var count = (1 << levels) + 1;
        var profile = new double[count];
        for (var step = count - 1; step > 1; step /= 2)
        {
            var pieceKm = length * step / (count - 1);
            for (var i = step / 2; i < count; i += step)
                profile[i] = (profile[i - step / 2] + profile[i + step / 2]) / 2 + roughness * pieceKm * rng.Range(-1, 1);
        }
        var line = new List<Vec>(count);
        for (var i = 0; i < count; i++)
        {
            var t = (double)i / (count - 1);
            var onAxis = Vec.Lerp(lo, hi, t);
            line.Add(i == 0 ? lo : i == count - 1 ? hi : onAxis + side * (profile[i] * 4 * t * (1 - t) * Calm(onAxis)));
        }
        if (!forward) line.Reverse();
        return line;
    }

    // Voronoi clipping may compute an edge's far end with a last-bit difference in the two cells;
    // hashing the end rounded to 0.1 m gives both cells the same seed anyway.
    private static ulong Quantise(double v) => (ulong)(long)Math.Round(v * 1e4);

    private double Calm(Vec p)
    {
        var nearest = double.MaxValue;
        foreach (var c in calmCentres) nearest = Math.Min(nearest, p.DistanceTo(c));
        var t = Math.Clamp((nearest - CalmRadiusKm) / CalmFadeKm, 0, 1);
        return t * t * (3 - 2 * t);
    }
}
