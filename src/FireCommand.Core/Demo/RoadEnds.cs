using FireCommand.Core.Map;

namespace FireCommand.Core.Demo;

/// <summary>Where a road meets a place, and how the road between two points is drawn.</summary>
internal static class RoadEnds
{
    /// <summary>A gridded place is entered at the edge intersection facing the other end; others at their junction.</summary>
    public static int Toward(SettlementSite site, Vec target) =>
        site.Grid is { } grid ? grid.GateToward(target).Junction : site.Junction;

    /// <summary>
    /// Expressways sweep in long curves, arterials bend gently, county and village roads wander,
    /// and mountain roads switch back and forth on top of their wandering.
    /// </summary>
    public static List<Vec> Shape(Vec a, Vec b, RoadClass roadClass, bool mountain, Prng rng)
    {
        switch (roadClass)
        {
            case RoadClass.Expressway:
                return ShapeLines.Meander(a, b, 0.035, 1.2, rng);
            case RoadClass.Mountain:
            {
                var coarse = ShapeLines.Meander(a, b, 0.1, 2.5, rng);
                var winding = new List<Vec> { a };
                for (var i = 0; i < coarse.Count - 1; i++)
                {
                    var piece = ShapeLines.Winding(coarse[i], coarse[i + 1], rng.Range(0.12, 0.3), rng.Range(0.9, 1.8), rng);
                    winding.AddRange(piece.Skip(1));
                }
                return winding;
            }
            default:
                var roughness = roadClass == RoadClass.Arterial ? 0.05 : 0.08;
                return ShapeLines.Meander(a, b, mountain ? roughness * 1.8 : roughness, 0.4, rng);
        }
    }
}
