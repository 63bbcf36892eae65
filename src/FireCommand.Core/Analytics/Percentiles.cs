namespace FireCommand.Core.Analytics;

/// <summary>
/// Percentiles by the <b>nearest-rank</b> method: the p-th percentile of N sorted samples is the
/// sample at rank ⌈p/100 × N⌉ (1-based), so it is always a value that was actually observed and
/// "p % of samples are at most the p-th percentile" holds exactly. Example: for the ten samples
/// 1…10, p50 is the 5th (5), p90 the 9th (9), p95 the 10th (10).
/// </summary>
/// <remarks>
/// Nearest-rank is what compliance reports use (NFPA 1710 speaks of "90 % of incidents"), and it
/// never interpolates a time no unit recorded. Pure and thread-safe.
/// </remarks>
public static class Percentiles
{
    /// <summary>The nearest-rank percentile of samples already sorted ascending; NaN when there are none.</summary>
    /// <param name="sortedAscending">The samples, sorted ascending (not checked, for speed).</param>
    /// <param name="percent">p in (0, 100].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is not in (0, 100].</exception>
    public static double NearestRank(ReadOnlySpan<double> sortedAscending, double percent)
    {
        if (!(percent > 0 && percent <= 100))
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "A percentile is in (0, 100].");
        if (sortedAscending.Length == 0) return double.NaN;
        return sortedAscending[Rank(sortedAscending.Length, percent) - 1];
    }

    /// <summary>The 1-based nearest rank ⌈p/100 × N⌉, computed in decimal so 95 % of 20 is exactly 19.</summary>
    public static int Rank(int count, double percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (!(percent > 0 && percent <= 100))
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "A percentile is in (0, 100].");
        var rank = (int)Math.Ceiling((decimal)percent * count / 100m);
        return Math.Clamp(rank, 1, count);
    }

    /// <summary>How many of the sorted samples are at most <paramref name="threshold"/> (binary search).</summary>
    public static int CountAtMost(ReadOnlySpan<double> sortedAscending, double threshold)
    {
        int lo = 0, hi = sortedAscending.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sortedAscending[mid] <= threshold) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
