using FireCommand.Core.Resources;

namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>The next-best unit for a pick's slot, shown so the dispatcher sees why not that one. Immutable.</summary>
/// <param name="UnitId">Unit id.</param>
/// <param name="CallSign">Call sign.</param>
/// <param name="EtaSeconds">Its travel time.</param>
/// <param name="Reason">Why it was not chosen.</param>
public sealed record RunnerUp(long UnitId, string CallSign, double EtaSeconds, DecisionReason Reason);

/// <summary>One recommended unit with its explanation. Immutable.</summary>
/// <param name="UnitId">Unit id.</param>
/// <param name="CallSign">Call sign.</param>
/// <param name="Type">Apparatus type.</param>
/// <param name="Slot">The slot it fills.</param>
/// <param name="EtaSeconds">Travel time to the incident in seconds.</param>
/// <param name="RoadDistanceMeters">Road distance, when the travel source gave one.</param>
/// <param name="StraightLineMeters">Straight-line distance from its position to the incident.</param>
/// <param name="CrossJurisdiction">True when its station belongs to another brigade: notify it.</param>
/// <param name="LeavesStationEmpty">True when, with this recommendation, its station has no available unit left.</param>
/// <param name="PenaltySeconds">Last-unit penalty charged to this pick (once per emptied station).</param>
/// <param name="RunnerUp">The best unit for the same slot that was not chosen, if any.</param>
/// <param name="Reasons">Why this unit: slot, time, flags, comparison.</param>
public sealed record RecommendedUnit(long UnitId, string CallSign, ApparatusType Type, RequiredSlot Slot, double EtaSeconds,
    double? RoadDistanceMeters, double StraightLineMeters, bool CrossJurisdiction, bool LeavesStationEmpty, double PenaltySeconds,
    RunnerUp? RunnerUp, IReadOnlyList<DecisionReason> Reasons)
{
    /// <summary>True when it cannot arrive within <see cref="RecommendationOptions.ReinforcementThresholdSeconds"/>:
    /// a long-distance reinforcement (增援), offered apart and not pre-selected.</summary>
    public bool Reinforcement { get; init; }

    /// <summary>True when the unit is returning to station (25 返队) and is sent straight on.</summary>
    public bool Returning { get; init; }
}

/// <summary>Why a slot could not be filled.</summary>
public enum ShortfallCause
{
    /// <summary>No unit (beyond those already recommended) has the capability at all.</summary>
    NoUnitWithCapability = 1,
    /// <summary>Units with the capability exist but none may be sent (status, returning, other brigade).</summary>
    NoneAvailable = 2,
    /// <summary>Units with the capability may be sent but have no travel time (off network, beyond the time bound).</summary>
    Unreachable = 3,
    /// <summary>The units that could fill it are recommended for other slots they alone can fill.</summary>
    NeededForOtherSlots = 4,
}

/// <summary>A slot not (fully) filled. Immutable.</summary>
/// <param name="Slot">The slot.</param>
/// <param name="Missing">Units missing.</param>
/// <param name="Cause">Main cause.</param>
/// <param name="Reason">The explanation with the counts behind it.</param>
public sealed record Shortfall(RequiredSlot Slot, int Missing, ShortfallCause Cause, DecisionReason Reason);

/// <summary>
/// A recommendation: the units to send ordered by arrival, and every shortfall named. The choice
/// fills as many slots as possible and, among those choices, has the smallest sum of arrival times
/// plus last-unit penalties. Immutable.
/// </summary>
/// <param name="Units">Recommended units, fastest first (ties by id).</param>
/// <param name="Shortfalls">Slots not filled, in slot order.</param>
/// <param name="TotalEtaSeconds">Sum of the recommended units' travel times.</param>
/// <param name="TotalPenaltySeconds">Sum of last-unit penalties charged.</param>
public sealed record Recommendation(IReadOnlyList<RecommendedUnit> Units, IReadOnlyList<Shortfall> Shortfalls,
    double TotalEtaSeconds, double TotalPenaltySeconds)
{
    /// <summary>The minimised objective: travel times plus penalties.</summary>
    public double TotalCostSeconds => TotalEtaSeconds + TotalPenaltySeconds;

    /// <summary>True when every slot is filled.</summary>
    public bool IsComplete => Shortfalls.Count == 0;

    /// <summary>The travel time beyond which a pick is marked <see cref="RecommendedUnit.Reinforcement"/>.</summary>
    public double ReinforcementThresholdSeconds { get; init; }
}
