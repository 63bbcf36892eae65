using System.Diagnostics;
using FireCommand.Geo.Routing;
using FireCommand.Geo.Routing.Hierarchy;

namespace FireCommand.Bench;

/// <summary>The K=10-of-300 query of <see cref="LatencyDriver"/> (same Random(42) draws) on a contraction
/// hierarchy with buckets: preprocessing time, then per-query latency with the bucket building for that
/// query's units included and excluded. Every answer is checked against the plain search's times.</summary>
internal static class HierarchyLatencyDriver
{
    public static void Run(int queries)
    {
        var net = BenchData.NewYork();
        var engine = new RoutingEngine(net);
        var search = new GraphSearch(net.Graph);
        int n = net.Graph.NodeCount;
        var clock = Stopwatch.StartNew();
        var ch = ContractionHierarchy.Build(net.Graph);
        Console.WriteLine($"ch_preprocessing nodes={n} arcs={net.Graph.ArcCount} ch_arcs={ch.ArcCount} seconds={clock.Elapsed.TotalSeconds:F1}");
        var query = new NearestUnitsQuery(ch);
        var rng = new Random(42);
        var total = new List<double>(queries);
        var queryOnly = new List<double>(queries);
        var prunedTimes = new List<double>(queries);
        long entries = 0;
        for (int q = -50; q < queries; q++) // the first 50 warm the JIT up and are not recorded
        {
            int incident = rng.Next(n);
            var unitNodes = Enumerable.Range(0, 300).Select(_ => rng.Next(n)).ToArray();
            // LatencyDriver's 5-minute search draws nothing from rng, so the draws stay the same.
            long t0 = Stopwatch.GetTimestamp();
            query.SetUnits(unitNodes);
            long t1 = Stopwatch.GetTimestamp();
            var top = query.Nearest(incident, 10);
            long t2 = Stopwatch.GetTimestamp();
            var pruned = query.NearestFromIncident(incident, unitNodes, 10);
            long t3 = Stopwatch.GetTimestamp();
            var plain = engine.TravelTimesTo(engine.AtNode(incident), unitNodes.Select(engine.AtNode).ToList(), k: 10);
            if (!top.Select(t => t.Time).SequenceEqual(plain.Select(p => p.Time)) || !pruned.SequenceEqual(top))
                throw new InvalidOperationException($"query {q}: hierarchy and plain search disagree.");
            if (q < 0) continue;
            entries += query.BucketEntryCount;
            total.Add(Stopwatch.GetElapsedTime(t0, t2).TotalMilliseconds);
            queryOnly.Add(Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds);
            prunedTimes.Add(Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds);
        }
        var a = Drivers.Percentiles(total);
        var b = Drivers.Percentiles(queryOnly);
        var c = Drivers.Percentiles(prunedTimes);
        Console.WriteLine($"nearest10of300_ch queries={queries} median_ms={a.Median:F3} p99_ms={a.P99:F3} mean_ms={a.Mean:F3} avg_bucket_entries={entries / queries}");
        Console.WriteLine($"nearest10of300_ch_prebuilt_buckets queries={queries} median_ms={b.Median:F3} p99_ms={b.P99:F3} mean_ms={b.Mean:F3}");
        Console.WriteLine($"bucket_search_pops_per_unit={query.PopCount / ((queries + 50) * 300.0):F0}");
        Console.WriteLine($"nearest10of300_ch_pruned_no_buckets queries={queries} median_ms={c.Median:F3} p99_ms={c.P99:F3} mean_ms={c.Mean:F3}");
    }
}
