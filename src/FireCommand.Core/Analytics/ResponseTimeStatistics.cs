namespace FireCommand.Core.Analytics;

/// <summary>
/// Response-time figures of a set of calls: for each <see cref="ResponseInterval"/>, nearest-rank
/// p50/p90/p95 over the raw samples and the share within the objectives of DESIGN §5 (NFPA 1221
/// call processing, NFPA 1710 turnout and first-engine travel, and their sum for the total). Built by
/// <see cref="Compute"/> or by a <see cref="ResponseTimeAccumulator"/> fed call by call.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ResponseTimeStatistics
{
    private readonly Dictionary<ResponseInterval, IntervalStatistics> _byInterval;

    internal ResponseTimeStatistics(int calls, IReadOnlyList<IntervalStatistics> intervals)
    {
        Calls = calls;
        Intervals = intervals;
        _byInterval = intervals.ToDictionary(i => i.Interval);
    }

    /// <summary>Calls the figures were computed over.</summary>
    public int Calls { get; }

    /// <summary>One entry per interval, in <see cref="ResponseInterval"/> order.</summary>
    public IReadOnlyList<IntervalStatistics> Intervals { get; }

    /// <summary>The figures of one interval.</summary>
    public IntervalStatistics this[ResponseInterval interval] => _byInterval[interval];

    /// <summary>Computes the figures of <paramref name="calls"/> against <paramref name="standards"/>
    /// (<see cref="ResponseStandards.Default"/> when null).</summary>
    public static ResponseTimeStatistics Compute(IEnumerable<CallTimeline> calls, IReadOnlyList<ResponseStandard>? standards = null)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var accumulator = new ResponseTimeAccumulator();
        foreach (var call in calls) accumulator.Add(call);
        return accumulator.ToStatistics(standards);
    }
}
