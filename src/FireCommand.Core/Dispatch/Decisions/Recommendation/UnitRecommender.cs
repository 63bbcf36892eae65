using FireCommand.Core.Resources;

namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>
/// Recommends which units to send (智能调派): the exact cheapest assignment of units to the plan's
/// slots by road travel time, with every pick and every shortfall explained.
/// </summary>
/// <remarks>
/// Rules:
/// <list type="bullet">
/// <item>Only units whose status <see cref="Resources.UnitStatusCodes.CanBeDispatched"/>; returning
/// units (25 返队) only when <see cref="RecommendationOptions.AllowReturningUnits"/>; units of other
/// brigades only when <see cref="RecommendationOptions.AllowCrossJurisdiction"/>, and then flagged.</item>
/// <item>A unit fills at most one slot, and only a slot whose requirement it meets.</item>
/// <item>As many slots as possible are filled; among such choices the sum of travel times plus
/// last-unit penalties is minimal (exact: min-cost flow, see <see cref="AssignmentSolver"/>),
/// computed in tenths of a second. Equally good choices break towards lower unit ids.</item>
/// <item>With <see cref="RecommendationOptions.ReturningUnitsOnlyForShortfalls"/>, the plan is first
/// filled without returning units; only the slots left short are then solved again among the
/// returning units and the units not yet picked (marked <see cref="RecommendedUnit.Returning"/>).</item>
/// <item>A pick slower than <see cref="RecommendationOptions.ReinforcementThresholdSeconds"/> is marked
/// <see cref="RecommendedUnit.Reinforcement"/>: it still fills its slot, but the console offers it
/// apart, unticked.</item>
/// </list>
/// Pure, deterministic (independent of the order units are listed in) and thread-safe.
/// </remarks>
public static class UnitRecommender
{
    /// <summary>Largest travel time accepted, one week: larger values are a unit mistake upstream.</summary>
    private const double MaxTravelSeconds = 7 * 24 * 3600;

    /// <summary>Computes the recommendation.</summary>
    /// <exception cref="ArgumentException">Invalid options, a slot count below 1, a duplicate unit id,
    /// or a travel time above a week.</exception>
    public static Recommendation Recommend(RecommendationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Options ?? new RecommendationOptions();
        if (options.Validate() is { Count: > 0 } problems) throw new ArgumentException(string.Join(" ", problems), nameof(request));
        foreach (var slot in request.Slots)
            if (slot.Count < 1) throw new ArgumentException($"Slot {slot.English} asks for {slot.Count} units; at least 1.", nameof(request));
        foreach (var (id, travel) in request.TravelTimes)
            if (travel.Seconds is { } s && (!double.IsFinite(s) || s < 0 || s > MaxTravelSeconds))
                throw new ArgumentException($"Travel time {s} s of unit {id} is not between 0 and one week.", nameof(request));

        if (!options.AllowReturningUnits || !options.ReturningUnitsOnlyForShortfalls) return Solve(request, options);

        // Units at their stations first; returning crews only for what they leave unfilled.
        var first = Solve(request, options with { AllowReturningUnits = false });
        if (first.IsComplete) return first;
        var picked = first.Units.Select(u => u.UnitId).ToHashSet();
        var gaps = Solve(request with
        {
            Slots = [.. first.Shortfalls.Select(s => s.Slot with { Count = s.Missing })],
            Units = [.. request.Units.Where(u => !picked.Contains(u.Id))],
        }, options);
        var units = first.Units.Concat(gaps.Units)
            .OrderBy(u => u.EtaSeconds).ThenBy(u => u.UnitId).ToList();
        return new Recommendation(units, gaps.Shortfalls, units.Sum(p => p.EtaSeconds), units.Sum(p => p.PenaltySeconds))
        {
            ReinforcementThresholdSeconds = options.ReinforcementThresholdSeconds,
        };
    }

    private static Recommendation Solve(RecommendationRequest request, RecommendationOptions options)
    {
        long penaltyDs = (long)Math.Round(options.LastUnitPenaltySeconds * 10);
        var pool = CandidatePool.Build(request, options, penaltyDs);
        var assignment = AssignmentSolver.Solve(request, pool, penaltyDs);
        var explainer = new PickExplainer(request, pool, assignment, options);

        var picks = new List<RecommendedUnit>();
        for (int i = 0; i < pool.Units.Length; i++)
            if (assignment.GroupOfUnit[i] >= 0)
            {
                var pick = explainer.Explain(i, ChargedPenalty(i));
                bool far = pool.EtaDs[i] > Math.Round(options.ReinforcementThresholdSeconds * 10);
                picks.Add(pick with
                {
                    Reinforcement = far,
                    Returning = pool.Units[i].Status == UnitStatus.Returning,
                    Reasons = far ? [.. pick.Reasons, ReinforcementReason(pick.EtaSeconds, options.ReinforcementThresholdSeconds)] : pick.Reasons,
                });
            }
        picks.Sort((a, b) => a.EtaSeconds != b.EtaSeconds ? a.EtaSeconds.CompareTo(b.EtaSeconds) : a.UnitId.CompareTo(b.UnitId));

        var shortfalls = new List<Shortfall>();
        for (int g = 0; g < request.Slots.Count; g++)
        {
            int filled = assignment.GroupOfUnit.Count(x => x == g);
            if (filled < request.Slots[g].Count)
                shortfalls.Add(ShortfallExplainer.Explain(g, request.Slots[g].Count - filled, request, pool, assignment));
        }
        return new Recommendation(picks, shortfalls, picks.Sum(p => p.EtaSeconds), picks.Sum(p => p.PenaltySeconds))
        {
            ReinforcementThresholdSeconds = options.ReinforcementThresholdSeconds,
        };

        static DecisionReason ReinforcementReason(double eta, double threshold)
        {
            var (etaMin, limitMin) = (Math.Round(eta / 60), Math.Round(threshold / 60));
            return new("reinforcement", $"远距离增援：预计{etaMin:0}分钟到达，超过首批力量到场时限（{limitMin:0}分钟），单独列出、默认不勾选",
                $"Long-distance reinforcement: arrives in about {etaMin:0} min, beyond the first response's {limitMin:0} min; offered apart, not pre-selected");
        }

        // A station emptied by the recommendation is charged once, on its slowest pick (ties: highest id).
        double ChargedPenalty(int i)
        {
            var unit = pool.Units[i];
            if (!AssignmentSolver.Counts(unit, assignment.Stations) || !assignment.Empties(unit.HomeStationId)) return 0;
            int last = Enumerable.Range(0, pool.Units.Length)
                .Where(j => assignment.GroupOfUnit[j] >= 0 && pool.Units[j].HomeStationId == unit.HomeStationId &&
                            AssignmentSolver.Counts(pool.Units[j], assignment.Stations))
                .MaxBy(j => (pool.EtaDs[j], j));
            return last == i ? options.LastUnitPenaltySeconds : 0;
        }
    }
}
