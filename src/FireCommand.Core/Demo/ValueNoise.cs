namespace FireCommand.Core.Demo;

/// <summary>
/// Smooth 2-D value noise in [-1, 1] from a hashed integer lattice. Chosen over Perlin/simplex
/// because it needs no gradients or trigonometry, so it is exact and portable (see DetMath).
/// Immutable and thread-safe.
/// </summary>
internal sealed class ValueNoise(ulong seed)
{
    private double Lattice(long ix, long iy)
    {
        var h = Prng.Mix(seed ^ Prng.Mix((ulong)ix * 0x9E3779B97F4A7C15UL ^ (ulong)iy * 0xC2B2AE3D27D4EB4FUL));
        return (h >> 11) * (2.0 / (1UL << 53)) - 1.0;
    }

    // Quintic fade keeps the first and second derivatives continuous, so noisy outlines stay smooth.
    private static double Fade(double t) => t * t * t * (t * (t * 6 - 15) + 10);

    public double At(double x, double y)
    {
        var fx = Math.Floor(x);
        var fy = Math.Floor(y);
        var ix = (long)fx;
        var iy = (long)fy;
        var u = Fade(x - fx);
        var v = Fade(y - fy);
        var a = Lattice(ix, iy);
        var b = Lattice(ix + 1, iy);
        var c = Lattice(ix, iy + 1);
        var d = Lattice(ix + 1, iy + 1);
        var top = a + (b - a) * u;
        var bottom = c + (d - c) * u;
        return top + (bottom - top) * v;
    }

    /// <summary>Fractal sum of <paramref name="octaves"/> octaves, each half the amplitude of the last; result in [-1, 1].</summary>
    public double Fbm(double x, double y, int octaves)
    {
        double sum = 0, amplitude = 1, norm = 0, frequency = 1;
        for (var o = 0; o < octaves; o++)
        {
            // The offsets keep the octaves' lattices from lining up at the origin.
            sum += amplitude * At(x * frequency + o * 17.31, y * frequency - o * 9.73);
            norm += amplitude;
            amplitude *= 0.5;
            frequency *= 2.0;
        }
        return sum / norm;
    }
}
