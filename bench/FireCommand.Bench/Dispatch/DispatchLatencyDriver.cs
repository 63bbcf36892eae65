using System.Diagnostics;

namespace FireCommand.Bench.Dispatch;

/// <summary>
/// Per-recommendation latency of a level-2 fire in the demo province: raw per-incident samples,
/// median and p99 over them, for populated-area and uniform incident locations, with unit positions
/// snapped per call (as the endpoint does) and snapped once beforehand. Also prints how often the
/// plan was filled, so a fast figure cannot hide an empty answer.
/// </summary>
internal static class DispatchLatencyDriver
{
    public static void Run(int incidents)
    {
        var clock = Stopwatch.StartNew();
        var data = DispatchBenchData.Seed1;
        Console.WriteLine($"province seed=1 stations={data.Province.Stations.Count} units={data.Candidates.Count} nodes={data.Engine.Graph.NodeCount} setup_ms={clock.ElapsedMilliseconds}");
        var snapped = data.Source.Snap(data.Positions);
        foreach (var kind in new[] { "populated", "uniform" })
        {
            var set = data.Incidents(kind, incidents, seed: 1);
            foreach (var warm in set.Take(50)) { data.Recommend(warm); data.Recommend(warm, snapped); }
            var perCall = new List<double>(incidents);
            var preSnapped = new List<double>(incidents);
            int complete = 0, picked = 0;
            foreach (var incident in set)
            {
                long t0 = Stopwatch.GetTimestamp();
                var r = data.Recommend(incident);
                long t1 = Stopwatch.GetTimestamp();
                data.Recommend(incident, snapped);
                long t2 = Stopwatch.GetTimestamp();
                perCall.Add(Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds);
                preSnapped.Add(Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds);
                if (r.IsComplete) complete++;
                picked += r.Units.Count;
            }
            var a = Drivers.Percentiles(perCall);
            var b = Drivers.Percentiles(preSnapped);
            Console.WriteLine($"recommend_l2_fire incidents={kind} n={incidents} median_ms={a.Median:F3} p99_ms={a.P99:F3} mean_ms={a.Mean:F3} complete={complete} avg_units={(double)picked / incidents:F1}");
            Console.WriteLine($"recommend_l2_fire_presnapped incidents={kind} n={incidents} median_ms={b.Median:F3} p99_ms={b.P99:F3} mean_ms={b.Mean:F3}");
        }
    }
}
