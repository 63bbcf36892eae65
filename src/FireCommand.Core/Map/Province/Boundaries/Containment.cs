using FireCommand.Core.Resources;
using NetTopologySuite.Geometries;

namespace FireCommand.Core.Map.Province.Boundaries;

/// <summary>
/// Which jurisdiction a boundary belongs under: the candidate that holds the largest share of its area.
/// Corps files and OSM draw the same border with different vertices, so a brigade is rarely covered
/// exactly by its detachment; the share tolerates a sliver across the line. Pure.
/// </summary>
internal static class Containment
{
    /// <summary>The candidate holding most of <paramref name="area"/>, or null when none holds at least half.</summary>
    public static Jurisdiction? Parent(Geometry area, IEnumerable<Jurisdiction> candidates)
    {
        var total = area.Area;
        if (total <= 0) return null;
        var best = candidates
            .Where(c => c.Boundary is not null && c.Boundary.EnvelopeInternal.Intersects(area.EnvelopeInternal))
            .Select(c => (Candidate: c, Share: Shared(area, c.Boundary!) / total))
            .OrderByDescending(x => x.Share).ThenBy(x => x.Candidate.Id)
            .FirstOrDefault();
        return best.Candidate is not null && best.Share >= 0.5 ? best.Candidate : null;
    }

    private static double Shared(Geometry a, Geometry b) =>
        NetTopologySuite.Operation.OverlayNG.OverlayNGRobust.Overlay(a, b, NetTopologySuite.Operation.Overlay.SpatialFunction.Intersection).Area;
}
