namespace FireCommand.Core.Map.Gazetteer;

/// <summary>
/// Quality bands of a match. Bands lie 200 points apart and every adjustment inside a band adds up
/// to less than that (coverage ≤ 40, context +50, importance ≤ 30, proximity ≤ 60), so no
/// adjustment ever lifts a match above a better kind of match. A match of part of the query (see
/// <see cref="QueryScope"/>) ranks one band lower than the same kind of match of the whole query, so
/// 白江龙湖国际 beats 龙湖国际 in 白江市 for "白江龙湖国际"; an entry that is not in the enclosing
/// places the query named loses one band more.
/// </summary>
internal static class MatchBand
{
    public const double Exact = 2000;
    public const double ExactIgnoringSuffix = 1800;
    public const double Crossing = 1800;
    public const double Prefix = 1600;
    public const double Contains = 1400;
    public const double InitialsExact = 1200;
    public const double InitialsPrefix = 1000;
    public const double FuzzyWhole = 800;
    public const double FuzzyPartial = 600;
    public const double InitialsContains = 600;

    /// <summary>No fuzzy match scores this much: the best fuzzy band plus every adjustment.</summary>
    public const double FuzzyCeiling = FuzzyWhole + 200;

    public const double CoverageWeight = 40;
    public const double ContextBonus = 50;
    public const double ContextPenalty = -200;
    public const double PartOfQueryPenalty = -200;
    public const double ImportanceWeight = 30;
    public const double ProximityWeight = 60;

    /// <summary>Distance at which the proximity bonus halves: a caller's cell or the call centre's district.</summary>
    public const double ProximityHalfMeters = 5_000;
}

/// <summary>A candidate's match before ranking: band, coverage and where in which key it matched.</summary>
internal readonly record struct Hit(
    double Band,
    double Coverage,
    MatchKind Kind,
    int Key,
    int SpanStart,
    int SpanLength,
    int EditDistance,
    double ContextShare = 0);

/// <summary>Score arithmetic: the band, then coverage, context, importance and closeness to the caller.</summary>
internal static class MatchRanking
{
    public static double Score(Hit hit, GazetteerEntry entry, double? distanceMeters) =>
        hit.Band
        + MatchBand.CoverageWeight * Math.Clamp(hit.Coverage, 0, 1)
        + ContextAdjustment(hit.ContextShare)
        + MatchBand.ImportanceWeight * entry.Importance
        + (distanceMeters is { } d ? MatchBand.ProximityWeight / (1 + d / MatchBand.ProximityHalfMeters) : 0);

    /// <summary>
    /// <paramref name="share"/> is the fraction of the query's enclosing places the entry lies in,
    /// or −1 when the query named some and the entry lies in none; 0 when none were named.
    /// </summary>
    private static double ContextAdjustment(double share) =>
        share < 0 ? MatchBand.ContextPenalty : MatchBand.ContextBonus * Math.Min(share, 1);
}
