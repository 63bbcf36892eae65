namespace FireCommand.Core.Analytics;

/// <summary>One measured interval of one call (or of one unit on it). Immutable.</summary>
/// <param name="Interval">What was measured.</param>
/// <param name="Seconds">Length in seconds; negative when the recorded times are out of order.</param>
/// <param name="UnitId">The unit measured, or null for per-call intervals measured from the call.</param>
public readonly record struct IntervalSample(ResponseInterval Interval, double Seconds, string? UnitId);

/// <summary>
/// Which recorded times each interval uses. Where a standard means "the first unit", the interval is
/// per call and uses the first unit's time; turnout and travel are per unit:
/// <list type="bullet">
/// <item><see cref="ResponseInterval.CallProcessing"/>: received → earliest dispatch of any unit.</item>
/// <item><see cref="ResponseInterval.Turnout"/>: each unit's dispatch → en route.</item>
/// <item><see cref="ResponseInterval.Travel"/>: each unit's en route → on scene.</item>
/// <item><see cref="ResponseInterval.FirstEngineTravel"/>: en route → on scene of the engine that arrived
/// first; no sample when that engine has no en-route time (we do not fall back to the second engine,
/// which would flatter the figure).</item>
/// <item><see cref="ResponseInterval.Total"/>: received → earliest arrival of any unit.</item>
/// </list>
/// An interval whose two times are not both recorded gives no sample. Pure and thread-safe.
/// </summary>
public static class ResponseIntervalSamples
{
    /// <summary>The samples of one call, per-call intervals first, then per unit in the order given.</summary>
    public static IReadOnlyList<IntervalSample> From(CallTimeline call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var samples = new List<IntervalSample>(2 + 2 * call.Units.Count);
        DateTimeOffset? firstDispatch = null, firstArrival = null;
        UnitTimeline? firstEngine = null;
        foreach (var unit in call.Units)
        {
            if (unit.DispatchedAt is { } d && (firstDispatch is null || d < firstDispatch)) firstDispatch = d;
            if (unit.OnSceneAt is { } a)
            {
                if (firstArrival is null || a < firstArrival) firstArrival = a;
                if (unit.IsEngine && (firstEngine is null || a < firstEngine.OnSceneAt)) firstEngine = unit;
            }
        }
        if (firstDispatch is { } fd) samples.Add(new(ResponseInterval.CallProcessing, Seconds(call.ReceivedAt, fd), null));
        if (firstArrival is { } fa) samples.Add(new(ResponseInterval.Total, Seconds(call.ReceivedAt, fa), null));
        if (firstEngine is { EnRouteAt: { } engineOut, OnSceneAt: { } engineIn })
            samples.Add(new(ResponseInterval.FirstEngineTravel, Seconds(engineOut, engineIn), firstEngine.UnitId));
        foreach (var unit in call.Units)
        {
            if (unit is { DispatchedAt: { } d, EnRouteAt: { } r })
                samples.Add(new(ResponseInterval.Turnout, Seconds(d, r), unit.UnitId));
            if (unit is { EnRouteAt: { } from, OnSceneAt: { } to })
                samples.Add(new(ResponseInterval.Travel, Seconds(from, to), unit.UnitId));
        }
        return samples;
    }

    private static double Seconds(DateTimeOffset from, DateTimeOffset to) => (to - from).TotalSeconds;
}
