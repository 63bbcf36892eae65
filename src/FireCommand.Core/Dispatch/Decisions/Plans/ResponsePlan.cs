using FireCommand.Core.Resources;

namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>
/// Which incidents a plan row applies to. Rows are additive: an incident of level N takes every row
/// of its type with <see cref="Level"/> ≤ N whose <see cref="Subtype"/> is null or its subtype and
/// whose <see cref="Place"/> is null or one of its place categories. Immutable.
/// </summary>
/// <param name="Type">Incident type; never <see cref="IncidentType.FalseAlarm"/>.</param>
/// <param name="Level">火警等级 1–5 from which the row applies.</param>
/// <param name="Place">A single key-place category the row is for (高层, 地下…), or null for any place.</param>
/// <param name="Subtype">An <see cref="IncidentSubtypes"/> code, or null for every subtype of the type.</param>
public sealed record ResponsePlanKey(IncidentType Type, int Level, KeyPlaceCategory? Place = null, string? Subtype = null)
{
    /// <summary>True when this row applies to the incident described.</summary>
    public bool AppliesTo(IncidentType type, int level, KeyPlaceCategory places, string? subtype) =>
        Type == type && Level <= level &&
        (Subtype is null || IncidentSubtypes.Same(Subtype, subtype)) &&
        (Place is null || (places & Place.Value) == Place.Value);

    /// <summary>"Fire L2", "Rescue/hazmat-leak L1", "Fire L1 @HighRise".</summary>
    public override string ToString() =>
        $"{Type}{(Subtype is null ? "" : "/" + Subtype)} L{Level}{(Place is null ? "" : " @" + Place)}";

    /// <summary>Expansion order: level, then generic before subtype before place rows.</summary>
    internal static int Compare(ResponsePlanKey a, ResponsePlanKey b)
    {
        int c = a.Type.CompareTo(b.Type);
        if (c == 0) c = a.Level.CompareTo(b.Level);
        if (c == 0) c = (a.Place is null ? 0 : 1).CompareTo(b.Place is null ? 0 : 1);
        if (c == 0) c = (a.Subtype is null ? 0 : 1).CompareTo(b.Subtype is null ? 0 : 1);
        if (c == 0) c = ((int)(a.Place ?? 0)).CompareTo((int)(b.Place ?? 0));
        if (c == 0) c = string.CompareOrdinal(a.Subtype?.ToLowerInvariant(), b.Subtype?.ToLowerInvariant());
        return c;
    }
}

/// <summary>One row of the graded response plan (等级调派方案): the slots a key adds. Immutable.</summary>
/// <param name="Key">Which incidents the row applies to.</param>
/// <param name="Slots">Units the row adds to those of lower levels.</param>
public sealed record ResponsePlan(ResponsePlanKey Key, IReadOnlyList<PlanSlot> Slots);
