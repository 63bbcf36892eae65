namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>Why a unit has no travel time to the incident.</summary>
public enum UnreachableReason
{
    /// <summary>No travel time was supplied for the unit (e.g. it was not among the units searched).</summary>
    NotComputed = 1,
    /// <summary>The unit's position is too far from any road to be placed on the network.</summary>
    UnitNotOnRoadNetwork = 2,
    /// <summary>The incident's location is too far from any road to be placed on the network.</summary>
    IncidentNotOnRoadNetwork = 3,
    /// <summary>No route within the search's time bound (e.g. 30 minutes).</summary>
    BeyondTimeLimit = 4,
}

/// <summary>
/// The travel of one unit to the incident: seconds by road, or why there are none. Immutable value.
/// </summary>
/// <param name="Seconds">Travel time in seconds (off-road legs included), or null when unreachable.</param>
/// <param name="DistanceMeters">Road distance when the source knows it, else null.</param>
/// <param name="Unreachable">Why <paramref name="Seconds"/> is null; null when reachable.</param>
public readonly record struct UnitTravel(double? Seconds, double? DistanceMeters = null, UnreachableReason? Unreachable = null)
{
    /// <summary>True when the unit has a travel time.</summary>
    public bool IsReachable => Seconds is not null;

    /// <summary>A reachable unit.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seconds"/> is negative or not finite.</exception>
    public static UnitTravel Reachable(double seconds, double? distanceMeters = null)
    {
        if (!double.IsFinite(seconds) || seconds < 0)
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "Travel time must be a finite, non-negative number of seconds.");
        return new(seconds, distanceMeters);
    }

    /// <summary>An unreachable unit with its reason.</summary>
    public static UnitTravel UnreachableBecause(UnreachableReason reason) => new(null, null, reason);

    internal static (string Chinese, string English) Describe(UnreachableReason reason) => reason switch
    {
        UnreachableReason.UnitNotOnRoadNetwork => ("车辆位置不在路网附近", "the unit's position is not near the road network"),
        UnreachableReason.IncidentNotOnRoadNetwork => ("警情地点不在路网附近", "the incident location is not near the road network"),
        UnreachableReason.BeyondTimeLimit => ("超出行驶时间上限", "beyond the travel-time limit"),
        _ => ("未计算行驶时间", "no travel time was computed"),
    };
}
