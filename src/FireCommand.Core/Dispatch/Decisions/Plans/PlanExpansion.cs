using FireCommand.Core.Resources;

namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>
/// Turns a graded response plan into what one incident needs. Plans are additive per level
/// (DESIGN §4): level N takes the rows of levels 1..N for the type, plus the rows of the incident's
/// subtype and of each key-place category it has, plus the key place's own plan (单位预案) when it
/// carries one. Equal requirements are summed, so "2× Water at L1" and "+2× Water at L2" give 4.
/// </summary>
/// <remarks>
/// A key place's own plan <b>adds to</b> the corps plan, never replaces it: the corps plan is the
/// floor every incident of that type and level gets, and a place's plan names its special risks
/// (a foam line for a tank farm, a second aerial for a 100 m tower). Officers who want fewer units
/// for a place lower the incident level instead. Pure and thread-safe.
/// </remarks>
public static class PlanExpansion
{
    /// <summary>The slots the incident needs, in expansion order (lowest level and generic rows
    /// first). A false alarm needs nothing and gets an empty list.</summary>
    /// <param name="planSet">The corps plan set, usually <see cref="PlanSet.Default"/> or an edited one.</param>
    /// <param name="type">Incident type.</param>
    /// <param name="level">火警等级 1–5.</param>
    /// <param name="placeCategories">Categories of the place (may combine flags; <see cref="KeyPlaceCategory.None"/> for an ordinary place).</param>
    /// <param name="keyPlacePlan">The key place's own plan in the same format, added on top; null when it has none.</param>
    /// <param name="subtype">An <see cref="IncidentSubtypes"/> code, or null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside 1–5.</exception>
    public static IReadOnlyList<RequiredSlot> Expand(PlanSet planSet, IncidentType type, int level,
        KeyPlaceCategory placeCategories, PlanSet? keyPlacePlan = null, string? subtype = null)
    {
        ArgumentNullException.ThrowIfNull(planSet);
        if (level is < Incident.MinFireLevel or > Incident.MaxFireLevel)
            throw new ArgumentOutOfRangeException(nameof(level), level, "Fire level is 1–5.");
        if (type == IncidentType.FalseAlarm) return [];

        var order = new List<SlotRequirement>();
        var totals = new Dictionary<SlotRequirement, (int Count, PlanSlot First, List<SlotSource> Sources)>();
        Add(planSet, fromKeyPlace: false);
        if (keyPlacePlan is not null) Add(keyPlacePlan, fromKeyPlace: true);
        return order.Select(r =>
        {
            var (count, first, sources) = totals[r];
            return new RequiredSlot(r, count, first.Chinese, first.English, sources);
        }).ToList();

        void Add(PlanSet set, bool fromKeyPlace)
        {
            foreach (var plan in set.Plans)
            {
                if (!plan.Key.AppliesTo(type, level, placeCategories, subtype)) continue;
                foreach (var slot in plan.Slots)
                {
                    if (!totals.TryGetValue(slot.Requirement, out var t))
                    {
                        order.Add(slot.Requirement);
                        t = (0, slot, []);
                    }
                    t.Sources.Add(new SlotSource(plan.Key, slot.Count, fromKeyPlace));
                    totals[slot.Requirement] = (t.Count + slot.Count, t.First, t.Sources);
                }
            }
        }
    }

    /// <summary>Total units the slots ask for.</summary>
    public static int TotalUnits(IEnumerable<RequiredSlot> slots) => slots.Sum(s => s.Count);
}
