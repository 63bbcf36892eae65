using FireCommand.Core.Map;
using NetTopologySuite.Geometries;

namespace FireCommand.Web.Map;

/// <summary>
/// What the road layer sends at each zoom. A province view needs only the expressways and
/// arterials, and a line drawn a few hundred pixels long needs no vertex every ten metres; the
/// street view needs every road and every vertex, but only around the screen. Each band lists the
/// classes it carries and how far (in screen pixels at the band's deepest zoom) a simplified line
/// may stray from the surveyed one; the street band is cut into Web Mercator tiles instead.
/// Pure and thread-safe.
/// </summary>
public static class RoadBands
{
    /// <param name="MinZoom">first zoom shown with this band (inclusive).</param>
    /// <param name="MaxZoom">zoom at which the next band takes over (exclusive); null for the last.</param>
    /// <param name="TolerancePixels">Douglas–Peucker tolerance in pixels at <paramref name="MaxZoom"/>; 0 keeps every vertex.</param>
    /// <param name="TileZoom">the band is served per tile of this zoom; null for one file.</param>
    public sealed record Band(int Index, int MinZoom, int? MaxZoom, RoadClass[] Classes, double TolerancePixels, int? TileZoom);

    // Classes appear at the zooms where symbols.js starts drawing them (ROAD_STYLES.minZoom), so a band
    // never carries a class the map would hide. One pixel at the band's deepest zoom is under the width
    // of the thinnest road line drawn there (1.1 px), so the simplification does not show.
    public static readonly IReadOnlyList<Band> All =
    [
        new(0, 0, 9, [RoadClass.Expressway, RoadClass.Arterial], 1.0, null),
        new(1, 9, 11, [RoadClass.Expressway, RoadClass.Arterial, RoadClass.Mountain, RoadClass.Local], 1.0, null),
        new(2, 11, 14, [RoadClass.Expressway, RoadClass.Arterial, RoadClass.Mountain, RoadClass.Local, RoadClass.UrbanStreet], 1.0, 10),
        new(3, 14, null, Enum.GetValues<RoadClass>(), 0, 12),
    ];

    /// <summary>A road as sent in a band: its own id (to merge tiles), class, name and the kept vertices.</summary>
    public sealed record BandRoad(long Id, RoadClass Class, string? Name, LineString Geometry);

    /// <summary>The band's roads over the whole province, simplified, fastest class last (drawn on top).</summary>
    public static IEnumerable<BandRoad> Select(Band band, IEnumerable<RoadSegment> roads, GeometryFactory factory) =>
        roads.Where(r => band.Classes.Contains(r.Class) && r.Geometry.NumPoints >= 2)
            .OrderBy(r => r.Class).ThenBy(r => r.Id)
            .Select(r => new BandRoad(r.Id, r.Class, r.Name, band.TolerancePixels > 0 && band.MaxZoom is { } z
                ? factory.CreateLineString(Simplify(r.Geometry.Coordinates, z, band.TolerancePixels))
                : r.Geometry));

    /// <summary>
    /// Douglas–Peucker on the Web Mercator plane at <paramref name="zoom"/> (the plane Leaflet draws
    /// on, so the tolerance is what the eye sees at that zoom, not degrees that stretch with
    /// latitude). The first and last vertices are always kept, so junctions still meet.
    /// </summary>
    public static Coordinate[] Simplify(Coordinate[] line, int zoom, double tolerancePixels)
    {
        if (line.Length <= 2) return line;
        var px = new (double X, double Y)[line.Length];
        for (var i = 0; i < line.Length; i++) px[i] = WebMercator.Pixel(line[i].X, line[i].Y, zoom);
        var keep = new bool[line.Length];
        keep[0] = keep[^1] = true;
        var stack = new Stack<(int From, int To)>();
        stack.Push((0, line.Length - 1));
        while (stack.Count > 0)
        {
            var (from, to) = stack.Pop();
            var farthest = -1;
            var distance = tolerancePixels;
            for (var i = from + 1; i < to; i++)
            {
                var d = WebMercator.DistanceToSegment(px[i], px[from], px[to]);
                if (d > distance) (farthest, distance) = (i, d);
            }
            if (farthest < 0) continue;
            keep[farthest] = true;
            stack.Push((from, farthest));
            stack.Push((farthest, to));
        }
        return [.. line.Where((_, i) => keep[i])];
    }

    /// <summary>Every tile of <paramref name="tileZoom"/> a road's bounding box touches.</summary>
    public static IEnumerable<(int X, int Y)> TilesOf(Envelope e, int tileZoom)
    {
        var (x0, y0) = WebMercator.Tile(e.MinX, e.MaxY, tileZoom);
        var (x1, y1) = WebMercator.Tile(e.MaxX, e.MinY, tileZoom);
        for (var x = x0; x <= x1; x++)
            for (var y = y0; y <= y1; y++) yield return (x, y);
    }
}

/// <summary>The spherical Web Mercator of slippy-map tiles (EPSG:3857), in 256-pixel tiles.</summary>
public static class WebMercator
{
    private const double MaxLatitude = 85.0511287798;

    public static (double X, double Y) Pixel(double lon, double lat, int zoom)
    {
        var scale = 256 * Math.Pow(2, zoom);
        var phi = Math.Clamp(lat, -MaxLatitude, MaxLatitude) * Math.PI / 180;
        return ((lon + 180) / 360 * scale, (1 - Math.Log(Math.Tan(phi) + 1 / Math.Cos(phi)) / Math.PI) / 2 * scale);
    }

    public static (int X, int Y) Tile(double lon, double lat, int zoom)
    {
        var (x, y) = Pixel(lon, lat, zoom);
        var last = (1 << zoom) - 1;
        return (Math.Clamp((int)Math.Floor(x / 256), 0, last), Math.Clamp((int)Math.Floor(y / 256), 0, last));
    }

    public static double DistanceToSegment((double X, double Y) p, (double X, double Y) a, (double X, double Y) b)
    {
        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        var lengthSquared = dx * dx + dy * dy;
        var t = lengthSquared == 0 ? 0 : Math.Clamp(((p.X - a.X) * dx + (p.Y - a.Y) * dy) / lengthSquared, 0, 1);
        var (cx, cy) = (a.X + t * dx - p.X, a.Y + t * dy - p.Y);
        return Math.Sqrt(cx * cx + cy * cy);
    }
}
