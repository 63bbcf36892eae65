using FireCommand.Core.Resources;

namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>
/// What a unit must have to fill a plan slot: every flag of <see cref="Capabilities"/> (so
/// <c>Aerial | Foam</c> asks for an elevating jet, not for an aerial and a foam tender), and, when
/// <see cref="Apparatus"/> is set, one of those apparatus types. Immutable value; equal
/// requirements merge when plan rows are added up.
/// </summary>
/// <param name="Capabilities">Capabilities the unit must all have; may be <see cref="UnitCapability.None"/>
/// only when <paramref name="Apparatus"/> is set.</param>
/// <param name="Apparatus">Apparatus types of which the unit must be one, or null for any type with the capabilities.</param>
public readonly record struct SlotRequirement(UnitCapability Capabilities, ApparatusSet? Apparatus = null)
{
    /// <summary>True when a unit with these capabilities and this type can fill the slot.</summary>
    public bool IsMetBy(UnitCapability capabilities, ApparatusType type) =>
        (capabilities & Capabilities) == Capabilities && (Apparatus is null || Apparatus.Value.Contains(type));

    /// <summary>"Water", "Aerial, Foam", "Water (WaterTender, MainPumper)".</summary>
    public override string ToString() =>
        Apparatus is { } a ? $"{Capabilities} ({a})" : Capabilities.ToString();
}

/// <summary>One row of a response plan: so many units meeting a requirement, with the label the
/// dispatcher sees ("2× 水罐/主战消防车"). Immutable.</summary>
/// <param name="Requirement">What each unit must have.</param>
/// <param name="Count">How many units, at least 1.</param>
/// <param name="Chinese">Label in Chinese, e.g. "登高平台/云梯消防车".</param>
/// <param name="English">Label in English, e.g. "Aerial platform / ladder".</param>
public sealed record PlanSlot(SlotRequirement Requirement, int Count, string Chinese, string English);

/// <summary>Where a required slot's count came from, for the "why do we send four tenders" question.</summary>
/// <param name="Key">The plan row's key.</param>
/// <param name="Count">Units this row added.</param>
/// <param name="FromKeyPlacePlan">True when the row is the key place's own plan (单位预案), not the corps plan.</param>
public sealed record SlotSource(ResponsePlanKey Key, int Count, bool FromKeyPlacePlan);

/// <summary>
/// A requirement after expansion: the plan rows for every level up to the incident's, its subtype,
/// its place categories and the key place's own plan, added up. The labels are those of the first
/// row that asked for the requirement. Immutable.
/// </summary>
/// <param name="Requirement">What each unit must have.</param>
/// <param name="Count">Total units required.</param>
/// <param name="Chinese">Label in Chinese.</param>
/// <param name="English">Label in English.</param>
/// <param name="Sources">The rows that added up to <paramref name="Count"/>, in expansion order.</param>
public sealed record RequiredSlot(SlotRequirement Requirement, int Count, string Chinese, string English,
    IReadOnlyList<SlotSource> Sources)
{
    /// <summary>A required slot with no recorded sources (tests, hand-made requests).</summary>
    public RequiredSlot(SlotRequirement requirement, int count, string chinese, string english)
        : this(requirement, count, chinese, english, []) { }
}
