using FireCommand.Core.Resources;

namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>A suggested fire level with the reasons that produced it, strongest rule first. Immutable.</summary>
/// <param name="Level">火警等级 1–5.</param>
/// <param name="Reasons">Every rule that set or raised the level; the dispatcher may overrule it.</param>
public sealed record FireLevelSuggestion(int Level, IReadOnlyList<DecisionReason> Reasons);

/// <summary>
/// Suggests the fire level (火警等级) at call-taking. The call-taker confirms or overrides it; the
/// suggestion only makes sure that "people trapped in a high-rise" does not go out as a level-1 call.
/// </summary>
/// <remarks>
/// Rules, applied in order (DESIGN §4; thresholds mirror the casualty bands of the national fire
/// grading — 一般 &lt;3, 较大 3–10, 重大 10–30, 特别重大 ≥30 — with "0" as level 1):
/// <list type="number">
/// <item>People at risk = trapped + injured + dead (separate people each): 0 → 1, 1–2 → 2,
/// 3–9 → 3, 10–29 → 4, ≥30 → 5.</item>
/// <item>Burning area, fires only (our thresholds, chosen so a flat fire stays at level 1 and a
/// workshop or warehouse fire is at least 3): ≥200 m² → ≥2, ≥1,000 m² → ≥3, ≥3,000 m² → ≥4,
/// ≥10,000 m² → 5.</item>
/// <item>Subtype floor: a hazmat leak or a collapse is at least level 2 (specialist units needed from
/// the first order).</item>
/// <item>Place: high-rise, underground, large complex or petrochemical raises by one (once, not per
/// category), capped at 5.</item>
/// </list>
/// Security duty and false alarms are always level 1: a duty's size comes from its own plan, and a
/// false alarm sends nobody. Pure and thread-safe.
/// </remarks>
public static class FireLevelSuggester
{
    private const KeyPlaceCategory RaisingPlaces = KeyPlaceCategory.HighRise | KeyPlaceCategory.Underground |
        KeyPlaceCategory.LargeComplex | KeyPlaceCategory.Petrochemical;

    private static readonly (int AtLeast, int Level)[] PeopleBands = [(30, 5), (10, 4), (3, 3), (1, 2)];
    private static readonly (double AtLeast, int Level)[] AreaBands = [(10_000, 5), (3_000, 4), (1_000, 3), (200, 2)];
    private static readonly (string Subtype, int Level)[] SubtypeFloors =
        [(IncidentSubtypes.HazmatLeak, 2), (IncidentSubtypes.Collapse, 2)];

    /// <summary>Suggests a level for the incident described.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or the area is negative or not finite.</exception>
    public static FireLevelSuggestion Suggest(IncidentType type, string? subtype, int trapped, int injured, int deaths,
        KeyPlaceCategory placeCategories, double? burningAreaSquareMeters = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trapped);
        ArgumentOutOfRangeException.ThrowIfNegative(injured);
        ArgumentOutOfRangeException.ThrowIfNegative(deaths);
        if (burningAreaSquareMeters is { } a && (!double.IsFinite(a) || a < 0))
            throw new ArgumentOutOfRangeException(nameof(burningAreaSquareMeters), a, "Burning area must be a finite, non-negative number of m².");

        if (type is IncidentType.FalseAlarm or IncidentType.SecurityDuty)
            return new(1, [new("level-fixed", "虚假警与安保勤务按1级处置，力量由勤务方案确定",
                "False alarms and security duties are level 1; a duty's units come from its own plan")]);

        var reasons = new List<DecisionReason>();
        int level = 1;
        long people = (long)trapped + injured + deaths;
        foreach (var (atLeast, l) in PeopleBands)
            if (people >= atLeast)
            {
                level = l;
                reasons.Add(new("level-people", $"被困/伤亡{people}人（被困{trapped}、受伤{injured}、死亡{deaths}），≥{atLeast}人为{l}级",
                    $"{people} people trapped or hurt ({trapped} trapped, {injured} injured, {deaths} dead); {atLeast} or more is level {l}"));
                break;
            }
        if (type == IncidentType.Fire && burningAreaSquareMeters is { } area)
            foreach (var (atLeast, l) in AreaBands)
                if (area >= atLeast)
                {
                    if (l > level)
                    {
                        level = l;
                        reasons.Add(new("level-area", $"燃烧面积{ReasonText.Number(area)}㎡，≥{ReasonText.Number(atLeast)}㎡至少{l}级",
                            $"Burning area {ReasonText.Number(area)} m²; {ReasonText.Number(atLeast)} m² or more is at least level {l}"));
                    }
                    break;
                }
        foreach (var (code, floor) in SubtypeFloors)
            if (IncidentSubtypes.Same(code, subtype) && floor > level)
            {
                level = floor;
                var (zh, en) = ReasonNames.OfSubtype(code);
                reasons.Add(new("level-subtype", $"{zh}类警情至少{floor}级", $"A {en} incident is at least level {floor}"));
            }
        if ((placeCategories & RaisingPlaces) != 0)
        {
            var raised = Math.Min(Incident.MaxFireLevel, level + 1);
            var (zh, en) = ReasonNames.Of(placeCategories & RaisingPlaces);
            reasons.Add(raised > level
                ? new("level-place", $"场所类别（{zh}）提高一级至{raised}级", $"Place category ({en}) raises the level by one to {raised}")
                : new("level-place-capped", $"场所类别（{zh}）应提高一级，已是最高{level}级", $"Place category ({en}) would raise the level, already at the maximum {level}"));
            level = raised;
        }
        if (reasons.Count == 0)
            reasons.Add(new("level-base", "无被困伤亡、无加重因素，1级", "Nobody trapped or hurt and no aggravating factor: level 1"));
        return new(level, reasons);
    }
}
