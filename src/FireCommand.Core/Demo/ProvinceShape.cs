using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;

namespace FireCommand.Core.Demo;

/// <summary>A mountain massif: settlements thin out and roads wind inside it.</summary>
internal sealed record MountainRange(Vec Centre, double RadiusKm);

/// <summary>
/// The province's name, its place on the globe, its outline and its terrain (mountains, rivers,
/// reservoirs), all on the local kilometre plane. Immutable after <see cref="Create"/>.
/// </summary>
internal sealed class ProvinceShape
{
    private static readonly IReadOnlyList<(string Name, string Abbreviation)> Names =
        [("云江省", "云"), ("岚江省", "岚"), ("沅澧省", "沅"), ("衡岳省", "衡"), ("瓯闽省", "瓯"), ("潇湘省", "潇")];

    // GB/T 2260 leaves these two-digit province prefixes unassigned, so demo codes never clash with real ones.
    private static readonly IReadOnlyList<string> CodePrefixes = ["38", "39", "47", "48", "49", "56", "57", "58"];

    private readonly IndexedPointInAreaLocator _outlineLocator;
    private readonly IndexedFacetDistance _borderDistance;
    private readonly ValueNoise _mountainNoise;

    private ProvinceShape(string name, string abbreviation, string codePrefix, LocalFrame frame, Polygon outline,
        IReadOnlyList<MountainRange> mountains, ulong noiseSeed)
    {
        Name = name;
        Abbreviation = abbreviation;
        CodePrefix = codePrefix;
        Frame = frame;
        Outline = outline;
        Mountains = mountains;
        _outlineLocator = new IndexedPointInAreaLocator(outline);
        _borderDistance = new IndexedFacetDistance(outline.ExteriorRing);
        _mountainNoise = new ValueNoise(noiseSeed);
    }

    public string Name { get; }
    public string Abbreviation { get; }
    public string CodePrefix { get; }
    public LocalFrame Frame { get; }
    public Polygon Outline { get; }
    public IReadOnlyList<MountainRange> Mountains { get; }
    public List<List<Vec>> Rivers { get; } = [];
    public List<Vec> Reservoirs { get; } = [];

    public bool Contains(Vec p) => _outlineLocator.Locate(new Coordinate(p.X, p.Y)) == Location.Interior;

    public double DistanceToBorder(Vec p) => _borderDistance.Distance(LocalFrame.Plane.CreatePoint(new Coordinate(p.X, p.Y)));

    /// <summary>0 in the lowlands, 1 deep in a massif, with a soft, noisy edge about 10 km wide.</summary>
    public double MountainFactor(Vec p)
    {
        double factor = 0;
        foreach (var m in Mountains)
        {
            var edge = m.RadiusKm * (1 + 0.3 * _mountainNoise.Fbm(p.X / 25, p.Y / 25, 3));
            factor = Math.Max(factor, Math.Clamp((edge - p.DistanceTo(m.Centre)) / 10 + 0.5, 0, 1));
        }
        return factor;
    }

    public static ProvinceShape Create(int seed)
    {
        var rng = Prng.ForStage(seed, 1);
        var (name, abbreviation) = Names[rng.Below(Names.Count)];
        var codePrefix = CodePrefixes[rng.Below(CodePrefixes.Count)];
        // Southern China between the Nanling and the Yangtze: 24–30°N, 108–118°E.
        var frame = new LocalFrame(rng.Range(25.8, 28.2), rng.Range(110.5, 115.5));
        var radius = rng.Range(160, 185);
        var outline = BuildOutline(rng, radius);
        var mountains = PlaceMountains(rng, outline, radius);
        var shape = new ProvinceShape(name, abbreviation, codePrefix, frame, outline, mountains, rng.NextUInt64());
        TerrainWater.Add(shape, rng, radius);
        return shape;
    }

    /// <summary>A star-shaped blob (so always a simple polygon): low harmonics for the overall form, fractal noise for the border's wiggles.</summary>
    private static Polygon BuildOutline(Prng rng, double radius)
    {
        const int vertices = 1080;
        var amplitudes = new double[7];
        var phases = new double[7];
        for (var k = 2; k < 7; k++)
        {
            amplitudes[k] = rng.Range(0.04, 0.13) * 2 / k;
            phases[k] = rng.Range(0, 2 * DetMath.Pi);
        }
        var noise = new ValueNoise(rng.NextUInt64());
        var ring = new Coordinate[vertices + 1];
        for (var i = 0; i < vertices; i++)
        {
            var theta = 2 * DetMath.Pi * i / vertices;
            var direction = Vec.FromAngle(theta);
            var r = 1.0;
            for (var k = 2; k < 7; k++) r += amplitudes[k] * DetMath.Cos(k * theta + phases[k]);
            r += 0.13 * noise.Fbm(3.2 * direction.X + 50, 3.2 * direction.Y + 50, 6);
            r = Math.Max(0.45, r) * radius;
            ring[i] = new Coordinate(direction.X * r, direction.Y * r);
        }
        ring[vertices] = ring[0].Copy();
        return LocalFrame.Plane.CreatePolygon(ring);
    }

    private static List<MountainRange> PlaceMountains(Prng rng, Polygon outline, double radius)
    {
        var locator = new IndexedPointInAreaLocator(outline);
        var count = rng.Chance(0.6) ? 2 : 1;
        var ranges = new List<MountainRange>();
        for (var attempt = 0; attempt < 500 && ranges.Count < count; attempt++)
        {
            var centre = Vec.FromAngle(rng.Range(0, 2 * DetMath.Pi)) * (radius * rng.Range(0.45, 0.75));
            var r = rng.Range(35, 55);
            if (locator.Locate(new Coordinate(centre.X, centre.Y)) != Location.Interior) continue;
            if (ranges.Any(m => m.Centre.DistanceTo(centre) < 1.4 * (m.RadiusKm + r))) continue;
            ranges.Add(new MountainRange(centre, r));
        }
        return ranges;
    }
}
