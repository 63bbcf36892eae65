using FireCommand.Core.Resources;
using FireCommand.Geo;

namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>A station and the point that stands for its district (责任区). Immutable.</summary>
/// <param name="StationId">Station id.</param>
/// <param name="Name">Station name.</param>
/// <param name="Location">Station location, where units stand by.</param>
/// <param name="DistrictPoint">The point a unit must reach within the standard for the district to count
/// as covered (its far edge or its centre of demand); null means the station location itself.</param>
public sealed record MoveUpStation(long StationId, string Name, GeoPoint Location, GeoPoint? DistrictPoint = null)
{
    /// <summary>The point coverage is measured to.</summary>
    public GeoPoint CoveragePoint => DistrictPoint ?? Location;
}

/// <summary>A unit available after the dispatch, at the station where it now stands by. Immutable.</summary>
/// <param name="UnitId">Unit id.</param>
/// <param name="CallSign">Call sign.</param>
/// <param name="Capabilities">What it can do; only units with the cover capability count.</param>
/// <param name="AtStationId">Station it is at now (its home, or where it stands by).</param>
public sealed record StandbyUnit(long UnitId, string CallSign, UnitCapability Capabilities, long AtStationId);

/// <summary>
/// Travel time in seconds from station <c>fromStationId</c>'s location to the coverage point of
/// station <c>toStationId</c>'s district, or null when there is no route. Called O(stations²)
/// times: pass a precomputed table such as <see cref="StationTravelMatrix"/>.
/// </summary>
public delegate double? StationTravelTime(long fromStationId, long toStationId);

/// <summary>Settings of <see cref="MoveUpAdvisor"/>. Immutable.</summary>
public sealed record MoveUpOptions
{
    /// <summary>A district is covered when an available unit reaches its point within this many seconds:
    /// 5 minutes from the dispatch order (建标152-2017, GB 51080).</summary>
    public double StandardSeconds { get; init; } = 300;

    /// <summary>What a unit needs to count as cover: a unit that can put water on a fire (a pumper or tender).</summary>
    public UnitCapability CoverCapability { get; init; } = UnitCapability.Water;

    /// <summary>Most move-ups suggested at once; a dispatcher will not run more.</summary>
    public int MaxMoves { get; init; } = 10;
}

/// <summary>One suggested relocation (驻防): send a unit to stand by at another station. Immutable.</summary>
/// <param name="UnitId">Unit to move.</param>
/// <param name="CallSign">Its call sign.</param>
/// <param name="FromStationId">Where it is now.</param>
/// <param name="ToStationId">Where it should stand by.</param>
/// <param name="TravelSeconds">Time to get there.</param>
/// <param name="DistrictsCovered">Districts (by station id) that were uncovered and this move covers.</param>
/// <param name="Reasons">Why this unit and this station.</param>
public sealed record MoveUpSuggestion(long UnitId, string CallSign, long FromStationId, long ToStationId, double TravelSeconds,
    IReadOnlyList<long> DistrictsCovered, IReadOnlyList<DecisionReason> Reasons);

/// <summary>A district left without cover. Immutable.</summary>
/// <param name="StationId">The district's station.</param>
/// <param name="Name">Station name.</param>
/// <param name="NearestSeconds">Fastest time any available unit needs to reach it now; null when none can.</param>
/// <param name="CoveredByMoveUp">The unit whose suggested move covers it, or null when no move can.</param>
/// <param name="Reason">What the dispatcher should know.</param>
public sealed record UncoveredDistrict(long StationId, string Name, double? NearestSeconds, long? CoveredByMoveUp, DecisionReason Reason);

/// <summary>The move-up advice after a dispatch. Immutable.</summary>
/// <param name="Uncovered">Districts with no available unit within the standard, by station id.</param>
/// <param name="MoveUps">Suggested relocations, in the order they were chosen.</param>
public sealed record MoveUpAdvice(IReadOnlyList<UncoveredDistrict> Uncovered, IReadOnlyList<MoveUpSuggestion> MoveUps);
