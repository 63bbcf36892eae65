using BenchmarkDotNet.Attributes;
using FireCommand.Core.Dispatch.Decisions;

namespace FireCommand.Bench.Dispatch;

/// <summary>A level-2 fire recommendation in the demo province (seed 1, ≈ 426 units): travel times by
/// one bounded backward search, then the exact assignment. Each invocation runs a batch of random
/// populated-area incidents, so per-recommendation time = mean / batch.</summary>
[MemoryDiagnoser]
public class DispatchRecommendationBenchmarks
{
    private const int Batch = 32;
    private DispatchBenchData _data = null!;
    private List<BenchIncident> _incidents = null!;
    private SnappedUnits _snapped = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = DispatchBenchData.Seed1;
        _incidents = _data.Incidents("populated", Batch, seed: 1);
        _snapped = _data.Source.Snap(_data.Positions);
    }

    /// <summary>Snapping every unit for every call, as the endpoint did before placements were cached.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int RecommendLevel2Fire()
    {
        int units = 0;
        foreach (var incident in _incidents) units += _data.Recommend(incident).Units.Count;
        return units;
    }

    /// <summary>The same with unit positions snapped once and reused (units at stations do not move).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int RecommendLevel2FirePreSnapped()
    {
        int units = 0;
        foreach (var incident in _incidents) units += _data.Recommend(incident, _snapped).Units.Count;
        return units;
    }

    /// <summary>What the endpoint does: placements from <see cref="UnitSnapCache"/> (all hits while no
    /// unit moves; each call still checks every unit's position against its cached one), search, assign.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int RecommendLevel2FireCachedPlacements()
    {
        var cache = _data.Source.SharedSnapCache();
        int units = 0;
        foreach (var incident in _incidents) units += _data.Recommend(incident, _data.Source.Snap(_data.Positions, cache)).Units.Count;
        return units;
    }
}
