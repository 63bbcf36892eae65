using FireCommand.Core.Resources;
using FireCommand.Geo;

namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>The incident as the recommender sees it. Immutable.</summary>
/// <param name="Location">Incident location (WGS-84).</param>
/// <param name="JurisdictionId">The brigade (大队) whose area the incident is in.</param>
/// <param name="Type">Incident type.</param>
/// <param name="Level">火警等级 1–5.</param>
/// <param name="PlaceCategories">Key-place categories of the place, or None.</param>
public sealed record RecommendationIncident(GeoPoint Location, long JurisdictionId, IncidentType Type, int Level,
    KeyPlaceCategory PlaceCategories = KeyPlaceCategory.None);

/// <summary>A unit that might be sent. Immutable.</summary>
/// <param name="Id">Unit id; ties between equally good choices break towards lower ids.</param>
/// <param name="CallSign">Radio call sign.</param>
/// <param name="Type">Apparatus type.</param>
/// <param name="Capabilities">What the unit can do.</param>
/// <param name="Status">Current GA/T 974.39 status.</param>
/// <param name="HomeStationId">Its home station.</param>
/// <param name="StationJurisdictionId">The brigade its home station belongs to.</param>
/// <param name="Position">Current position (AVL), WGS-84.</param>
public sealed record CandidateUnit(long Id, string CallSign, ApparatusType Type, UnitCapability Capabilities, UnitStatus Status,
    long HomeStationId, long StationJurisdictionId, GeoPoint Position);

/// <summary>Settings of the recommendation, meant to be bound from configuration
/// (<c>Dispatch:Recommendation</c>) and overridable per request by the dispatcher.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record RecommendationOptions
{
    /// <summary>Whether units returning to station (25 返队) may be sent. Off by default: a returning
    /// crew may be short of water, foam or air, which the platform cannot see.</summary>
    public bool AllowReturningUnits { get; init; }

    /// <summary>Whether units of other brigades may be recommended when they arrive sooner (就近调派).
    /// They are always flagged so the dispatcher can notify the other brigade.</summary>
    public bool AllowCrossJurisdiction { get; init; } = true;

    /// <summary>Seconds added to the cost of a choice that takes the last available unit of a station,
    /// leaving its district (责任区) uncovered. 120 s means a unit up to two minutes slower is preferred
    /// over emptying a station.</summary>
    public double LastUnitPenaltySeconds { get; init; } = 120;

    /// <summary>When returning units (25 返队) are allowed, whether they are asked for only when the
    /// units at their stations cannot fill the plan. A crew just released from a fire has spent water,
    /// foam and air; it goes again only when nobody else can. Off: a returning unit competes on travel
    /// time like any other.</summary>
    public bool ReturningUnitsOnlyForShortfalls { get; init; }

    /// <summary>Travel time beyond which a pick is a long-distance reinforcement (增援): it cannot arrive
    /// within the plan's time, so it is offered apart from the first-response units and not pre-ticked.
    /// 20 minutes: four times the 5-minute station reach (建标152-2017), past the 480 s full first
    /// alarm of NFPA 1710 by far; a unit that far away comes from another district.</summary>
    public double ReinforcementThresholdSeconds { get; init; } = 1200;

    /// <summary>Problems with the values, empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!double.IsFinite(LastUnitPenaltySeconds) || LastUnitPenaltySeconds < 0)
            problems.Add($"{nameof(LastUnitPenaltySeconds)} must be a finite, non-negative number.");
        if (!double.IsFinite(ReinforcementThresholdSeconds) || ReinforcementThresholdSeconds <= 0)
            problems.Add($"{nameof(ReinforcementThresholdSeconds)} must be a finite, positive number.");
        return problems;
    }
}

/// <summary>Everything <see cref="UnitRecommender.Recommend"/> decides from. Immutable.</summary>
/// <param name="Incident">The incident.</param>
/// <param name="Slots">Required slots, usually from <see cref="PlanExpansion.Expand"/>.</param>
/// <param name="Units">Candidate units, any status (the recommender filters and explains).</param>
/// <param name="TravelTimes">Travel per unit id; a missing id counts as <see cref="UnreachableReason.NotComputed"/>.</param>
/// <param name="AvailableUnitsByStation">Units at each station in status 10 备勤 before this dispatch
/// (stations missing here are not protected by the last-unit penalty).</param>
/// <param name="Options">Settings; null for the defaults.</param>
public sealed record RecommendationRequest(
    RecommendationIncident Incident,
    IReadOnlyList<RequiredSlot> Slots,
    IReadOnlyList<CandidateUnit> Units,
    IReadOnlyDictionary<long, UnitTravel> TravelTimes,
    IReadOnlyDictionary<long, int> AvailableUnitsByStation,
    RecommendationOptions? Options = null);
