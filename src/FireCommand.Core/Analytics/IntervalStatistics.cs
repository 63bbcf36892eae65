namespace FireCommand.Core.Analytics;

/// <summary>How one interval did against one objective. Immutable.</summary>
/// <param name="Standard">The objective.</param>
/// <param name="SamplesWithin">Samples at most their class's threshold.</param>
/// <param name="ShareWithin">SamplesWithin / samples, in [0, 1]; NaN when there are no samples.</param>
/// <param name="Met">True when <paramref name="ShareWithin"/> reaches the objective's target share.</param>
public sealed record ComplianceResult(ResponseStandard Standard, int SamplesWithin, double ShareWithin, bool Met);

/// <summary>
/// The figures of one interval over raw samples: nearest-rank percentiles (<see cref="Percentiles"/>)
/// and the share within each objective. Samples are kept sorted, so any other percentile or threshold
/// can be asked for later (a dashboard slider) without going back to the data.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class IntervalStatistics
{
    private readonly double[] _all, _fire, _ems;

    internal IntervalStatistics(ResponseInterval interval, double[] fireSamples, double[] emsSamples, int inconsistent,
        IReadOnlyList<ResponseStandard> standards)
    {
        Interval = interval;
        _fire = Sorted(fireSamples);
        _ems = Sorted(emsSamples);
        _all = Sorted([.. _fire, .. _ems]);
        Inconsistent = inconsistent;
        Compliance = standards.Select(Judge).ToList();
    }

    /// <summary>The interval measured.</summary>
    public ResponseInterval Interval { get; }

    /// <summary>Samples used (times present and in order).</summary>
    public int Count => _all.Length;

    /// <summary>Samples left out because the second time was recorded before the first (clock or entry error).</summary>
    public int Inconsistent { get; }

    /// <summary>Median, seconds (NaN without samples).</summary>
    public double P50 => Percentile(50);

    /// <summary>90th percentile, seconds (NaN without samples).</summary>
    public double P90 => Percentile(90);

    /// <summary>95th percentile, seconds (NaN without samples).</summary>
    public double P95 => Percentile(95);

    /// <summary>The objectives that apply to this interval, judged.</summary>
    public IReadOnlyList<ComplianceResult> Compliance { get; }

    /// <summary>Nearest-rank percentile in seconds, p in (0, 100]; NaN without samples.</summary>
    public double Percentile(double percent) => Percentiles.NearestRank(_all, percent);

    /// <summary>Share of samples at most <paramref name="seconds"/> (one threshold for every class); NaN without samples.</summary>
    public double ShareWithin(double seconds) =>
        _all.Length == 0 ? double.NaN : (double)Percentiles.CountAtMost(_all, seconds) / _all.Length;

    /// <summary>The same figures for fire or for EMS samples only (turnout differs most between them).
    /// <see cref="Inconsistent"/> is not kept per class and reads 0 there.</summary>
    public IntervalStatistics ForClass(ResponseClass responseClass) => responseClass == ResponseClass.Ems
        ? new IntervalStatistics(Interval, [], _ems, 0, Compliance.Select(c => c.Standard).ToList())
        : new IntervalStatistics(Interval, _fire, [], 0, Compliance.Select(c => c.Standard).ToList());

    private ComplianceResult Judge(ResponseStandard standard)
    {
        int within = Percentiles.CountAtMost(_fire, standard.FireSeconds) + Percentiles.CountAtMost(_ems, standard.EmsSeconds);
        double share = _all.Length == 0 ? double.NaN : (double)within / _all.Length;
        return new ComplianceResult(standard, within, share, share >= standard.TargetShare);
    }

    private static double[] Sorted(double[] samples)
    {
        var copy = (double[])samples.Clone();
        Array.Sort(copy);
        return copy;
    }
}
