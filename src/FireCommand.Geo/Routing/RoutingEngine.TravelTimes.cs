using FireCommand.Geo.Snapping;

namespace FireCommand.Geo.Routing;

/// <summary>Travel time of one candidate unit to an incident.</summary>
/// <param name="UnitIndex">Index of the unit in the caller's list.</param>
/// <param name="Time">Travel time in graph units, off-road legs included.</param>
public readonly record struct UnitTravelTime(int UnitIndex, int Time);

public sealed partial class RoutingEngine
{
    /// <summary>
    /// Travel times from many unit positions to one incident, fastest first: one backward search from
    /// the incident that stops as soon as the <paramref name="k"/> fastest units are certain or the
    /// search passes <paramref name="limit"/>. A unit is certain once its best time is at most the
    /// radius settled so far, because any other way to it would start beyond that radius.
    /// </summary>
    /// <param name="incident">Where the units must go.</param>
    /// <param name="units">Unit positions (already snapped).</param>
    /// <param name="k">How many of the fastest units are wanted.</param>
    /// <param name="limit">Time bound in graph units; slower units are left out.</param>
    public IReadOnlyList<UnitTravelTime> TravelTimesTo(RoadPosition incident, IReadOnlyList<RoadPosition> units,
        int k = int.MaxValue, int limit = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var result = new List<UnitTravelTime>(Math.Min(k, units.Count));
        if (k == 0 || units.Count == 0) return result;

        // Unit exits as linked lists per node: the search's node tag → seed index, next[seed] → seed index.
        var seedUnit = new List<int>(units.Count * 2); var seedTime = new List<int>(units.Count * 2);
        var seedNode = new List<int>(units.Count * 2); var next = new List<int>(units.Count * 2);
        var direct = new int?[units.Count];
        var search = Rent();
        var tags = search.NodeTags;
        for (int i = 0; i < units.Count; i++)
        {
            direct[i] = PositionSeeds.Direct(Graph, units[i], incident) is { } d
                ? d + OffRoadTime(units[i]) + OffRoadTime(incident) : null;
            foreach (var (node, time) in PositionSeeds.Departure(Graph, units[i], OffRoadTime(units[i])))
            {
                seedUnit.Add(i);
                seedTime.Add(time);
                seedNode.Add(node);
                next.Add(tags[node]);
                tags[node] = seedUnit.Count - 1;
            }
        }
        try
        {
            search.Reset();
            foreach (var (node, time) in PositionSeeds.Arrival(Graph, incident, OffRoadTime(incident)))
                search.AddSource(node, time);
            var pending = new PriorityQueue<int, int>();
            for (int i = 0; i < units.Count; i++) if (direct[i] is { } d) pending.Enqueue(i, d);
            var done = new bool[units.Count];
            var visitor = new NearestVisitor(tags, next, seedUnit, seedTime, pending, done, result, k);
            search.Run(SearchDirection.Backward, limit, ref visitor);
            if (result.Count < k) visitor.Flush(limit);
            return result;
        }
        finally
        {
            foreach (int node in seedNode) tags[node] = -1;
            Return(search);
        }
    }

    private readonly struct NearestVisitor(int[] tags, List<int> next, List<int> seedUnit,
        List<int> seedTime, PriorityQueue<int, int> pending, bool[] done, List<UnitTravelTime> result, int k) : ISettleVisitor
    {
        public bool Settle(int node, int time)
        {
            for (int s = tags[node]; s >= 0; s = next[s])
                    if (!done[seedUnit[s]]) pending.Enqueue(seedUnit[s], seedTime[s] + time);
            Flush(time);
            return result.Count >= k;
        }

        /// <summary>Finalises every pending unit whose best time is at most <paramref name="radius"/>.</summary>
        public void Flush(int radius)
        {
            while (result.Count < k && pending.TryPeek(out int unit, out int t) && t <= radius)
            {
                pending.Dequeue();
                if (done[unit]) continue;
                done[unit] = true;
                result.Add(new UnitTravelTime(unit, t));
            }
        }
    }
}
