namespace FireCommand.Core.Dispatch.Replay;

/// <summary>Why a row of a call log was skipped.</summary>
public enum RowProblemKind
{
    /// <summary>The CSV itself is broken (unclosed quote, text after a closing quote).</summary>
    Syntax = 1,
    /// <summary>The row has more or fewer fields than the header.</summary>
    FieldCount = 2,
    /// <summary>A field every row needs (call number, unit id) is empty.</summary>
    MissingField = 3,
    /// <summary>A time is not in the log's format, or the received or dispatch time is missing.</summary>
    BadTime = 4,
    /// <summary>The location is not "(lat, lon)" on the globe.</summary>
    BadLocation = 5,
    /// <summary>The same unit appears twice on one call; the first row is kept.</summary>
    DuplicateUnit = 6,
}

/// <summary>One skipped row: where and why. Immutable.</summary>
/// <param name="LineNumber">1-based file line the row starts on (the header is line 1).</param>
/// <param name="Kind">The kind of problem.</param>
/// <param name="Detail">What exactly, for a person fixing the file.</param>
public sealed record RowProblem(long LineNumber, RowProblemKind Kind, string Detail)
{
    /// <inheritdoc/>
    public override string ToString() => $"line {LineNumber}: {Detail}";
}

/// <summary>
/// A call log as read: the calls in receive-time order, and an account of every row — how many were
/// read, how many skipped and why, with the first few problems by line number. Immutable.
/// </summary>
/// <param name="Calls">The calls, ordered by receive time, then call number.</param>
/// <param name="UnitRows">Rows read into calls.</param>
/// <param name="SkippedByKind">Skipped rows per problem kind (kinds with none are absent).</param>
/// <param name="FirstProblems">The first <see cref="SfCallLogReader.MaxReportedProblems"/> problems, in file order.</param>
/// <param name="TimeZoneId">The zone the local times were read in (see <see cref="SfTimestamps"/>).</param>
public sealed record CallLog(IReadOnlyList<LoggedCall> Calls, int UnitRows, IReadOnlyDictionary<RowProblemKind, int> SkippedByKind,
    IReadOnlyList<RowProblem> FirstProblems, string TimeZoneId)
{
    /// <summary>Rows skipped in all.</summary>
    public int SkippedRows => SkippedByKind.Values.Sum();
}
