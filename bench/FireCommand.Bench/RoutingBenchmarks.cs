using BenchmarkDotNet.Attributes;
using FireCommand.Geo.Routing;
using FireCommand.Geo.Snapping;

namespace FireCommand.Bench;

/// <summary>Dijkstra on DIMACS NY: one-to-all, 5-minute bounded, and the K = 10 fastest of 300 units.
/// Each invocation runs a fixed batch of random queries so per-query time = mean / batch.</summary>
[MemoryDiagnoser]
public class RoutingBenchmarks
{
    private const int Batch = 64;
    private RoutingEngine _engine = null!;
    private GraphSearch _search = null!;
    private int[] _sources = null!;
    private List<RoadPosition>[] _units = null!;

    [GlobalSetup]
    public void Setup()
    {
        var net = BenchData.NewYork();
        _engine = new RoutingEngine(net);
        _search = new GraphSearch(net.Graph);
        var rng = new Random(42);
        int n = net.Graph.NodeCount;
        _sources = Enumerable.Range(0, Batch).Select(_ => rng.Next(n)).ToArray();
        _units = Enumerable.Range(0, Batch)
            .Select(_ => Enumerable.Range(0, 300).Select(_ => _engine.AtNode(rng.Next(n))).ToList()).ToArray();
    }

    [Benchmark(OperationsPerInvoke = 4)]
    public int OneToAll()
    {
        int settled = 0;
        for (int q = 0; q < 4; q++)
        {
            _search.Reset();
            _search.AddSource(_sources[q], 0);
            _search.Run(SearchDirection.Forward);
            settled += _search.SettledCount;
        }
        return settled;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int BoundedFiveMinutes()
    {
        int settled = 0;
        foreach (int s in _sources)
        {
            _search.Reset();
            _search.AddSource(s, 0);
            _search.Run(SearchDirection.Backward, BenchData.NyFiveMinutes);
            settled += _search.SettledCount;
        }
        return settled;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int NearestTenOfThreeHundred()
    {
        int found = 0;
        for (int q = 0; q < Batch; q++)
            found += _engine.TravelTimesTo(_engine.AtNode(_sources[q]), _units[q], k: 10).Count;
        return found;
    }
}
