namespace FireCommand.Core.Analytics;

/// <summary>
/// Collects the raw interval samples of calls as they come (a replay, a day of live incidents) and
/// turns them into <see cref="ResponseTimeStatistics"/>. Keeping every raw sample is what lets the
/// percentiles be exact over any period: per-day percentiles cannot be averaged into a fortnight's
/// (DESIGN §5). A sample with times out of order (negative) is not a response time; it is counted
/// in <see cref="IntervalStatistics.Inconsistent"/> and left out of the figures.
/// </summary>
/// <remarks>Not thread-safe: one writer at a time. <see cref="ToStatistics"/> takes a snapshot, and the
/// accumulator may go on collecting afterwards.</remarks>
public sealed class ResponseTimeAccumulator
{
    private readonly Dictionary<ResponseInterval, Bucket> _buckets =
        Enum.GetValues<ResponseInterval>().ToDictionary(i => i, _ => new Bucket());

    /// <summary>Calls added so far.</summary>
    public int Calls { get; private set; }

    /// <summary>Adds one call's samples.</summary>
    public void Add(CallTimeline call)
    {
        foreach (var sample in ResponseIntervalSamples.From(call)) Add(sample, call.Class);
        Calls++;
    }

    /// <summary>Adds one sample measured elsewhere (e.g. from a database query of raw intervals).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The seconds are not a finite number.</exception>
    public void Add(IntervalSample sample, ResponseClass responseClass)
    {
        if (!double.IsFinite(sample.Seconds))
            throw new ArgumentOutOfRangeException(nameof(sample), sample.Seconds, "An interval is a finite number of seconds.");
        var bucket = _buckets[sample.Interval];
        if (sample.Seconds < 0) bucket.Inconsistent++;
        else (responseClass == ResponseClass.Ems ? bucket.Ems : bucket.Fire).Add(sample.Seconds);
    }

    /// <summary>A snapshot of the figures so far, judged against <paramref name="standards"/>
    /// (<see cref="ResponseStandards.Default"/> when null).</summary>
    public ResponseTimeStatistics ToStatistics(IReadOnlyList<ResponseStandard>? standards = null)
    {
        standards ??= ResponseStandards.Default;
        var intervals = _buckets.OrderBy(b => b.Key).Select(b => new IntervalStatistics(b.Key, b.Value.Fire.ToArray(),
            b.Value.Ems.ToArray(), b.Value.Inconsistent, standards.Where(s => s.Interval == b.Key).ToList())).ToList();
        return new ResponseTimeStatistics(Calls, intervals);
    }

    private sealed class Bucket
    {
        public List<double> Fire { get; } = [];
        public List<double> Ems { get; } = [];
        public int Inconsistent { get; set; }
    }
}
