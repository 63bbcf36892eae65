using FireCommand.Geo;

namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>A call being taken, before it becomes an incident. Immutable.</summary>
/// <param name="Location">Where the caller says it is (WGS-84).</param>
/// <param name="Type">The type the call-taker chose.</param>
/// <param name="ReceivedAt">When the call was received.</param>
/// <param name="Subtype">An <see cref="IncidentSubtypes"/> code, or null.</param>
/// <param name="KeyPlaceId">The key place the address resolved to, if any.</param>
public sealed record NewAlarm(GeoPoint Location, IncidentType Type, DateTimeOffset ReceivedAt,
    string? Subtype = null, long? KeyPlaceId = null);

/// <summary>An incident not yet closed, as duplicate detection sees it. Immutable.</summary>
/// <param name="Id">Incident id.</param>
/// <param name="Number">Human incident number.</param>
/// <param name="Location">Incident location.</param>
/// <param name="Type">Incident type.</param>
/// <param name="ReceivedAt">When its first call came in.</param>
/// <param name="Subtype">Subtype code, or null.</param>
/// <param name="KeyPlaceId">Its key place, if any.</param>
/// <param name="LastCallAt">When the latest call merged into it came in; the window runs from here.</param>
public sealed record ActiveIncident(long Id, string Number, GeoPoint Location, IncidentType Type, DateTimeOffset ReceivedAt,
    string? Subtype = null, long? KeyPlaceId = null, DateTimeOffset? LastCallAt = null);

/// <summary>An incident the new call may duplicate, with how close it is and why it matched. Immutable.</summary>
/// <param name="IncidentId">Incident id.</param>
/// <param name="Number">Incident number.</param>
/// <param name="DistanceMeters">Straight-line distance between the two locations.</param>
/// <param name="MinutesApart">Minutes between the new call and the incident's latest call.</param>
/// <param name="Score">Ranking score, lower is likelier: distance share of the radius plus time share of the window.</param>
/// <param name="Reasons">Why it is a candidate.</param>
public sealed record DuplicateCandidate(long IncidentId, string Number, double DistanceMeters, double MinutesApart,
    double Score, IReadOnlyList<DecisionReason> Reasons);

/// <summary>
/// Finds the open incidents a new call may be about (重复报警), so the call-taker can merge it
/// instead of dispatching twice. It suggests; the call-taker decides.
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class DuplicateDetector
{
    /// <summary>
    /// Candidates ranked likeliest first: within the radius (or at the same key place), within the
    /// time window either side, and of compatible types. Ties break by incident id.
    /// </summary>
    public static IReadOnlyList<DuplicateCandidate> FindCandidates(NewAlarm alarm, IEnumerable<ActiveIncident> activeIncidents,
        DuplicateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        ArgumentNullException.ThrowIfNull(activeIncidents);
        options ??= new DuplicateOptions();
        if (options.Validate() is { Count: > 0 } problems) throw new ArgumentException(string.Join(" ", problems), nameof(options));
        if (alarm.Type == IncidentType.FalseAlarm) return [];

        var result = new List<DuplicateCandidate>();
        foreach (var incident in activeIncidents)
        {
            if (incident.Type == IncidentType.FalseAlarm) continue;
            var last = incident.LastCallAt is { } l && l > incident.ReceivedAt ? l : incident.ReceivedAt;
            double minutes = Math.Abs((alarm.ReceivedAt - last).TotalMinutes);
            if (minutes > options.WindowMinutes) continue;
            if (!options.EffectiveCompatibility.Any(m => m.Matches(alarm.Type, alarm.Subtype, incident.Type, incident.Subtype)))
                continue;
            double meters = alarm.Location.DistanceMetersTo(incident.Location);
            bool samePlace = options.SameKeyPlaceMatchesAtAnyDistance && alarm.KeyPlaceId is { } p && p == incident.KeyPlaceId;
            if (meters > options.RadiusMeters && !samePlace) continue;

            var reasons = new List<DecisionReason>
            {
                samePlace
                    ? new("duplicate-same-place", $"同一重点单位，相距{ReasonText.Number(meters)}米", $"Same key place, {ReasonText.Number(meters)} m apart")
                    : new("duplicate-near", $"相距{ReasonText.Number(meters)}米（阈值{ReasonText.Number(options.RadiusMeters)}米）",
                        $"{ReasonText.Number(meters)} m apart (radius {ReasonText.Number(options.RadiusMeters)} m)"),
                new("duplicate-recent", $"相隔{ReasonText.Number(minutes, "0.#")}分钟（窗口{ReasonText.Number(options.WindowMinutes)}分钟）",
                    $"{ReasonText.Number(minutes, "0.#")} min apart (window {ReasonText.Number(options.WindowMinutes)} min)"),
                alarm.Type == incident.Type
                    ? new("duplicate-same-type", $"警情类型相同（{ReasonNames.Of(incident.Type).Chinese}）",
                        $"Same incident type ({ReasonNames.Of(incident.Type).English})")
                    : new("duplicate-compatible-type",
                        $"类型可能为同一事件：{Name(alarm.Type, alarm.Subtype).Chinese} 与 {Name(incident.Type, incident.Subtype).Chinese}",
                        $"Types may be one event: {Name(alarm.Type, alarm.Subtype).English} and {Name(incident.Type, incident.Subtype).English}"),
            };
            double score = Math.Min(1, meters / options.RadiusMeters) + minutes / options.WindowMinutes;
            result.Add(new DuplicateCandidate(incident.Id, incident.Number, meters, minutes, score, reasons));
        }
        result.Sort((a, b) =>
        {
            int c = a.Score.CompareTo(b.Score);
            if (c == 0) c = a.DistanceMeters.CompareTo(b.DistanceMeters);
            return c != 0 ? c : a.IncidentId.CompareTo(b.IncidentId);
        });
        return result;
    }

    /// <summary>"抢险救援/交通事故" / "rescue/traffic accident".</summary>
    private static (string Chinese, string English) Name(IncidentType type, string? subtype)
    {
        var (zh, en) = ReasonNames.Of(type);
        if (subtype is null) return (zh, en);
        var (subZh, subEn) = ReasonNames.OfSubtype(subtype);
        return ($"{zh}/{subZh}", $"{en}/{subEn}");
    }
}
