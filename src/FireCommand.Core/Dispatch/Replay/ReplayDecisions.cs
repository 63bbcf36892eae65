using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Core.Resources;

namespace FireCommand.Core.Dispatch.Replay;

/// <summary>What the dispatcher's pure decisions would have said about one replayed call. Immutable.</summary>
/// <param name="Level">The suggested fire level with its reasons.</param>
/// <param name="DuplicateChecked">False when the call has no location, so duplicate detection could not run.</param>
/// <param name="Duplicates">Open calls it would have been offered to merge into, likeliest first.</param>
/// <param name="PlanUnits">Units the corps response plan asks for at the suggested level.</param>
public sealed record ReplayDecision(FireLevelSuggestion Level, bool DuplicateChecked, IReadOnlyList<DuplicateCandidate> Duplicates,
    int PlanUnits);

/// <summary>
/// Runs one logged call through the call-taking decisions of <c>Dispatch/Decisions</c>:
/// <see cref="FireLevelSuggester"/>, <see cref="DuplicateDetector"/> against the calls open at that
/// moment, and <see cref="PlanExpansion"/> for the units the plan would send. This is the seam where
/// further decisions (recommendation, move-ups) join the replay.
/// </summary>
/// <remarks>
/// The log carries no trapped or injured counts, no burning area and no key place, so the level
/// suggestion sees an ordinary place with nobody reported hurt (level 1 unless a subtype floor
/// applies); that is what a call-taker knows in the first seconds, too. Immutable and thread-safe.
/// </remarks>
public sealed class ReplayDecisions(DuplicateOptions? duplicateOptions = null, PlanSet? plans = null)
{
    private readonly DuplicateOptions _duplicateOptions = duplicateOptions ?? new DuplicateOptions();

    /// <summary>The corps plan set used for the plan-size comparison.</summary>
    public PlanSet Plans { get; } = plans ?? PlanSet.Default;

    /// <summary>Decides about <paramref name="call"/> given the calls still open when it was received.</summary>
    public ReplayDecision Decide(LoggedCall call, IEnumerable<ActiveIncident> open)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(open);
        var subtype = call.Mapping.Subtype;
        var level = FireLevelSuggester.Suggest(call.Type, subtype, trapped: 0, injured: 0, deaths: 0, KeyPlaceCategory.None);
        IReadOnlyList<DuplicateCandidate> duplicates = call.Location is { } where
            ? DuplicateDetector.FindCandidates(new NewAlarm(where, call.Type, call.ReceivedAt, subtype), open, _duplicateOptions)
            : [];
        int planUnits = PlanExpansion.TotalUnits(PlanExpansion.Expand(Plans, call.Type, level.Level, KeyPlaceCategory.None,
            subtype: subtype));
        return new ReplayDecision(level, call.Location is not null, duplicates, planUnits);
    }
}
