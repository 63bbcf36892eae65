using FireCommand.Core.Resources;

namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>The solved assignment: which slot group each pool unit fills (-1 for none), and each
/// protected station's available-unit count and how many of those units were taken.</summary>
internal sealed record Assignment(int[] GroupOfUnit, IReadOnlyDictionary<long, (int Available, int Taken)> Stations)
{
    public bool Empties(long stationId) => Stations.TryGetValue(stationId, out var s) && s.Available > 0 && s.Taken >= s.Available;
}

/// <summary>
/// Exact slot-to-unit assignment as a min-cost max-flow:
/// source → slot group (capacity = count) → unit (capacity 1, cost = travel time) → station → sink.
/// A station with N available units reaches the sink by two arcs, N − 1 free and 1 costing the
/// last-unit penalty, so the penalty is paid exactly when all N are taken; that cost is convex in
/// the number taken, which is what makes the flow model exact rather than a heuristic. Units not
/// counted as available at a station (returning, training, standing by elsewhere) go straight to
/// the sink. Maximum flow = most slots filled; least cost among those = least total arrival time
/// plus penalties.
/// </summary>
internal static class AssignmentSolver
{
    public static Assignment Solve(RecommendationRequest request, CandidatePool pool, long penaltyDs)
    {
        var slots = request.Slots;
        var units = pool.Units;
        // Station cover: the declared count, never fewer than the available units we can see there.
        var visible = new Dictionary<long, int>();
        foreach (var u in units)
            if (u.Status == UnitStatus.Available) visible[u.HomeStationId] = visible.GetValueOrDefault(u.HomeStationId) + 1;
        var stations = new Dictionary<long, (int Available, int Taken)>();
        foreach (var (id, count) in request.AvailableUnitsByStation)
            stations[id] = (Math.Max(count, visible.GetValueOrDefault(id)), 0);

        var keptUnits = pool.KeptByGroup.SelectMany(k => k).Distinct().Order().ToArray();
        var stationIds = penaltyDs > 0
            ? keptUnits.Where(i => Counts(units[i], stations)).Select(i => units[i].HomeStationId).Distinct().Order().ToArray()
            : [];
        int groupBase = 2, unitBase = groupBase + slots.Count, stationBase = unitBase + keptUnits.Length;
        var flow = new MinCostFlow(stationBase + stationIds.Length);
        var unitNode = new Dictionary<int, int>();
        for (int k = 0; k < keptUnits.Length; k++) unitNode[keptUnits[k]] = unitBase + k;
        var stationNode = new Dictionary<long, int>();
        for (int k = 0; k < stationIds.Length; k++) stationNode[stationIds[k]] = stationBase + k;

        // Cost = travel (tenths of a second) × scale + the unit's rank by id. The rank sum of any
        // assignment is below the scale, so it only breaks ties between equally fast assignments,
        // towards lower unit ids, whatever order the caller listed the units in.
        long scale = (long)units.Length * Math.Max(1, slots.Sum(s => s.Count)) + 1;
        for (int g = 0; g < slots.Count; g++) flow.AddArc(0, groupBase + g, slots[g].Count, 0);
        var arcs = new List<(int Arc, int Group, int Unit)>();
        for (int g = 0; g < slots.Count; g++)
            foreach (int i in pool.KeptByGroup[g])
                arcs.Add((flow.AddArc(groupBase + g, unitNode[i], 1, pool.EtaDs[i] * scale + i), g, i));
        foreach (int i in keptUnits)
            flow.AddArc(unitNode[i], stationNode.TryGetValue(units[i].HomeStationId, out var s) && Counts(units[i], stations) ? s : 1, 1, 0);
        foreach (var id in stationIds)
        {
            int available = stations[id].Available;
            if (available > 1) flow.AddArc(stationNode[id], 1, available - 1, 0);
            flow.AddArc(stationNode[id], 1, 1, penaltyDs * scale);
        }
        flow.Run(0, 1);

        var groupOf = Enumerable.Repeat(-1, units.Length).ToArray();
        foreach (var (arc, g, i) in arcs)
            if (flow.Flow(arc) > 0)
            {
                groupOf[i] = g;
                if (!Counts(units[i], stations)) continue;
                var (available, taken) = stations[units[i].HomeStationId];
                stations[units[i].HomeStationId] = (available, taken + 1);
            }
        return new Assignment(groupOf, stations);
    }

    /// <summary>Only a unit standing by at its own protected station (10 备勤) covers that station's district.</summary>
    internal static bool Counts(CandidateUnit u, IReadOnlyDictionary<long, (int Available, int Taken)> stations) =>
        u.Status == UnitStatus.Available && stations.ContainsKey(u.HomeStationId);
}
