using System.Globalization;
using System.Text;
using FireCommand.Geo;

namespace FireCommand.Core.Dispatch.Replay;

/// <summary>
/// Reads the San Francisco Fire Department "Calls for Service" CSV (one row per unit dispatched,
/// columns as in DataSF's export) into calls. Rows are streamed; calls are grouped by call number,
/// whose rows may be anywhere in the file. A bad row is skipped, counted by kind and, for the first
/// <see cref="MaxReportedProblems"/>, reported with its line number; it never stops the read. Only a
/// file that is not a call log at all (no header, missing columns) is an error.
/// </summary>
/// <remarks>Stateless and thread-safe; each call reads its own stream.</remarks>
public static class SfCallLogReader
{
    /// <summary>How many problems are kept with their line numbers (all are counted).</summary>
    public const int MaxReportedProblems = 10;

    /// <summary>Reads a call-log file (UTF-8, with or without BOM).</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="zone">Zone of the local times; America/Los_Angeles (<see cref="SfTimestamps.Zone"/>) when null.</param>
    /// <exception cref="IOException">The file cannot be read (includes not found).</exception>
    /// <exception cref="InvalidDataException">The file is empty or its header is not an SF call log's.</exception>
    public static CallLog ReadFile(string path, TimeZoneInfo? zone = null)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, Path.GetFileName(path), zone);
    }

    /// <summary>Reads a call log from text.</summary>
    /// <param name="reader">The CSV text, header first.</param>
    /// <param name="source">Name used in error messages.</param>
    /// <param name="zone">Zone of the local times; <see cref="SfTimestamps.Zone"/> when null.</param>
    /// <exception cref="InvalidDataException">The text is empty or its header is not an SF call log's.</exception>
    public static CallLog Read(TextReader reader, string source, TimeZoneInfo? zone = null)
    {
        zone ??= SfTimestamps.Zone;
        var csv = new CsvRecordReader(reader);
        var header = csv.Read() ?? throw new InvalidDataException($"{source}: the file is empty.");
        var columns = SfCallLogColumns.FromHeader(header, source);
        csv.ExpectedFieldCount = columns.FieldCount;

        var calls = new Dictionary<string, (LoggedCall Call, List<LoggedUnit> Units, HashSet<string> UnitIds)>(StringComparer.Ordinal);
        var skipped = new Dictionary<RowProblemKind, int>();
        var problems = new List<RowProblem>();
        int rows = 0;
        foreach (var record in csv.ReadAll())
        {
            var (call, unit, problem) = ParseRow(record, columns, zone);
            if (problem is null && calls.TryGetValue(call!.CallNumber, out var known) && !known.UnitIds.Add(unit!.UnitId))
                problem = new RowProblem(record.LineNumber, RowProblemKind.DuplicateUnit,
                    $"unit {unit.UnitId} appears again on call {call.CallNumber}; the first row is kept");
            if (problem is not null)
            {
                skipped[problem.Kind] = skipped.GetValueOrDefault(problem.Kind) + 1;
                if (problems.Count < MaxReportedProblems) problems.Add(problem);
                continue;
            }
            if (!calls.ContainsKey(call!.CallNumber)) calls[call.CallNumber] = (call, [], new HashSet<string>(StringComparer.Ordinal) { unit!.UnitId });
            calls[call.CallNumber].Units.Add(unit!);
            rows++;
        }
        var ordered = calls.Values.Select(c => c.Call with { Units = c.Units })
            .OrderBy(c => c.ReceivedAt).ThenBy(c => c.CallNumber, StringComparer.Ordinal).ToList();
        return new CallLog(ordered, rows, skipped, problems, zone.Id);
    }

    private static (LoggedCall? Call, LoggedUnit? Unit, RowProblem? Problem) ParseRow(CsvRecord record, SfCallLogColumns columns,
        TimeZoneInfo zone)
    {
        long line = record.LineNumber;
        RowProblem Fail(RowProblemKind kind, string detail) => new(line, kind, detail);
        if (!record.IsValid) return (null, null, Fail(RowProblemKind.Syntax, record.Error!));
        var f = record.Fields;
        if (f.Count != columns.FieldCount)
            return (null, null, Fail(RowProblemKind.FieldCount, $"{f.Count} fields where the header has {columns.FieldCount}"));

        string callNumber = SfCallLogColumns.Field(f, columns.CallNumber), unitId = SfCallLogColumns.Field(f, columns.UnitId);
        if (callNumber.Length == 0) return (null, null, Fail(RowProblemKind.MissingField, "Call Number is empty"));
        if (unitId.Length == 0) return (null, null, Fail(RowProblemKind.MissingField, $"Unit ID is empty on call {callNumber}"));

        if (Time(f, columns.Received, "Received DtTm", required: true, zone, out var received) is { } e1) return (null, null, Fail(RowProblemKind.BadTime, e1));
        if (Time(f, columns.Dispatch, "Dispatch DtTm", required: true, zone, out var dispatched) is { } e2) return (null, null, Fail(RowProblemKind.BadTime, e2));
        if (Time(f, columns.Response, "Response DtTm", required: false, zone, out var enRoute) is { } e3) return (null, null, Fail(RowProblemKind.BadTime, e3));
        if (Time(f, columns.OnScene, "On Scene DtTm", required: false, zone, out var onScene) is { } e4) return (null, null, Fail(RowProblemKind.BadTime, e4));
        if (Time(f, columns.Available, "Available DtTm", required: false, zone, out var available) is { } e5) return (null, null, Fail(RowProblemKind.BadTime, e5));

        var locationText = SfCallLogColumns.Field(f, columns.Location);
        GeoPoint? location = null;
        if (locationText.Length > 0)
        {
            if (!TryParseLocation(locationText, out var point))
                return (null, null, Fail(RowProblemKind.BadLocation, $"Location '{locationText}' is not \"(lat, lon)\""));
            location = point;
        }

        string callType = SfCallLogColumns.Field(f, columns.CallType), group = SfCallLogColumns.Field(f, columns.CallTypeGroup);
        string unitType = SfCallLogColumns.Field(f, columns.UnitType), address = SfCallLogColumns.Field(f, columns.Address);
        var (apparatus, isEngine) = SfCallTypes.MapUnit(unitType);
        var unit = new LoggedUnit(unitId, unitType, apparatus, isEngine, dispatched!.Value, enRoute, onScene, available, line);
        var call = new LoggedCall(callNumber, callType, group.Length == 0 ? null : group, SfCallTypes.Map(callType, group),
            received!.Value, location, address.Length == 0 ? null : address, []);
        return (call, unit, null);
    }

    /// <summary>Null when the field is fine (possibly empty and optional), else what is wrong.</summary>
    private static string? Time(IReadOnlyList<string> fields, int column, string name, bool required, TimeZoneInfo zone,
        out DateTimeOffset? time)
    {
        time = null;
        var text = SfCallLogColumns.Field(fields, column);
        if (text.Length == 0) return required ? $"{name} is empty" : null;
        if (!SfTimestamps.TryParse(text, zone, out var parsed)) return $"{name} '{text}' is not MM/DD/YYYY hh:mm:ss AM/PM";
        time = parsed;
        return null;
    }

    /// <summary>Parses the log's <c>"(37.77, -122.41)"</c> (latitude first).</summary>
    public static bool TryParseLocation(string text, out GeoPoint point)
    {
        point = default;
        var t = text.Trim();
        if (t.Length < 2 || t[0] != '(' || t[^1] != ')') return false;
        var parts = t[1..^1].Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 ||
            !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) ||
            !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)) return false;
        point = new GeoPoint(lat, lon);
        return point.IsValid;
    }
}
