using System.Diagnostics;
using FireCommand.Geo.Routing;

namespace FireCommand.Bench;

/// <summary>Per-query latency on DIMACS NY for the two dispatch queries: a 5-minute bounded search and
/// the 10 fastest of 300 random unit positions. Raw per-query samples, median and p99 over them.</summary>
internal static class LatencyDriver
{
    public static void Run(int queries)
    {
        var net = BenchData.NewYork();
        var engine = new RoutingEngine(net);
        var search = new GraphSearch(net.Graph);
        int n = net.Graph.NodeCount;
        var rng = new Random(42);
        var bounded = new List<double>(queries);
        var nearest = new List<double>(queries);
        long settled = 0;
        for (int q = -50; q < queries; q++) // the first 50 warm the JIT up and are not recorded
        {
            int incident = rng.Next(n);
            var units = Enumerable.Range(0, 300).Select(_ => engine.AtNode(rng.Next(n))).ToList();
            long t0 = Stopwatch.GetTimestamp();
            search.Reset();
            search.AddSource(incident, 0);
            search.Run(SearchDirection.Backward, BenchData.NyFiveMinutes);
            long t1 = Stopwatch.GetTimestamp();
            var top = engine.TravelTimesTo(engine.AtNode(incident), units, k: 10);
            long t2 = Stopwatch.GetTimestamp();
            if (top.Count != 10) throw new InvalidOperationException("NY is strongly connected; 10 units must be found.");
            if (q < 0) continue;
            settled += search.SettledCount;
            bounded.Add(Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds);
            nearest.Add(Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds);
        }
        var b = Drivers.Percentiles(bounded);
        var k = Drivers.Percentiles(nearest);
        Console.WriteLine($"bounded5min queries={queries} limit={BenchData.NyFiveMinutes} median_ms={b.Median:F3} p99_ms={b.P99:F3} mean_ms={b.Mean:F3} avg_settled={settled / queries}");
        Console.WriteLine($"nearest10of300 queries={queries} median_ms={k.Median:F3} p99_ms={k.P99:F3} mean_ms={k.Mean:F3}");
    }
}
