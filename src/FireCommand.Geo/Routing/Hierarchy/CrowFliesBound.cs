using FireCommand.Geo.Graph;

namespace FireCommand.Geo.Routing.Hierarchy;

/// <summary>
/// A lower bound on travel time from straight-line distance: one fixed planar metric on the node
/// coordinates (latitude, longitude × a constant cosine) and the smallest time per metric unit over all
/// arcs. By the triangle inequality every path is at least that rate times the straight-line distance,
/// whatever the metric's distortion. The rate is shaved by a millionth and the bound floored, so
/// rounding can never push it above a true time. Zero (no pruning) without coordinates.
/// </summary>
internal sealed class CrowFliesBound
{
    private readonly int[]? _lat;
    private readonly int[]? _lon;
    private readonly double _lonScale;
    private readonly double _rate;

    public CrowFliesBound(RoadGraph g)
    {
        if (g.LatE7 is not { } lat || g.LonE7 is not { } lon || g.NodeCount == 0) return;
        _lat = lat; _lon = lon;
        double mean = 0;
        foreach (int v in lat) mean += v;
        _lonScale = Math.Cos(mean / lat.Length * 1e-7 * Math.PI / 180);
        double rate = double.PositiveInfinity;
        for (int u = 0; u < g.NodeCount; u++)
            for (int e = g.FirstEntry[u]; e < g.FirstEntry[u + 1]; e++)
            {
                int v = (int)(g.EntryHead[e] & RoadGraph.NodeMask);
                double dist = Metric(u, v);
                if (dist > 0) rate = Math.Min(rate, g.EntryTime[e] / dist);
            }
        _rate = double.IsFinite(rate) ? rate * (1 - 1e-6) : 0;
    }

    /// <summary>A time no path from <paramref name="a"/> to <paramref name="b"/> can beat.</summary>
    public long Bound(int a, int b) => _rate == 0 ? 0 : (long)Math.Floor(_rate * Metric(a, b));

    private double Metric(int a, int b)
    {
        double dy = _lat![a] - (double)_lat[b], dx = (_lon![a] - (double)_lon[b]) * _lonScale;
        return Math.Sqrt(dy * dy + dx * dx);
    }
}
