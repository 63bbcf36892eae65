using BenchmarkDotNet.Attributes;
using FireCommand.Geo.Graph;
using FireCommand.Geo.Import.Osm;
using FireCommand.Geo.Storage;

namespace FireCommand.Bench;

/// <summary>Loading each shared graph from its binary graph file (what a node does at start-up).</summary>
[MemoryDiagnoser]
public class GraphLoadBenchmarks
{
    private string _path = null!;

    [Params("ny", "north-bayreuth", "monaco", "shenzhen-futian")]
    public string Graph { get; set; } = "ny";

    [GlobalSetup]
    public void Setup()
    {
        RoadNetwork net = Graph switch
        {
            "ny" => BenchData.NewYork(),
            "monaco" => OsmImporter.Import(BenchData.Shared("osm/monaco.osm.pbf")).Network,
            _ => OsmImporter.Import(BenchData.Shared($"osm/{Graph}.osm.gz")).Network,
        };
        _path = BenchData.SaveTemp(net, Graph);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark]
    public int Load() => RoadNetworkFile.Load(_path).Graph.NodeCount;
}
