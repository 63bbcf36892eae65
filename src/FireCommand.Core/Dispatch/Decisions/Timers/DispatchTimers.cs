using static FireCommand.Core.Dispatch.Decisions.ReasonText;

namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>
/// Evaluates the dispatch timers against the standards of DESIGN §5 at a given moment: call
/// processing (NFPA 1221), turnout and travel (NFPA 1710), the full first alarm (NFPA 1710) and the
/// 5-minute station standard (建标152-2017), plus the total from call to first arrival.
/// </summary>
/// <remarks>
/// A running timer is measured to <c>now</c>, an ended one to its end; a timer is Ok up to its amber
/// threshold, Amber up to its red one, then Red if it ended or Overdue if it still runs. A unit
/// that reported 22 到场 without 21 途中 is taken to have rolled when it arrived (its turnout ends
/// there) and its travel is measured from the dispatch order — the conservative reading. The total
/// standard is the sum of the parts' 90th-percentile targets: 64 s + turnout + 240 s. Pure.
/// </remarks>
public static class DispatchTimers
{
    /// <summary>Reads every timer at <paramref name="now"/>.</summary>
    /// <param name="incident">The incident's timestamps.</param>
    /// <param name="units">The first alarm's units, not cancelled.</param>
    /// <param name="options">Thresholds; null for the defaults.</param>
    /// <param name="now">The moment to evaluate at (from the host's <see cref="TimeProvider"/>).</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static DispatchTimerReport Evaluate(IncidentTimestamps incident, IReadOnlyList<UnitTimestamps> units,
        DispatchTimerOptions? options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        options ??= new DispatchTimerOptions();
        if (options.Validate() is { Count: > 0 } problems) throw new ArgumentException(string.Join(" ", problems), nameof(options));
        double share = options.AmberShare;
        double turnout = options.IsEms(incident.Type) ? options.TurnoutEmsSeconds : options.TurnoutFireSeconds;
        var sorted = units.OrderBy(u => u.UnitId).ToList();
        var first = sorted.Where(u => u.OnSceneAt is not null).MinBy(u => (u.OnSceneAt, u.UnitId));
        DateTimeOffset? firstRolled = sorted.Select(Rolled).Where(t => t is not null).Min();
        DateTimeOffset? dispatched = incident.DispatchedAt ?? sorted.Select(u => (DateTimeOffset?)u.DispatchedAt).Min();

        var result = new List<TimerReading>
        {
            Read(DispatchTimerKind.CallProcessing, null, incident.ReceivedAt, incident.DispatchedAt,
                options.CallProcessingAmberSeconds, options.CallProcessingRedSeconds, now, "接警至下达出动命令（NFPA 1221）", "Call received to dispatch order (NFPA 1221)"),
            Read(DispatchTimerKind.Turnout, null, dispatched, firstRolled, share * turnout, turnout, now,
                $"出动命令至首车出动（NFPA 1710，{Seconds(turnout)}秒）", $"Dispatch order to first unit rolling (NFPA 1710, {Seconds(turnout)} s)"),
            first is not null
                ? Read(DispatchTimerKind.Travel, first.UnitId, first.EnRouteAt ?? first.DispatchedAt, first.OnSceneAt, share * options.FirstUnitTravelSeconds,
                    options.FirstUnitTravelSeconds, now, "首车途中行驶（NFPA 1710，240秒）", "Travel of the first arriving unit (NFPA 1710, 240 s)")
                : Read(DispatchTimerKind.Travel, null, sorted.Select(u => u.EnRouteAt).Where(t => t is not null).Min(), null,
                    share * options.FirstUnitTravelSeconds, options.FirstUnitTravelSeconds, now, "首车途中行驶（尚未到场）", "Travel of the first unit (none on scene yet)"),
            FullAlarm(sorted, options, now),
            Read(DispatchTimerKind.StationReach, null, dispatched, first?.OnSceneAt, share * options.StationReachSeconds, options.StationReachSeconds, now,
                "出动命令至首车到场（建标152-2017，5分钟）", "Dispatch order to first unit on scene (5-minute station standard)"),
        };
        double total = options.CallProcessingAmberSeconds + turnout + options.FirstUnitTravelSeconds;
        result.Add(Read(DispatchTimerKind.Total, null, incident.ReceivedAt, first?.OnSceneAt, share * total, total, now,
            $"接警至首车到场（{Seconds(total)}秒 = 64 + {Seconds(turnout)} + 240）", $"Call received to first unit on scene ({Seconds(total)} s = 64 + {Seconds(turnout)} + 240)"));

        var perUnit = new List<TimerReading>();
        foreach (var u in sorted)
        {
            perUnit.Add(Read(DispatchTimerKind.Turnout, u.UnitId, u.DispatchedAt, Rolled(u), share * turnout, turnout, now,
                $"出动时间（{Seconds(turnout)}秒）", $"Turnout ({Seconds(turnout)} s)"));
            double travel = ReferenceEquals(u, first) ? options.FirstUnitTravelSeconds : options.FullFirstAlarmTravelSeconds;
            perUnit.Add(Read(DispatchTimerKind.Travel, u.UnitId, u.EnRouteAt ?? (u.OnSceneAt is null ? null : u.DispatchedAt), u.OnSceneAt,
                share * travel, travel, now, $"途中行驶（{Seconds(travel)}秒）", $"Travel ({Seconds(travel)} s)"));
        }
        return new DispatchTimerReport(result, perUnit);
    }

    private static DateTimeOffset? Rolled(UnitTimestamps u) => u.EnRouteAt ?? u.OnSceneAt;

    /// <summary>The slowest travel among the first alarm's units; it runs until every unit is on scene.</summary>
    private static TimerReading FullAlarm(List<UnitTimestamps> units, DispatchTimerOptions options, DateTimeOffset now)
    {
        double red = options.FullFirstAlarmTravelSeconds, amber = options.AmberShare * red;
        var started = units.Where(u => u.EnRouteAt is not null || u.OnSceneAt is not null).ToList();
        var reason = new DecisionReason("timer-full-first-alarm", "首批力量全部到场的途中时间（NFPA 1710，480秒）",
            "Travel until the whole first alarm is on scene (NFPA 1710, 480 s)");
        if (started.Count == 0) return new(DispatchTimerKind.FullFirstAlarm, null, null, null, null, amber, red, TimerState.NotStarted, reason);
        bool running = units.Any(u => u.OnSceneAt is null);
        var slowest = started.MaxBy(u => ((u.OnSceneAt ?? now) - (u.EnRouteAt ?? u.DispatchedAt), -u.UnitId))!;
        var start = slowest.EnRouteAt ?? slowest.DispatchedAt;
        double elapsed = Math.Max(0, ((slowest.OnSceneAt ?? now) - start).TotalSeconds);
        return new(DispatchTimerKind.FullFirstAlarm, slowest.UnitId, start, running ? null : slowest.OnSceneAt, elapsed, amber, red,
            State(elapsed, amber, red, running), reason);
    }

    private static TimerReading Read(DispatchTimerKind kind, long? unitId, DateTimeOffset? start, DateTimeOffset? end,
        double amber, double red, DateTimeOffset now, string chinese, string english)
    {
        var reason = new DecisionReason("timer-" + kind.ToString().ToLowerInvariant(), chinese, english);
        if (start is null) return new(kind, unitId, null, null, null, amber, red, TimerState.NotStarted, reason);
        double elapsed = Math.Max(0, ((end ?? now) - start.Value).TotalSeconds);
        return new(kind, unitId, start, end, elapsed, amber, red, State(elapsed, amber, red, end is null), reason);
    }

    /// <summary>Ok up to amber, Amber up to red, then Red (ended) or Overdue (running).</summary>
    internal static TimerState State(double elapsed, double amber, double red, bool running) =>
        elapsed <= amber ? TimerState.Ok : elapsed <= red ? TimerState.Amber : running ? TimerState.Overdue : TimerState.Red;
}
