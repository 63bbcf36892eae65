using FireCommand.Core.Resources;

namespace FireCommand.Core.Sensing.Risk;

/// <summary>
/// Scores a place's fire risk from what it is (static, up to 50 points) and what its systems say now
/// (live, up to 50 points). The weights follow what makes a fire deadly or a building's protection
/// unreliable in the corps' own priorities: the 高低大化 categories and crowded places first, height and
/// occupants, past fires, open hazards and poor credit; live, the protection that is not working
/// (faults, shielded zones, devices offline, low pipe pressure or tank level) and recent alarms. Every
/// point is carried by a reason so a commander sees why. Pure and thread-safe.
/// </summary>
public static class PlaceRiskScorer
{
    public const double MaxStatic = 50;
    public const double MaxLive = 50;

    /// <summary>A change of less than this many points reads as steady.</summary>
    public const double TrendThreshold = 5;

    private static readonly (KeyPlaceCategory Category, string Code, double Points)[] CategoryWeights =
    [
        (KeyPlaceCategory.Petrochemical, "category.petrochemical", 22),
        (KeyPlaceCategory.Underground, "category.underground", 16),
        (KeyPlaceCategory.HighRise, "category.highRise", 14),
        (KeyPlaceCategory.LargeComplex, "category.largeComplex", 14),
        (KeyPlaceCategory.Crowded, "category.crowded", 12),
        (KeyPlaceCategory.CulturalRelic, "category.heritage", 12),
        (KeyPlaceCategory.HistoricBlock, "category.heritage", 10),
        (KeyPlaceCategory.HistoricCity, "category.heritage", 10),
        (KeyPlaceCategory.HistoricTown, "category.heritage", 10),
        (KeyPlaceCategory.HistoricVillage, "category.heritage", 10),
        (KeyPlaceCategory.TraditionalVillage, "category.heritage", 10),
        (KeyPlaceCategory.RuralHighRisk, "category.ruralHighRisk", 10),
        (KeyPlaceCategory.RelocationSettlement, "category.relocation", 8),
    ];

    public static PlaceRiskScore Score(PlaceRiskFacts f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var statics = new List<RiskReason>();
        // The worst category counts whole, every further one a third: a crowded high-rise is worse than
        // either, but not twice as bad. Categories share at most 24 points.
        var categories = CategoryWeights.Where(c => f.Categories.HasFlag(c.Category)).GroupBy(c => c.Code)
            .Select(g => (Code: g.Key, Points: g.Max(c => c.Points))).OrderByDescending(c => c.Points).ToList();
        var categoryBudget = 24.0;
        for (var i = 0; i < categories.Count && categoryBudget > 0; i++)
        {
            var points = Math.Min(categoryBudget, i == 0 ? categories[i].Points : categories[i].Points / 3);
            statics.Add(new RiskReason(categories[i].Code, points, null));
            categoryBudget -= points;
        }
        // GB 50016: over 24 m is high-rise, over 54 m residential class I, over 100 m super high-rise,
        // beyond the reach of aerial apparatus.
        if (f.HeightMeters is { } h && h > 24) statics.Add(new RiskReason("height", h > 100 ? 10 : h > 54 ? 6 : 3, h));
        if (f.Occupants is { } o && o > 50) statics.Add(new RiskReason("occupants", o > 1000 ? 8 : o > 300 ? 5 : 2, o));
        if (f.FiresLastYear > 0) statics.Add(new RiskReason("fireHistory", Math.Min(10, 5.0 * f.FiresLastYear), f.FiresLastYear));
        if (f.OpenHazards is > 0 and var hazards) statics.Add(new RiskReason("openHazards", Math.Min(12, 3.0 * hazards), hazards));
        if (f.CreditScore is { } credit && credit < 80) statics.Add(new RiskReason("credit", credit < 60 ? 8 : 4, credit));
        var staticPoints = Capped(statics, MaxStatic);

        var live = new List<RiskReason>();
        if (f.ActiveFaults > 0) live.Add(new RiskReason("faults", Math.Min(12, 4.0 * f.ActiveFaults), f.ActiveFaults));
        if (f.ShieldedZones > 0) live.Add(new RiskReason("shielded", Math.Min(15, 5.0 * f.ShieldedZones), f.ShieldedZones));
        if (f.DevicesOffline > 0 && f.DevicesTotal > 0)
            live.Add(new RiskReason("offline", 15.0 * Math.Min(f.DevicesOffline, f.DevicesTotal) / f.DevicesTotal, f.DevicesOffline));
        if (f.LowPipePressure) live.Add(new RiskReason("lowPressure", 10, null));
        if (f.LowTankLevel) live.Add(new RiskReason("lowTank", 8, null));
        if (f.AlarmsLast24Hours > 0) live.Add(new RiskReason("recentAlarms", Math.Min(9, 3.0 * f.AlarmsLast24Hours), f.AlarmsLast24Hours));
        if (f.ConfirmedFiresLast30Days > 0) live.Add(new RiskReason("recentFire", 10, f.ConfirmedFiresLast30Days));
        var livePoints = Capped(live, MaxLive);

        var reasons = statics.Concat(live).Where(r => r.Points > 0).OrderByDescending(r => r.Points).ToList();
        var score = Math.Round(staticPoints + livePoints, 1);
        return new PlaceRiskScore(score, LevelOf(score), staticPoints, livePoints, reasons);
    }

    /// <summary>Below 25 low, below 50 general, below 75 considerable, else major.</summary>
    public static RiskLevel LevelOf(double score) => score switch
    {
        < 25 => RiskLevel.Low,
        < 50 => RiskLevel.General,
        < 75 => RiskLevel.Considerable,
        _ => RiskLevel.Major,
    };

    public static RiskTrend TrendOf(double? previous, double current) =>
        previous is not { } p || Math.Abs(current - p) < TrendThreshold ? RiskTrend.Steady
        : current > p ? RiskTrend.Rising : RiskTrend.Falling;

    /// <summary>Scales the reasons down together when their sum passes the cap, so they still add up to what is counted.</summary>
    private static double Capped(List<RiskReason> reasons, double cap)
    {
        var sum = reasons.Sum(r => r.Points);
        if (sum <= cap) return sum;
        var factor = cap / sum;
        for (var i = 0; i < reasons.Count; i++) reasons[i] = reasons[i] with { Points = reasons[i].Points * factor };
        return cap;
    }
}
