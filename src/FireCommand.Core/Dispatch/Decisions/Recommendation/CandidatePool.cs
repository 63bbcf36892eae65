using FireCommand.Core.Resources;

namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>Why a candidate unit cannot be sent at all.</summary>
internal enum Exclusion { None, Status, Returning, OtherJurisdiction, Unreachable }

/// <summary>
/// The units that may fill each slot, and the smaller set the assignment is solved over.
/// </summary>
/// <remarks>
/// <para><b>Why restricting candidates keeps the assignment exact.</b> Let S be the total number of
/// slot instances, P the last-unit penalty, and for a slot group g let t_g be the S-th smallest
/// travel time among units eligible for g. We keep, for g, every eligible unit with travel time
/// ≤ t_g + P (all of them when fewer than S are eligible). Take any optimal assignment in which a
/// unit u with time t_u &gt; t_g + P fills a slot of g. Of the S fastest units eligible for g at most
/// S − 1 fill other slots, so one of them, v, is unused. Moving the slot from u to v keeps the number
/// of filled slots, changes travel by t_v − t_u &lt; −P, and changes penalties by at most +P (adding v
/// can empty at most one station; removing u can only empty none), so the cost falls strictly —
/// contradicting optimality. Hence every optimal assignment uses only kept units, and solving over
/// them is exact. With P = 120 s the kept set is typically 10–40 units instead of hundreds.</para>
/// </remarks>
internal sealed class CandidatePool
{
    private CandidatePool(CandidateUnit[] units, Exclusion[] exclusion, long[] etaDs, List<int>[] eligible, List<int>[] kept)
    {
        Units = units; Excluded = exclusion; EtaDs = etaDs; EligibleByGroup = eligible; KeptByGroup = kept;
    }

    /// <summary>Request units sorted by id; every other array is indexed like this one.</summary>
    public CandidateUnit[] Units { get; }
    public Exclusion[] Excluded { get; }
    /// <summary>Travel time in tenths of a second (the optimiser's integer unit), or -1.</summary>
    public long[] EtaDs { get; }
    /// <summary>Per slot group, every eligible unit, fastest first, ties by id.</summary>
    public List<int>[] EligibleByGroup { get; }
    /// <summary>Per slot group, the eligible units the assignment is solved over (see remarks).</summary>
    public List<int>[] KeptByGroup { get; }

    public static CandidatePool Build(RecommendationRequest request, RecommendationOptions options, long penaltyDs)
    {
        var units = request.Units.OrderBy(u => u.Id).ToArray();
        for (int i = 1; i < units.Length; i++)
            if (units[i].Id == units[i - 1].Id)
                throw new ArgumentException($"Unit {units[i].Id} appears twice among the candidates.", nameof(request));
        var excluded = new Exclusion[units.Length];
        var eta = new long[units.Length];
        for (int i = 0; i < units.Length; i++)
        {
            var u = units[i];
            eta[i] = request.TravelTimes.TryGetValue(u.Id, out var t) && t.Seconds is { } s ? (long)Math.Round(s * 10) : -1;
            excluded[i] = !u.Status.CanBeDispatched() ? Exclusion.Status
                : u.Status == UnitStatus.Returning && !options.AllowReturningUnits ? Exclusion.Returning
                : !options.AllowCrossJurisdiction && u.StationJurisdictionId != request.Incident.JurisdictionId ? Exclusion.OtherJurisdiction
                : eta[i] < 0 ? Exclusion.Unreachable
                : Exclusion.None;
        }

        int slotInstances = request.Slots.Sum(s => s.Count);
        var eligible = new List<int>[request.Slots.Count];
        var kept = new List<int>[request.Slots.Count];
        for (int g = 0; g < eligible.Length; g++)
        {
            var requirement = request.Slots[g].Requirement;
            var list = new List<int>();
            for (int i = 0; i < units.Length; i++)
                if (excluded[i] == Exclusion.None && requirement.IsMetBy(units[i].Capabilities, units[i].Type)) list.Add(i);
            list.Sort((a, b) => eta[a] != eta[b] ? eta[a].CompareTo(eta[b]) : a.CompareTo(b));
            eligible[g] = list;
            if (list.Count <= slotInstances) { kept[g] = list; continue; }
            long bound = eta[list[slotInstances - 1]] + penaltyDs;
            kept[g] = list.TakeWhile(i => eta[i] <= bound).ToList();
        }
        return new CandidatePool(units, excluded, eta, eligible, kept);
    }
}
