using System.Collections.Concurrent;
using FireCommand.Core.Sensing.Risk;

namespace FireCommand.Web.Sensing.Risk;

/// <summary>
/// The previous reading of each place's score, kept in this node's memory so a trend can be told
/// without storing a history. A reading is taken at most once per <see cref="ReadingInterval"/>: the
/// trend compares the score now with the reading held (taken between zero and one interval ago, or
/// longer when nobody asked), and the held reading is replaced once it is an interval old. So a
/// change shows as Rising or Falling for about one interval, then as Steady. A restart forgets the
/// readings (every place then reads Steady); each node keeps its own. Thread-safe.
/// </summary>
public sealed class RiskTrendBook
{
    public static readonly TimeSpan ReadingInterval = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<long, Reading> _readings = new();

    private sealed record Reading(double Score, DateTimeOffset At);

    /// <summary>The trend of <paramref name="score"/> against the held reading, keeping it as the next reading when the held one is old.</summary>
    public RiskTrend Observe(long placeId, double score, DateTimeOffset now)
    {
        var held = _readings.GetOrAdd(placeId, _ => new Reading(score, now));
        var trend = PlaceRiskScorer.TrendOf(held.Score, score);
        if (now - held.At >= ReadingInterval) _readings.TryUpdate(placeId, new Reading(score, now), held);
        return trend;
    }
}
