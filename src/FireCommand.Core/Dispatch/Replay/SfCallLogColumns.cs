namespace FireCommand.Core.Dispatch.Replay;

/// <summary>
/// Where the columns the replay reads sit in an SF call-log header. Matched by name (trimmed,
/// case-insensitive), so an extract with columns reordered or added still reads. Immutable.
/// </summary>
internal sealed class SfCallLogColumns
{
    private SfCallLogColumns(int count, Dictionary<string, int> index)
    {
        FieldCount = count;
        CallNumber = index["Call Number"];
        UnitId = index["Unit ID"];
        CallType = index["Call Type"];
        Received = index["Received DtTm"];
        Dispatch = index["Dispatch DtTm"];
        Response = index["Response DtTm"];
        OnScene = index["On Scene DtTm"];
        CallTypeGroup = index.GetValueOrDefault("Call Type Group", -1);
        Available = index.GetValueOrDefault("Available DtTm", -1);
        Address = index.GetValueOrDefault("Address", -1);
        Location = index.GetValueOrDefault("Location", -1);
        UnitType = index.GetValueOrDefault("Unit Type", -1);
    }

    /// <summary>Columns the replay cannot do without.</summary>
    public static IReadOnlyList<string> Required { get; } =
        ["Call Number", "Unit ID", "Call Type", "Received DtTm", "Dispatch DtTm", "Response DtTm", "On Scene DtTm"];

    public int FieldCount { get; }
    public int CallNumber { get; }
    public int UnitId { get; }
    public int CallType { get; }
    public int Received { get; }
    public int Dispatch { get; }
    public int Response { get; }
    public int OnScene { get; }
    /// <summary>-1 when the column is absent (so are the ones below).</summary>
    public int CallTypeGroup { get; }
    public int Available { get; }
    public int Address { get; }
    public int Location { get; }
    public int UnitType { get; }

    /// <summary>Reads the header record.</summary>
    /// <exception cref="InvalidDataException">The header is broken or lacks a required column.</exception>
    public static SfCallLogColumns FromHeader(CsvRecord header, string source)
    {
        if (!header.IsValid) throw new InvalidDataException($"{source}: the header line is not valid CSV ({header.Error}).");
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < header.Fields.Count; i++) index.TryAdd(header.Fields[i].Trim().TrimStart('\uFEFF'), i);
        var missing = Required.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"{source}: not an SF call log, the header lacks {string.Join(", ", missing.Select(m => $"'{m}'"))}.");
        return new SfCallLogColumns(header.Fields.Count, index);
    }

    /// <summary>The field at <paramref name="column"/>, trimmed; empty for an absent column.</summary>
    public static string Field(IReadOnlyList<string> fields, int column) => column < 0 ? "" : fields[column].Trim();
}
