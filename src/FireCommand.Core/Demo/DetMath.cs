namespace FireCommand.Core.Demo;

/// <summary>
/// Sine, cosine and arc functions built from +, −, × and ÷ only. Math.Sin and friends call the
/// platform's C library, whose last bit differs between glibc, the MSVC runtime and ARM64; one
/// flipped bit can move a point across a boundary and change the whole demo province. IEEE-754
/// basic arithmetic and Math.Sqrt are exactly rounded everywhere and the JIT never fuses them, so
/// these polynomials give the same bits on every machine. Accuracy is a few ulp, plenty for maps.
/// </summary>
internal static class DetMath
{
    public const double Pi = 3.141592653589793;
    public const double DegreesToRadians = Pi / 180.0;
    private const double HalfPiHi = 1.5707963267948966;
    private const double HalfPiLo = 6.123233995736766e-17;
    private const double Sqrt3 = 1.7320508075688772;
    private const double TanPiOver12 = 0.2679491924311227;

    public static double Sin(double x) => Quadrant(x, 0);

    public static double Cos(double x) => Quadrant(x, 1);

    /// <summary>Reduces to |r| ≤ π/4 (Cody–Waite with a two-part π/2) and picks the polynomial by quadrant.</summary>
    private static double Quadrant(double x, long shift)
    {
        var k = Math.Round(x / HalfPiHi);
        var r = (x - k * HalfPiHi) - k * HalfPiLo;
        return (((long)k + shift) & 3) switch
        {
            0 => SinPoly(r),
            1 => CosPoly(r),
            2 => -SinPoly(r),
            _ => -CosPoly(r),
        };
    }

    // Taylor series to r^17 / r^18: the next term is below 1e-19 for |r| ≤ π/4.
    private static double SinPoly(double r)
    {
        var r2 = r * r;
        var p = 1.0 / 355687428096000.0;
        p = -1.0 / 1307674368000.0 + r2 * p;
        p = 1.0 / 6227020800.0 + r2 * p;
        p = -1.0 / 39916800.0 + r2 * p;
        p = 1.0 / 362880.0 + r2 * p;
        p = -1.0 / 5040.0 + r2 * p;
        p = 1.0 / 120.0 + r2 * p;
        p = -1.0 / 6.0 + r2 * p;
        return r + r * r2 * p;
    }

    private static double CosPoly(double r)
    {
        var r2 = r * r;
        var p = 1.0 / 6402373705728000.0;
        p = -1.0 / 20922789888000.0 + r2 * p;
        p = 1.0 / 87178291200.0 + r2 * p;
        p = -1.0 / 479001600.0 + r2 * p;
        p = 1.0 / 3628800.0 + r2 * p;
        p = -1.0 / 40320.0 + r2 * p;
        p = 1.0 / 720.0 + r2 * p;
        p = -1.0 / 24.0 + r2 * p;
        p = 0.5 + r2 * p;
        return 1.0 - r2 * p;
    }

    public static double Atan(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        var negative = x < 0;
        var a = Math.Abs(x);
        var inverted = a > 1;
        if (inverted) a = 1 / a;
        double offset = 0;
        if (a > TanPiOver12)
        {
            // atan(a) = π/6 + atan((a√3 − 1)/(a + √3)) brings the argument under tan(π/12).
            a = (a * Sqrt3 - 1) / (a + Sqrt3);
            offset = Pi / 6;
        }
        var a2 = a * a;
        double p = 0;
        for (var n = 14; n >= 1; n--)
            p = (n % 2 == 0 ? 1.0 : -1.0) / (2 * n + 1) + a2 * p;
        var result = offset + a + a * a2 * p;
        if (inverted) result = Pi / 2 - result;
        return negative ? -result : result;
    }

    public static double Asin(double x)
    {
        if (x >= 1) return Pi / 2;
        if (x <= -1) return -Pi / 2;
        return Atan(x / Math.Sqrt(1 - x * x));
    }
}
