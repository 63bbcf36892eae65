using FireCommand.Core.Analytics;

namespace FireCommand.Core.Dispatch.Replay;

/// <summary>
/// Replays a call log: feeds the calls in receive-time order through a <see cref="ReplayClock"/>,
/// runs each through the dispatcher's decisions against the calls open at that moment
/// (<see cref="ReplayDecisions"/>), and collects the log's recorded times into
/// <see cref="ResponseTimeStatistics"/>. The recorded times of a call's units are taken when the
/// call is fed: they are facts of the log, not something the replay simulates.
/// </summary>
/// <remarks>
/// Not thread-safe: run one replay per instance at a time. The decisions are pure, so the figures do
/// not depend on the speed; only the wall-clock time does.
/// </remarks>
/// <param name="clock">Pacing; <see cref="ReplayClock.Unpaced"/> for as fast as possible.</param>
/// <param name="decisions">The decisions to run, or null to compute the statistics only.</param>
/// <param name="standards">Objectives to judge against; <see cref="ResponseStandards.Default"/> when null.</param>
public sealed class CallLogReplay(ReplayClock clock, ReplayDecisions? decisions = null, IReadOnlyList<ResponseStandard>? standards = null)
{
    /// <summary>How many example duplicate offers a report keeps.</summary>
    public const int ExamplesKept = 5;

    /// <summary>Replays <paramref name="calls"/> (re-sorted by receive time if they are not).</summary>
    /// <param name="calls">The calls, e.g. <see cref="CallLog.Calls"/>.</param>
    /// <param name="progress">Receives the share replayed, 0–1, at most once per percent.</param>
    /// <param name="ct">Stops the replay between calls.</param>
    public async Task<ReplayReport> RunAsync(IReadOnlyList<LoggedCall> calls, IProgress<double>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var ordered = calls.OrderBy(c => c.ReceivedAt).ToList(); // stable: equal times keep the log's order
        var statistics = new ResponseTimeAccumulator();
        var byType = new Dictionary<IncidentType, int>();
        var tally = decisions is null ? null : new DecisionTally();
        var open = new OpenCalls();
        int unitRows = 0, shownPercent = -1;

        for (int i = 0; i < ordered.Count; i++)
        {
            var call = ordered[i];
            await clock.WaitUntilAsync(call.ReceivedAt, ct);
            open.AdvanceTo(call.ReceivedAt);
            if (decisions is not null) tally!.Add(call, decisions.Decide(call, open.Current));
            open.Open(i, call);
            statistics.Add(call.ToTimeline());
            byType[call.Type] = byType.GetValueOrDefault(call.Type) + 1;
            unitRows += call.Units.Count;
            int percent = (i + 1) * 100 / ordered.Count;
            if (progress is not null && percent != shownPercent) progress.Report((shownPercent = percent) / 100.0);
        }
        return new ReplayReport(statistics.ToStatistics(standards), ordered.Count, unitRows, byType, tally?.ToSummary(),
            ordered.Count > 0 ? ordered[0].ReceivedAt : null, ordered.Count > 0 ? ordered[^1].ReceivedAt : null, clock.Waited);
    }

    /// <summary>Counts what the decisions said, call by call.</summary>
    private sealed class DecisionTally
    {
        private readonly Dictionary<int, int> _levels = [];
        private readonly Dictionary<IncidentType, int> _offeredByType = [];
        private readonly List<DuplicateOffer> _examples = [];
        private int _checked, _offered, _more, _same, _fewer;

        public void Add(LoggedCall call, ReplayDecision decision)
        {
            _levels[decision.Level.Level] = _levels.GetValueOrDefault(decision.Level.Level) + 1;
            if (decision.DuplicateChecked) _checked++;
            if (decision.Duplicates is [var best, ..])
            {
                _offered++;
                _offeredByType[call.Type] = _offeredByType.GetValueOrDefault(call.Type) + 1;
                if (_examples.Count < ExamplesKept)
                    _examples.Add(new DuplicateOffer(call.CallNumber, call.Type, best.Number, Math.Round(best.DistanceMeters),
                        Math.Round(best.MinutesApart, 1), decision.Duplicates.Count));
            }
            int sent = call.Units.Count(u => u.Apparatus is not null);
            if (decision.PlanUnits > sent) _more++;
            else if (decision.PlanUnits == sent) _same++;
            else _fewer++;
        }

        public DecisionSummary ToSummary() =>
            new(_levels, _checked, _offered, _offeredByType, _examples, _more, _same, _fewer);
    }
}
