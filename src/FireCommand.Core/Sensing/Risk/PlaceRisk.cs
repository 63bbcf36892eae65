using FireCommand.Core.Resources;

namespace FireCommand.Core.Sensing.Risk;

/// <summary>
/// Risk levels in the four-colour scheme Chinese safety management uses (重大/较大/一般/低风险: red,
/// orange, yellow, blue).
/// </summary>
public enum RiskLevel
{
    /// <summary>低风险 (blue).</summary>
    Low = 1,

    /// <summary>一般风险 (yellow).</summary>
    General = 2,

    /// <summary>较大风险 (orange).</summary>
    Considerable = 3,

    /// <summary>重大风险 (red).</summary>
    Major = 4,
}

/// <summary>Which way a place's score moved since the last reading.</summary>
public enum RiskTrend
{
    Falling = -1,
    Steady = 0,
    Rising = 1,
}

/// <summary>
/// What is known about a place, static and live. Supervision facts (open hazards, credit) are null
/// until supervision records them; device counts are zero for a place without monitoring.
/// </summary>
public sealed record PlaceRiskFacts(
    KeyPlaceCategory Categories,
    double? HeightMeters,
    int? Occupants,
    int FiresLastYear,
    int? OpenHazards,
    int? CreditScore,
    int ActiveFaults,
    int ShieldedZones,
    int DevicesOffline,
    int DevicesTotal,
    bool LowPipePressure,
    bool LowTankLevel,
    int AlarmsLast24Hours,
    int ConfirmedFiresLast30Days);

/// <summary>One reason that adds to a score: a stable code (the UI names it in zh-CN and en), its points and the count or value behind it.</summary>
public sealed record RiskReason(string Code, double Points, double? Value);

/// <summary>A place's score (0–100), its level, and every reason, largest first; the reasons' points add up to the score.</summary>
public sealed record PlaceRiskScore(double Score, RiskLevel Level, double StaticPoints, double LivePoints, IReadOnlyList<RiskReason> Reasons);
