namespace FireCommand.Core.Demo;

/// <summary>A point or offset on the generator's local plane, in kilometres (x east, y north).</summary>
internal readonly record struct Vec(double X, double Y)
{
    public static Vec operator +(Vec a, Vec b) => new(a.X + b.X, a.Y + b.Y);
    public static Vec operator -(Vec a, Vec b) => new(a.X - b.X, a.Y - b.Y);
    public static Vec operator *(Vec a, double k) => new(a.X * k, a.Y * k);
    public static Vec operator *(double k, Vec a) => new(a.X * k, a.Y * k);

    public double Length => Math.Sqrt(X * X + Y * Y);
    public double LengthSquared => X * X + Y * Y;
    public double Dot(Vec o) => X * o.X + Y * o.Y;
    public double Cross(Vec o) => X * o.Y - Y * o.X;

    /// <summary>The vector turned 90° anticlockwise.</summary>
    public Vec Perp => new(-Y, X);

    public Vec Normalised()
    {
        var l = Length;
        return l > 0 ? new Vec(X / l, Y / l) : new Vec(1, 0);
    }

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"({X:F3} km, {Y:F3} km)");

    public double DistanceTo(Vec o) => (this - o).Length;

    public static Vec Lerp(Vec a, Vec b, double t) => new(a.X + (b.X - a.X) * t, a.Y + (b.Y - a.Y) * t);

    /// <summary>Unit vector at <paramref name="angle"/> radians from east, using deterministic trigonometry.</summary>
    public static Vec FromAngle(double angle) => new(DetMath.Cos(angle), DetMath.Sin(angle));

    /// <summary>Distance from this point to segment a–b, with the segment parameter of the closest point.</summary>
    public double DistanceToSegment(Vec a, Vec b, out double t)
    {
        var ab = b - a;
        var len2 = ab.LengthSquared;
        t = len2 > 0 ? Math.Clamp((this - a).Dot(ab) / len2, 0, 1) : 0;
        return DistanceTo(Lerp(a, b, t));
    }
}
