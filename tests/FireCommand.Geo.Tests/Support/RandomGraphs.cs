using FireCommand.Geo.Graph;

namespace FireCommand.Geo.Tests.Support;

/// <summary>Small random road-like graphs: a jittered grid with two-way and one-way streets, parallel
/// arcs and unequal directions, so the edge merging in the CSR is exercised.</summary>
internal static class RandomGraphs
{
    public static (RoadGraph Graph, List<(int From, int To, int W)> Arcs) Grid(int seed, int side = 12)
    {
        var rng = new Random(seed);
        int n = side * side;
        var arcs = new List<(int, int, int)>();
        var list = new ArcList();
        void Add(int a, int b, int w) { arcs.Add((a, b, w)); list.Add(a, b, w, (float)(w * 1.5)); }
        for (int y = 0; y < side; y++)
            for (int x = 0; x < side; x++)
            {
                int v = y * side + x;
                foreach (int u in new[] { x + 1 < side ? v + 1 : -1, y + 1 < side ? v + side : -1 })
                {
                    if (u < 0 || rng.NextDouble() < 0.1) continue;
                    int w = rng.Next(0, 50);
                    switch (rng.Next(6))
                    {
                        case 0: Add(v, u, w); break;                    // one-way
                        case 1: Add(u, v, w); break;                    // one-way the other way
                        case 2: Add(v, u, w); Add(u, v, w + 7); break;  // unequal directions
                        case 3: Add(v, u, w); Add(u, v, w); Add(v, u, w + 3); break; // parallel arc
                        default: Add(v, u, w); Add(u, v, w); break;     // ordinary two-way
                    }
                }
            }
        var lat = new int[n]; var lon = new int[n];
        for (int v = 0; v < n; v++)
        {
            lat[v] = (int)((30.0 + v / side * 0.001 + rng.NextDouble() * 0.0002) * 1e7);
            lon[v] = (int)((114.0 + v % side * 0.001 + rng.NextDouble() * 0.0002) * 1e7);
        }
        return (GraphAssembler.Assemble(n, list, TravelTimeUnit.Deciseconds, true, lat, lon, null), arcs);
    }
}
