using System.Diagnostics;
using System.Globalization;
using FireCommand.Geo.Graph;
using FireCommand.Geo.Import;
using FireCommand.Geo.Routing;

namespace FireCommand.Bench;

/// <summary>Measurement modes printed as key=value lines so the comparison script can compute ratios.</summary>
internal static class Drivers
{
    public static async Task<int> RunAsync(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        switch (args.FirstOrDefault())
        {
            case "dij" when args.Length >= 2:
                Dij(args[1], args.Length > 2 ? int.Parse(args[2]) : int.MaxValue, args.Length > 3 ? int.Parse(args[3]) : 50);
                return 0;
            case "latency":
                LatencyDriver.Run(args.Length > 1 ? int.Parse(args[1]) : 1000);
                return 0;
            case "ch-latency": HierarchyLatencyDriver.Run(args.Length > 1 ? int.Parse(args[1]) : 1000); return 0;
            case "dispatch": Dispatch.DispatchLatencyDriver.Run(args.Length > 1 ? int.Parse(args[1]) : 500); return 0;
            case "load": return await Load.LoadDriver.RunAsync(args[1..]);
            case "ingest": return await Sensing.IngestDriver.RunAsync(args[1..]);
            case "footprint":
                FootprintDriver.Run();
                return 0;
            case "pgrouting" when args.Length >= 2:
                return await PgRoutingDriver.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2]) : 20);
            default:
                Console.Error.WriteLine("driver dij <file.gr[.gz]> [limit] [queries] | latency [queries] | footprint | load … | ingest … | pgrouting <connection string> [queries]");
                return 2;
        }
    }

    /// <summary>The C reference's measurement (bench/dij.c): Q searches from random sources, average
    /// time per query without graph loading. A few warm-up searches first let the JIT finish tiering,
    /// which a compiled C binary does not need.</summary>
    private static void Dij(string grPath, int limit, int queries)
    {
        var graph = DimacsReader.Read(grPath).Graph;
        var search = new GraphSearch(graph);
        var rng = new Random(42);
        for (int w = 0; w < 5; w++) Run(rng.Next(graph.NodeCount));
        long settled = 0;
        var clock = Stopwatch.StartNew();
        for (int q = 0; q < queries; q++) settled += Run(rng.Next(graph.NodeCount));
        double ms = clock.Elapsed.TotalMilliseconds / queries;
        Console.WriteLine($"n={graph.NodeCount} m={graph.ArcCount} limit={limit} queries={queries} avg_ms={ms:F3} avg_settled={settled / queries}");

        int Run(int source)
        {
            search.Reset();
            search.AddSource(source, 0);
            search.Run(SearchDirection.Forward, limit);
            return search.SettledCount;
        }
    }

    public static (double Median, double P99, double Mean) Percentiles(List<double> samples)
    {
        var sorted = samples.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return (At(0.5), At(0.99), sorted.Average());
    }
}
