using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Triangulate;

namespace FireCommand.Core.Demo;

/// <summary>
/// Splits a region among sites: Voronoi cells whose edges are shaped into natural-looking
/// borders (<see cref="BorderShaper"/>), clipped to the region. Shared edges are shaped
/// identically from both sides, so the pieces tile the region without gaps or overlaps.
/// </summary>
internal static class Partitioner
{
    /// <summary>One geometry per site, in site order; together they cover <paramref name="region"/> and each holds its site.</summary>
    public static Geometry[] Split(Geometry region, IReadOnlyList<Vec> sites, BorderShaper shaper)
    {
        if (sites.Count == 1) return [region];
        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(sites.Select(s => new Coordinate(s.X, s.Y)).ToList());
        var clip = new Envelope(region.EnvelopeInternal);
        clip.ExpandBy(40);
        builder.ClipEnvelope = clip;
        var diagram = builder.GetDiagram(LocalFrame.Plane);
        var cells = new Polygon[sites.Count];
        for (var i = 0; i < diagram.NumGeometries; i++)
        {
            var cell = (Polygon)diagram.GetGeometryN(i);
            var site = (Coordinate)cell.UserData;
            for (var s = 0; s < sites.Count; s++)
                if (sites[s].X == site.X && sites[s].Y == site.Y) cells[s] = cell;
        }

        // Every cell takes the same shaping or neighbours would stop meeting: soften all if one folds
        // or loses its site; plain Voronoi cells, convex around their sites, always do.
        var shaped = cells.Select(c => (Polygon)c.Copy()).ToArray();
        for (var attempt = 0; attempt < 5; attempt++, shaper = shaper.Weaker())
        {
            var candidate = cells.Select(c => Shape(c.ExteriorRing, shaper, clip)).ToArray();
            var sound = candidate.Select((c, s) => c.IsValid &&
                new IndexedPointInAreaLocator(c).Locate(new Coordinate(sites[s].X, sites[s].Y)) == Location.Interior).All(ok => ok);
            if (!sound) continue;
            shaped = candidate;
            break;
        }
        return shaped.Select(c => (Geometry)PolygonsOnly(OverlayNGRobust.Overlay(c, region, SpatialFunction.Intersection))).ToArray();
    }

    public static MultiPolygon PolygonsOnly(Geometry g)
    {
        if (g is MultiPolygon mp) return mp;
        var polygons = PolygonExtracter.GetPolygons(g).Cast<Polygon>().Where(p => !p.IsEmpty).ToArray();
        return g.Factory.CreateMultiPolygon(polygons);
    }

    private static Polygon Shape(LineString ring, BorderShaper shaper, Envelope clip)
    {
        var source = ring.Coordinates;
        var points = new List<Coordinate>();
        for (var i = 0; i < source.Length - 1; i++)
        {
            var (a, b) = (new Vec(source[i].X, source[i].Y), new Vec(source[i + 1].X, source[i + 1].Y));
            // The clipping frame is nobody's border: shaped, it would bulge into the region and leave holes.
            var edge = OnFrame(a, b, clip) ? [a, b] : shaper.Edge(a, b);
            for (var k = 0; k < edge.Count - 1; k++) points.Add(new Coordinate(edge[k].X, edge[k].Y));
        }
        points.Add(points[0].Copy());
        return LocalFrame.Plane.CreatePolygon(points.ToArray());
    }

    private static bool OnFrame(Vec a, Vec b, Envelope clip)
    {
        const double tolerance = 1e-6;
        bool Near(double v, double edge) => Math.Abs(v - edge) < tolerance;
        return (Near(a.X, clip.MinX) && Near(b.X, clip.MinX)) || (Near(a.X, clip.MaxX) && Near(b.X, clip.MaxX))
            || (Near(a.Y, clip.MinY) && Near(b.Y, clip.MinY)) || (Near(a.Y, clip.MaxY) && Near(b.Y, clip.MaxY));
    }
}
