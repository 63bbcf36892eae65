namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>
/// The incident subtypes the response plans, level rules and duplicate table know, as the stable
/// codes stored in <see cref="Incident.Subtype"/>. Subtypes refine a type (抢险救援 → 交通事故…);
/// plans and rules match them case-insensitively, and a subtype they do not know simply gets the
/// type's generic rows.
/// </summary>
public static class IncidentSubtypes
{
    /// <summary>交通事故 (rescue): traffic collision, people trapped in vehicles.</summary>
    public const string Traffic = "traffic";

    /// <summary>建筑坍塌 (rescue): building or structure collapse.</summary>
    public const string Collapse = "collapse";

    /// <summary>危化品泄漏 (rescue): hazardous-materials leak.</summary>
    public const string HazmatLeak = "hazmat-leak";

    /// <summary>水域救援 (rescue): water and flood rescue.</summary>
    public const string WaterRescue = "water";

    /// <summary>电梯困人 (rescue): people trapped in a lift.</summary>
    public const string Lift = "lift";

    /// <summary>自动报警 (fire): alarm raised by a building's automatic fire-alarm system (GB 26875),
    /// not yet confirmed by a person.</summary>
    public const string AutomaticAlarm = "automatic-alarm";

    /// <summary>Every known code, for validating plan files and API input.</summary>
    public static IReadOnlyList<string> All { get; } = [Traffic, Collapse, HazmatLeak, WaterRescue, Lift, AutomaticAlarm];

    /// <summary>True when <paramref name="subtype"/> is one of <see cref="All"/> (case-insensitive).</summary>
    public static bool IsKnown(string? subtype) =>
        subtype is not null && All.Contains(subtype, StringComparer.OrdinalIgnoreCase);

    /// <summary>Case-insensitive equality, with null matching only null.</summary>
    internal static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
