using System.Text;

namespace FireCommand.Core.Dispatch.Replay;

/// <summary>One record of a CSV file: its fields, or why it could not be read. Immutable.</summary>
/// <param name="LineNumber">1-based physical line the record starts on (the header is line 1).</param>
/// <param name="Fields">The fields, unquoted; empty when <paramref name="Error"/> is set.</param>
/// <param name="Error">Why the record is malformed, or null.</param>
public sealed record CsvRecord(long LineNumber, IReadOnlyList<string> Fields, string? Error)
{
    /// <summary>True when the record was read.</summary>
    public bool IsValid => Error is null;
}

/// <summary>
/// Streams CSV records (RFC 4180: comma-separated, fields optionally in double quotes, <c>""</c> for a
/// quote inside one, line breaks allowed inside quotes). A malformed record comes back with an error
/// and its line number instead of throwing, and reading goes on with the next line.
/// </summary>
/// <remarks>
/// A quoted field may span at most <c>maxLinesPerRecord</c> lines: one stray quote must not swallow the
/// rest of the file. When the limit or the end of the file is reached inside quotes — or the lines
/// borrowed to close a quote give a broken record or, with <see cref="ExpectedFieldCount"/> set, one of
/// the wrong width — the record is reported at its first line and the lines after it are read again
/// as records of their own. A quote
/// in the middle of an unquoted field is kept as text (logs written by hand do this); text after a
/// closing quote is an error. Blank lines are skipped. Line breaks inside a field come back as "\n".
/// Not thread-safe; reads its <see cref="TextReader"/> once, front to back.
/// </remarks>
public sealed class CsvRecordReader(TextReader reader, int maxLinesPerRecord = CsvRecordReader.DefaultMaxLinesPerRecord)
{
    /// <summary>Lines a quoted field may span unless told otherwise.</summary>
    public const int DefaultMaxLinesPerRecord = 16;

    private readonly Queue<(long Number, string Text)> _pushedBack = new();
    private long _lastLine;

    /// <summary>
    /// Fields a record should have (usually the header's), or 0 when unknown. When set, a record that
    /// needed several lines to close its quotes and comes out with another width is taken for a stray
    /// quote on its first line. Set it after reading the header.
    /// </summary>
    public int ExpectedFieldCount { get; set; }

    /// <summary>Every record, in file order.</summary>
    public IEnumerable<CsvRecord> ReadAll()
    {
        while (Read() is { } record) yield return record;
    }

    /// <summary>The next record, or null at the end of the file.</summary>
    public CsvRecord? Read()
    {
        (long Number, string Text)? first;
        do first = NextLine();
        while (first is { Text.Length: 0 });
        if (first is not { } start) return null;

        var lines = new List<(long Number, string Text)> { start };
        var text = start.Text; // one line is the common case; only a quoted line break concatenates
        while (true)
        {
            var (fields, error, openQuote) = Parse(text);
            // A record that only parses by borrowing later lines, and then is broken or of the wrong
            // width, is a stray quote on its first line: the borrowed lines are records of their own.
            bool strayQuote = lines.Count > 1 && !openQuote &&
                (error is not null || ExpectedFieldCount > 0 && fields.Count != ExpectedFieldCount);
            if (!openQuote && !strayQuote) return new CsvRecord(start.Number, fields, error);
            var next = openQuote && lines.Count < Math.Max(1, maxLinesPerRecord) ? NextLine() : null;
            if (next is null)
            {
                foreach (var line in lines.Skip(1).Reverse()) PushFront(line);
                return new CsvRecord(start.Number, [], "a quoted field is not closed on its line");
            }
            lines.Add(next.Value);
            text = text + "\n" + next.Value.Text;
        }
    }

    private (long Number, string Text)? NextLine()
    {
        if (_pushedBack.Count > 0) return _pushedBack.Dequeue();
        var text = reader.ReadLine();
        if (text is null) return null;
        return (++_lastLine, text);
    }

    private void PushFront((long Number, string Text) line)
    {
        var rest = _pushedBack.ToArray();
        _pushedBack.Clear();
        _pushedBack.Enqueue(line);
        foreach (var r in rest) _pushedBack.Enqueue(r);
    }

    /// <summary>Splits one logical record; <c>openQuote</c> when it ends inside a quoted field.</summary>
    internal static (List<string> Fields, string? Error, bool OpenQuote) Parse(string text)
    {
        var fields = new List<string>();
        StringBuilder? field = null;
        int i = 0;
        while (true)
        {
            if (i < text.Length && text[i] == '"')
            {
                (field ??= new StringBuilder()).Clear();
                i++;
                while (true)
                {
                    if (i >= text.Length) return (fields, null, true);
                    char c = text[i++];
                    if (c != '"') field.Append(c);
                    else if (i < text.Length && text[i] == '"') { field.Append('"'); i++; }
                    else break;
                }
                if (i < text.Length && text[i] != ',')
                    return (new List<string>(), $"unexpected text after a closing quote at column {i + 1}", false);
                fields.Add(field.ToString());
            }
            else
            {
                int end = text.IndexOf(',', i);
                if (end < 0) end = text.Length;
                fields.Add(text[i..end]);
                i = end;
            }
            if (i >= text.Length) return (fields, null, false);
            i++; // the comma
        }
    }
}
