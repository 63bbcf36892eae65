using FireCommand.Core.Resources;

namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>
/// What the plan still asks for once the units already on the incident are counted (尚需增派).
/// </summary>
/// <remarks>
/// Each unit fills at most one slot, and the units fill as many slots as they possibly can: a
/// maximum matching of units to slot places, not a first-come choice. Counting in arrival order
/// would let a pumper with a command module take the water slot while a second pumper stands by,
/// and the plan would then ask for a command vehicle the incident already has. Among the maximum
/// matchings, a unit goes to the most specific slot it meets first (a ladder to the aerial slot
/// rather than a water slot). Which units count is the caller's choice: those dispatched, en route,
/// on scene or working there (an open assignment); units that were released no longer count.
/// Pure and thread-safe.
/// </remarks>
public static class PlanCoverage
{
    /// <summary>The slots less what <paramref name="onIncident"/> fill, in slot order; empty slots are left out.</summary>
    public static IReadOnlyList<RequiredSlot> Outstanding(IReadOnlyList<RequiredSlot> required,
        IEnumerable<(UnitCapability Capabilities, ApparatusType Type)> onIncident)
    {
        ArgumentNullException.ThrowIfNull(required);
        ArgumentNullException.ThrowIfNull(onIncident);
        // One place per unit a slot asks for; the most specific slots' places come first.
        var places = Enumerable.Range(0, required.Count)
            .OrderByDescending(i => Specificity(required[i].Requirement)).ThenBy(i => i)
            .SelectMany(i => Enumerable.Repeat(i, Math.Max(0, required[i].Count)))
            .ToArray();
        var units = onIncident.ToArray();
        var holder = Enumerable.Repeat(-1, places.Length).ToArray(); // place → unit
        foreach (var u in Enumerable.Range(0, units.Length))
            TryPlace(u, new bool[places.Length]);

        var left = required.Select(s => s.Count).ToArray();
        foreach (var (slot, unit) in places.Zip(holder))
            if (unit >= 0) left[slot]--;
        return [.. required.Select((s, i) => s with { Count = left[i] }).Where(s => s.Count > 0)];

        // Kuhn's augmenting path: a unit takes a free place it meets, or moves the unit holding one.
        bool TryPlace(int u, bool[] seen)
        {
            for (int p = 0; p < places.Length; p++)
            {
                if (seen[p] || !required[places[p]].Requirement.IsMetBy(units[u].Capabilities, units[u].Type)) continue;
                seen[p] = true;
                if (holder[p] < 0 || TryPlace(holder[p], seen))
                {
                    holder[p] = u;
                    return true;
                }
            }
            return false;
        }
    }

    private static int Specificity(SlotRequirement r) =>
        System.Numerics.BitOperations.PopCount((uint)r.Capabilities) + (r.Apparatus is null ? 0 : 8);
}
