namespace FireCommand.Core.Demo;

/// <summary>Polylines that look drawn by terrain rather than by a ruler: rivers, roads, mountain roads.</summary>
internal static class ShapeLines
{
    /// <summary>
    /// Midpoint displacement from <paramref name="a"/> to <paramref name="b"/>: each pass offsets the
    /// midpoints sideways by up to <paramref name="roughness"/> × the piece's length, until pieces are
    /// shorter than <paramref name="spacingKm"/>. Offsets stay small against the piece, so the line
    /// never folds back on itself.
    /// </summary>
    public static List<Vec> Meander(Vec a, Vec b, double roughness, double spacingKm, Prng rng)
    {
        var points = new List<Vec> { a, b };
        var pieceLength = a.DistanceTo(b);
        while (pieceLength > spacingKm && points.Count < 4096)
        {
            var next = new List<Vec>(points.Count * 2);
            for (var i = 0; i < points.Count - 1; i++)
            {
                var p = points[i];
                var q = points[i + 1];
                var side = (q - p).Perp.Normalised();
                next.Add(p);
                next.Add(Vec.Lerp(p, q, 0.5) + side * (roughness * pieceLength * rng.Range(-1, 1)));
            }
            next.Add(points[^1]);
            points = next;
            pieceLength /= 2;
        }
        return points;
    }

    /// <summary>
    /// A switchback road: a sine wave across the straight line (so it can never cross itself, the
    /// offset being a function of the distance along), tapered to zero at both ends so it meets
    /// its junctions head-on.
    /// </summary>
    public static List<Vec> Winding(Vec a, Vec b, double amplitudeKm, double wavelengthKm, Prng rng)
    {
        var axis = b - a;
        var length = axis.Length;
        var along = axis.Normalised();
        var side = along.Perp;
        var phase = rng.Range(0, 2 * DetMath.Pi);
        var steps = Math.Max(2, (int)Math.Ceiling(length / 0.12));
        var wobble = rng.Range(0.6, 1.0);
        var points = new List<Vec>(steps + 1) { a };
        for (var i = 1; i < steps; i++)
        {
            var s = length * i / steps;
            var taper = Math.Min(1, Math.Min(s, length - s) / 0.6);
            var offset = amplitudeKm * taper * (DetMath.Sin(2 * DetMath.Pi * s / wavelengthKm + phase)
                + 0.35 * wobble * DetMath.Sin(2 * DetMath.Pi * s / (wavelengthKm * 2.7) + 2 * phase));
            points.Add(a + along * s + side * offset);
        }
        points.Add(b);
        return points;
    }

    public static double Length(IReadOnlyList<Vec> points)
    {
        double total = 0;
        for (var i = 1; i < points.Count; i++) total += points[i - 1].DistanceTo(points[i]);
        return total;
    }
}
