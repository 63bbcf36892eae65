using FireCommand.Core.Analytics;

namespace FireCommand.Core.Dispatch.Replay;

/// <summary>A call the replay would have offered to merge, with its likeliest match. Immutable.</summary>
/// <param name="CallNumber">The new call.</param>
/// <param name="Type">Its incident type.</param>
/// <param name="CandidateNumber">The open call it matched best.</param>
/// <param name="DistanceMeters">Distance between the two.</param>
/// <param name="MinutesApart">Minutes between the two receipts.</param>
/// <param name="Candidates">How many open calls matched.</param>
public sealed record DuplicateOffer(string CallNumber, IncidentType Type, string CandidateNumber, double DistanceMeters,
    double MinutesApart, int Candidates);

/// <summary>What the dispatcher's decisions said over the whole replay. Immutable.</summary>
/// <param name="CallsByLevel">Calls per suggested fire level.</param>
/// <param name="DuplicateChecked">Calls duplicate detection ran on (those with a location).</param>
/// <param name="OfferedForMerge">Calls with at least one duplicate candidate.</param>
/// <param name="OfferedByType">Those calls per incident type.</param>
/// <param name="FirstOffers">The first <see cref="CallLogReplay.ExamplesKept"/> offers, in replay order.</param>
/// <param name="PlanAskedMore">Calls where our plan asks for more fire apparatus than the log's service sent.</param>
/// <param name="PlanAskedSame">Calls where the counts are equal.</param>
/// <param name="PlanAskedFewer">Calls where our plan asks for fewer.</param>
public sealed record DecisionSummary(IReadOnlyDictionary<int, int> CallsByLevel, int DuplicateChecked, int OfferedForMerge,
    IReadOnlyDictionary<IncidentType, int> OfferedByType, IReadOnlyList<DuplicateOffer> FirstOffers,
    int PlanAskedMore, int PlanAskedSame, int PlanAskedFewer);

/// <summary>The outcome of a replay. Immutable.</summary>
/// <param name="Statistics">Response-time figures over every replayed call's raw samples.</param>
/// <param name="Calls">Calls replayed.</param>
/// <param name="UnitRows">Unit rows in those calls.</param>
/// <param name="CallsByType">Calls per incident type (our mapping).</param>
/// <param name="Decisions">What the decisions said; null when the replay ran without them.</param>
/// <param name="FirstReceivedAt">Earliest receipt replayed, or null for an empty log.</param>
/// <param name="LastReceivedAt">Latest receipt replayed, or null for an empty log.</param>
/// <param name="Waited">Real time the replay clock asked to wait for pacing (zero at full speed).</param>
public sealed record ReplayReport(ResponseTimeStatistics Statistics, int Calls, int UnitRows,
    IReadOnlyDictionary<IncidentType, int> CallsByType, DecisionSummary? Decisions, DateTimeOffset? FirstReceivedAt,
    DateTimeOffset? LastReceivedAt, TimeSpan Waited);
