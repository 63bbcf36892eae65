using System.Diagnostics;
using FireCommand.Geo.Graph;
using FireCommand.Geo.Import.Osm;
using FireCommand.Geo.Storage;

namespace FireCommand.Bench;

/// <summary>Graph memory against the raw CSR size, and import versus load-from-binary time, for every shared graph.</summary>
internal static class FootprintDriver
{
    public static void Run()
    {
        var clock = Stopwatch.StartNew();
        var ny = BenchData.NewYork();
        Report("ny", ny, clock.Elapsed.TotalMilliseconds);
        foreach (var (name, file) in new[] { ("north-bayreuth", "osm/north-bayreuth.osm.gz"), ("monaco", "osm/monaco.osm.pbf"), ("shenzhen-futian", "osm/shenzhen-futian.osm.gz") })
        {
            clock.Restart();
            var (net, _) = OsmImporter.Import(BenchData.Shared(file));
            Report(name, net, clock.Elapsed.TotalMilliseconds);
        }
    }

    private static void Report(string name, RoadNetwork net, double importMs)
    {
        var g = net.Graph;
        var path = BenchData.SaveTemp(net, name);
        try
        {
            var loads = new List<double>();
            for (int i = 0; i < 11; i++)
            {
                var clock = Stopwatch.StartNew();
                RoadNetworkFile.Load(path);
                loads.Add(clock.Elapsed.TotalMilliseconds);
            }
            // Bytes the runtime really allocates for a load, arrays and headers included.
            long before = GC.GetAllocatedBytesForCurrentThread();
            var loaded = RoadNetworkFile.Load(path);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            GC.KeepAlive(loaded);
            var (median, _, _) = Drivers.Percentiles(loads);
            Console.WriteLine($"graph={name} nodes={g.NodeCount} arcs={g.ArcCount} entries={g.EntryCount} " +
                              $"graph_bytes={g.MemoryBytes} raw_csr_bytes={g.RawCsrBytes} ratio={(double)g.MemoryBytes / g.RawCsrBytes:F2} " +
                              $"load_allocated_bytes={allocated} file_bytes={new FileInfo(path).Length} " +
                              $"import_ms={importMs:F0} load_median_ms={median:F2}");
        }
        finally { File.Delete(path); }
    }
}
