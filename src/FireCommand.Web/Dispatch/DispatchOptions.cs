using System.ComponentModel.DataAnnotations;

namespace FireCommand.Web.Dispatch;

/// <summary>Dispatch settings (section "Dispatch"), validated at start.</summary>
public sealed record DispatchOptions
{
    public const string Section = "Dispatch";

    /// <summary>Offer units on their way home (返队) as well as units at their stations.</summary>
    public bool AllowReturningUnits { get; init; } = true;

    /// <summary>Returning units are offered only when the units at their stations cannot fill the plan:
    /// a crew just released has spent water, foam and air (see RecommendationOptions).</summary>
    public bool ReturningUnitsOnlyForShortfalls { get; init; } = true;

    /// <summary>Travel time beyond which a recommended unit is a long-distance reinforcement (增援),
    /// offered apart and not pre-selected. Default 20 minutes.</summary>
    [Range(60, 4 * 3600)]
    public double ReinforcementThresholdSeconds { get; init; } = 1200;

    /// <summary>Offer another jurisdiction's units when they arrive sooner (flagged as 跨区).</summary>
    public bool AllowCrossJurisdiction { get; init; } = true;

    /// <summary>Cost added for taking a station's last available unit, leaving its district bare.</summary>
    [Range(0, 3600)]
    public double LastUnitPenaltySeconds { get; init; } = 120;

    /// <summary>Units further than this by road are not considered.</summary>
    [Range(60, 4 * 3600)]
    public double TravelTimeLimitSeconds { get; init; } = 3600;

    /// <summary>When a new alarm is offered for merge with an open incident (radius, window, compatible types).</summary>
    public Core.Dispatch.Decisions.DuplicateOptions Duplicates { get; init; } = new();

    /// <summary>Timer thresholds (defaults: NFPA 1221 call processing, NFPA 1710 turnout and travel, 5-minute reach).</summary>
    public Core.Dispatch.Decisions.DispatchTimerOptions Timers { get; init; } = new();
}
