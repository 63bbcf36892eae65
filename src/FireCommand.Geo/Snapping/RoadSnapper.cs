using FireCommand.Geo.Graph;

namespace FireCommand.Geo.Snapping;

/// <summary>
/// Finds the nearest point on any road piece with a uniform grid over the pieces (a flat array
/// index: no per-item objects, built in one pass). Distances are measured in a local equirectangular
/// projection around the query point, exact to well under a metre at snapping range. A point farther
/// than the allowed distance is reported as off the network rather than dragged onto a far road:
/// dispatching to a road 3 km away from the caller would be worse than no answer.
/// </summary>
/// <remarks>Immutable after construction: thread-safe.</remarks>
public sealed class RoadSnapper
{
    private readonly RoadGraph _graph;
    private readonly int[] _pieceA, _pieceB;
    private readonly int[] _cellStart, _cellItems;
    private readonly double _minLat, _minLon, _kx, _ky, _cell;
    private readonly int _cols, _rows;

    /// <summary>Builds the index. The graph needs coordinates.</summary>
    public RoadSnapper(RoadGraph graph)
    {
        if (!graph.HasCoordinates) throw new ArgumentException("Snapping needs node coordinates.", nameof(graph));
        _graph = graph;
        var a = new List<int>(); var b = new List<int>();
        for (int u = 0; u < graph.NodeCount; u++)
        {
            int last = -1;
            for (int e = graph.FirstEntry[u]; e < graph.FirstEntry[u + 1]; e++)
            {
                int v = (int)(graph.EntryHead[e] & RoadGraph.NodeMask);
                if (v > u && v != last) { a.Add(u); b.Add(v); last = v; } // rows are sorted by neighbour
            }
        }
        _pieceA = a.ToArray(); _pieceB = b.ToArray();
        var lat = graph.LatE7!; var lon = graph.LonE7!;
        _minLat = lat.Min() * 1e-7; _minLon = lon.Min() * 1e-7;
        double maxLat = lat.Max() * 1e-7, maxLon = lon.Max() * 1e-7;
        _ky = 110_574;
        _kx = 111_320 * Math.Cos((_minLat + maxLat) / 2 * Math.PI / 180);
        double width = Math.Max(1, (maxLon - _minLon) * _kx), height = Math.Max(1, (maxLat - _minLat) * _ky);
        // About four pieces per cell, but never cells under 50 m (dense shape points) or grids over 16M cells.
        _cell = Math.Max(50, Math.Sqrt(width * height / Math.Max(1, _pieceA.Length / 4.0)));
        while ((width / _cell + 1) * (height / _cell + 1) > 16_000_000) _cell *= 2;
        _cols = (int)(width / _cell) + 1; _rows = (int)(height / _cell) + 1;

        var count = new int[_cols * _rows + 1];
        ForEachCell((_, c) => count[c + 1]++);
        for (int i = 0; i < count.Length - 1; i++) count[i + 1] += count[i];
        _cellStart = count;
        _cellItems = new int[count[^1]];
        var fill = count.AsSpan(0, count.Length - 1).ToArray();
        ForEachCell((p, c) => _cellItems[fill[c]++] = p);
    }

    /// <summary>Snaps a WGS-84 point to the nearest road within <paramref name="maxOffRoadMeters"/>.</summary>
    public SnapResult Snap(GeoPoint point, double maxOffRoadMeters = 500)
    {
        if (!point.IsValid) throw new ArgumentException($"Invalid coordinate {point}.", nameof(point));
        double px = (point.Longitude - _minLon) * _kx, py = (point.Latitude - _minLat) * _ky;
        int cx = (int)Math.Floor(px / _cell), cy = (int)Math.Floor(py / _cell);
        double best = double.PositiveInfinity, bestT = 0;
        int bestPiece = -1;
        int maxRing = Math.Max(_cols, _rows) + Math.Max(Math.Abs(cx), Math.Abs(cy)) + 1;
        for (int r = 0; r <= maxRing; r++)
        {
            // Every piece not yet seen lies at least (r - 1) cells away.
            double ringDistance = (r - 1) * _cell;
            if (ringDistance > best || ringDistance > maxOffRoadMeters) break;
            for (int y = cy - r; y <= cy + r; y++)
            {
                if (y < 0 || y >= _rows) continue;
                bool edgeRow = y == cy - r || y == cy + r;
                for (int x = cx - r; x <= cx + r; x += edgeRow ? 1 : 2 * r)
                {
                    if (x >= 0 && x < _cols)
                    {
                        int c = y * _cols + x;
                        for (int i = _cellStart[c]; i < _cellStart[c + 1]; i++)
                        {
                            int p = _cellItems[i];
                            double d = Distance(p, px, py, out double t);
                            if (d < best) { best = d; bestT = t; bestPiece = p; }
                        }
                    }
                    if (r == 0) break;
                }
            }
        }
        if (bestPiece < 0) return new SnapResult(null, double.PositiveInfinity);
        var ga = _graph.Coordinate(_pieceA[bestPiece]); var gb = _graph.Coordinate(_pieceB[bestPiece]);
        var onRoad = new GeoPoint(ga.Latitude + (gb.Latitude - ga.Latitude) * bestT, ga.Longitude + (gb.Longitude - ga.Longitude) * bestT);
        double meters = point.DistanceMetersTo(onRoad);
        if (meters > maxOffRoadMeters) return new SnapResult(null, meters);
        int na = _pieceA[bestPiece], nb = _pieceB[bestPiece];
        // Land on a node when the projection is at an end: the position is then simply that node.
        var position = bestT <= 0 ? new RoadPosition(na, na, 0, ga, point.DistanceMetersTo(ga))
            : bestT >= 1 ? new RoadPosition(nb, nb, 0, gb, point.DistanceMetersTo(gb))
            : new RoadPosition(na, nb, bestT, onRoad, meters);
        return new SnapResult(position with { Requested = point }, meters);
    }

    private double Distance(int piece, double px, double py, out double t)
    {
        var g = _graph;
        double ax = (g.LonE7![_pieceA[piece]] * 1e-7 - _minLon) * _kx, ay = (g.LatE7![_pieceA[piece]] * 1e-7 - _minLat) * _ky;
        double bx = (g.LonE7[_pieceB[piece]] * 1e-7 - _minLon) * _kx, by = (g.LatE7[_pieceB[piece]] * 1e-7 - _minLat) * _ky;
        double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
        t = len2 > 0 ? Math.Clamp(((px - ax) * dx + (py - ay) * dy) / len2, 0, 1) : 0;
        double qx = ax + t * dx - px, qy = ay + t * dy - py;
        return Math.Sqrt(qx * qx + qy * qy);
    }

    private void ForEachCell(Action<int, int> action)
    {
        var g = _graph;
        for (int p = 0; p < _pieceA.Length; p++)
        {
            double ax = (g.LonE7![_pieceA[p]] * 1e-7 - _minLon) * _kx, ay = (g.LatE7![_pieceA[p]] * 1e-7 - _minLat) * _ky;
            double bx = (g.LonE7[_pieceB[p]] * 1e-7 - _minLon) * _kx, by = (g.LatE7[_pieceB[p]] * 1e-7 - _minLat) * _ky;
            int x0 = (int)(Math.Min(ax, bx) / _cell), x1 = (int)(Math.Max(ax, bx) / _cell);
            int y0 = (int)(Math.Min(ay, by) / _cell), y1 = (int)(Math.Max(ay, by) / _cell);
            for (int y = y0; y <= y1; y++)
                for (int x = x0; x <= x1; x++)
                    action(p, y * _cols + x);
        }
    }
}
