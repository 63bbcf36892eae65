using FireCommand.Core.Map;

namespace FireCommand.Core.Demo;

/// <summary>
/// Turns crossings into junctions: two ordinary roads that cross meet at grade, as do two
/// expressways (an interchange), while an expressway passes over everything else. Without this a
/// router would see a village road "pass through" an arterial with no way to turn.
/// </summary>
internal static class RoadNoder
{
    private const double Epsilon = 1e-9;

    public static int Node(RoadGraph graph)
    {
        var added = 0;
        var edges = graph.Edges.ToList();
        foreach (var e in edges)
        {
            for (var s = 0; s < e.Points.Count - 1; s++)
            {
                var (a, b) = (e.Points[s], e.Points[s + 1]);
                for (var ix = RoadGraph.Cell(Math.Min(a.X, b.X)); ix <= RoadGraph.Cell(Math.Max(a.X, b.X)); ix++)
                for (var iy = RoadGraph.Cell(Math.Min(a.Y, b.Y)); iy <= RoadGraph.Cell(Math.Max(a.Y, b.Y)); iy++)
                {
                    foreach (var (fi, t) in graph.InCell(ix, iy))
                    {
                        if (fi <= e.Index) continue;
                        var f = graph.Edges[fi];
                        if ((e.Class == RoadClass.Expressway) != (f.Class == RoadClass.Expressway)) continue;
                        if (!Intersect(a, b, f.Points[t], f.Points[t + 1], out var u, out var v)) continue;
                        var x = Vec.Lerp(a, b, u);
                        // The pair is seen in every bucket both segments share; count it in the bucket holding the crossing.
                        if (RoadGraph.Cell(x.X) != ix || RoadGraph.Cell(x.Y) != iy) continue;
                        if (graph.HasJunctionNear(e, x) || graph.HasJunctionNear(f, x)) continue;
                        var junction = graph.AddJunction(x);
                        e.Attachments.Add((s, u, junction));
                        f.Attachments.Add((t, v, junction));
                        added++;
                    }
                }
            }
        }
        return added;
    }

    /// <summary>Proper crossing of a–b and c–d, strictly inside both; parallel and touching cases are not crossings.</summary>
    private static bool Intersect(Vec a, Vec b, Vec c, Vec d, out double u, out double v)
    {
        u = v = 0;
        var r = b - a;
        var q = d - c;
        var denominator = r.Cross(q);
        if (Math.Abs(denominator) < 1e-12) return false;
        var ac = c - a;
        u = ac.Cross(q) / denominator;
        v = ac.Cross(r) / denominator;
        return u > Epsilon && u < 1 - Epsilon && v > Epsilon && v < 1 - Epsilon;
    }
}
