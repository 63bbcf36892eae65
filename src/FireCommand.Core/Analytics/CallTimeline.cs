namespace FireCommand.Core.Analytics;

/// <summary>
/// The recorded times of one call and the units sent to it: what the statistics need, and no more,
/// so a live incident (with its assignments) and a replayed call log both map onto it. Immutable.
/// </summary>
/// <param name="CallId">Call or incident number, for tracing a sample back.</param>
/// <param name="ReceivedAt">When the call was received (接警).</param>
/// <param name="Class">Which turnout figure applies.</param>
/// <param name="Units">Every unit dispatched, in any order.</param>
public sealed record CallTimeline(string CallId, DateTimeOffset ReceivedAt, ResponseClass Class, IReadOnlyList<UnitTimeline> Units);

/// <summary>One unit's times on a call; a missing time was not recorded (cancelled, did not arrive). Immutable.</summary>
/// <param name="UnitId">Call sign or unit id.</param>
/// <param name="IsEngine">True for an engine / pumper company (水罐、城市主战), which the first-engine figure follows.</param>
/// <param name="DispatchedAt">Dispatch order (出动).</param>
/// <param name="EnRouteAt">Left the station or position (途中); SF's "Response DtTm".</param>
/// <param name="OnSceneAt">Arrived (到场).</param>
public sealed record UnitTimeline(string UnitId, bool IsEngine, DateTimeOffset? DispatchedAt, DateTimeOffset? EnRouteAt,
    DateTimeOffset? OnSceneAt);
