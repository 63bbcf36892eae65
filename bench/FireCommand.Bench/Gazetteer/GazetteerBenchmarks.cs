using BenchmarkDotNet.Attributes;
using FireCommand.Core.Map.Gazetteer;
using FireCommand.Geo;
using PlaceIndex = FireCommand.Core.Map.Gazetteer.Gazetteer;

namespace FireCommand.Bench.Gazetteer;

/// <summary>
/// One alarm-locating search (接警定位) over ≈ 30,000 entries, per kind of query, with the caller's
/// position given so distance ranking is included; the target is well under 5 ms per query.
/// </summary>
[MemoryDiagnoser]
public class GazetteerSearchBenchmarks
{
    private PlaceIndex _gazetteer = null!;
    private string _query = "";
    private GeoPoint _near;

    [Params("exact", "partial", "typo", "town+village", "crossing", "pinyin", "address", "no-match")]
    public string Query { get; set; } = "exact";

    [GlobalSetup]
    public void Setup()
    {
        var data = GazetteerBenchData.Instance;
        _gazetteer = data.Gazetteer;
        _query = data.Queries[Query];
        _near = data.Near;
        if (Query != "no-match" && _gazetteer.Search(_query, 10, _near).Count == 0)
            throw new InvalidOperationException($"The {Query} query '{_query}' finds nothing; the benchmark would measure an empty answer.");
    }

    [Benchmark]
    public int Search() => _gazetteer.Search(_query, 10, _near).Count;
}

/// <summary>Building the index from ≈ 30,000 entries, what a node does at start-up and after the places change.</summary>
[MemoryDiagnoser]
public class GazetteerBuildBenchmarks
{
    private GazetteerEntry[] _entries = null!;

    [GlobalSetup]
    public void Setup() => _entries = GazetteerBenchData.Instance.Entries;

    [Benchmark]
    public int Build() => PlaceIndex.Build(_entries).Count;
}
