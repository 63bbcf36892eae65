using FireCommand.Geo.Graph;
using FireCommand.Geo.Import;
using FireCommand.Geo.Storage;

namespace FireCommand.Bench;

/// <summary>Locates ../shared/data beside the repository and caches the graphs a run needs.</summary>
internal static class BenchData
{
    private static readonly Dictionary<string, RoadNetwork> Cache = [];

    public static string RepoRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "FireCommand.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Run from inside the repository (FireCommand.slnx not found).");
    }

    public static string Shared(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "data", relative));
        return File.Exists(path) ? path : throw new FileNotFoundException($"Benchmark data missing: {path}");
    }

    public static RoadNetwork NewYork()
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue("ny", out var net))
                Cache["ny"] = net = DimacsReader.Read(Shared("dimacs/USA-road-t.NY.gr.gz"), Shared("dimacs/USA-road-d.NY.co.gz"));
            return net;
        }
    }

    /// <summary>Writes a graph to a temporary graph file for load benchmarks; the caller deletes it.</summary>
    public static string SaveTemp(RoadNetwork network, string name)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fc-bench-{name}-{Environment.ProcessId}.fcgraph");
        RoadNetworkFile.Save(network, path);
        return path;
    }

    /// <summary>The C reference's "5-minute" bound on NY, in the graph's nominal units (see docs/benchmarks.md).</summary>
    public const int NyFiveMinutes = 100_000;
}
