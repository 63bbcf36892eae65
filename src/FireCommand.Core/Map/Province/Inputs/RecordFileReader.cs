using System.Globalization;
using System.Text;
using System.Text.Json;
using FireCommand.Geo;
using MiniExcelLibs;

namespace FireCommand.Core.Map.Province.Inputs;

/// <summary>One data row: its line (CSV line, sheet row or GeoJSON feature number), its non-blank cells by
/// column key, and for GeoJSON the point geometry (or why there is none).</summary>
public sealed record RawRow(int Line, IReadOnlyDictionary<string, string> Values, GeoPoint? Geometry, string? GeometryError);

/// <summary>A record file read into rows, or the reasons it could not be (a bad header stops the whole file).</summary>
public sealed record RawTable(string File, IReadOnlyList<RawRow> Rows, IReadOnlyList<RejectedRow> FileErrors);

/// <summary>
/// Reads a record file by its extension: CSV (.csv, UTF-8 with or without BOM, else GB18030 as Excel in
/// China saves it), Excel (.xlsx, first sheet, header in row 1) or GeoJSON (.geojson/.json, a
/// FeatureCollection of Point features whose properties use the column keys or headers). Blank rows
/// are skipped. Stateless.
/// </summary>
public static class RecordFileReader
{
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The extension is not one of the three formats.</exception>
    public static RawTable Read(string path, RecordTable table)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"record file '{path}' not found.", path);
        var file = Path.GetFileName(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".csv" => FromCells(file, table, CsvText.Read(File.ReadAllBytes(path))),
            ".xlsx" => FromCells(file, table, Sheet(path)),
            ".geojson" or ".json" when RecordColumns.HasLocation(table) => GeoJson(file, table, path),
            _ => throw new InvalidDataException(
                $"record file '{file}': {(RecordColumns.HasLocation(table) ? ".csv, .xlsx or .geojson" : ".csv or .xlsx")} expected."),
        };
    }

    private static RawTable FromCells(string file, RecordTable table, IEnumerable<(int Line, string[] Cells)> lines)
    {
        var rows = new List<RawRow>();
        var errors = new List<RejectedRow>();
        RecordColumn?[]? columns = null;
        foreach (var (line, cells) in lines)
        {
            if (columns is null)
            {
                columns = Header(file, table, line, cells, errors);
                if (errors.Count > 0) return new RawTable(file, [], errors);
                continue;
            }
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < cells.Length; i++)
            {
                if (string.IsNullOrWhiteSpace(cells[i])) continue;
                if (i >= columns.Length || columns[i] is null)
                    errors.Add(new RejectedRow(file, line, $"column {i + 1}", "a value in a column without a header"));
                else values[columns[i]!.Key] = cells[i].Trim();
            }
            rows.Add(new RawRow(line, values, null, null));
        }
        if (columns is null) errors.Add(new RejectedRow(file, 1, "header", "the file is empty; the first line must be the header row"));
        return new RawTable(file, rows, errors);
    }

    private static RecordColumn?[] Header(string file, RecordTable table, int line, string[] cells, List<RejectedRow> errors)
    {
        var columns = new RecordColumn?[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(cells[i])) continue;
            columns[i] = RecordColumns.Match(table, cells[i]);
            if (columns[i] is null)
                errors.Add(new RejectedRow(file, line, cells[i].Trim(), $"unknown column; the {RecordColumns.CliName(table)} columns are "
                    + string.Join(", ", RecordColumns.Of(table).Select(c => c.Key))));
            else if (columns.Take(i).Contains(columns[i]))
                errors.Add(new RejectedRow(file, line, cells[i].Trim(), "the column is given twice"));
        }
        foreach (var missing in RecordColumns.Of(table).Where(c => c.Required && !columns.Contains(c)))
            errors.Add(new RejectedRow(file, line, missing.Key, $"required column '{RecordColumns.Header(missing)}' is missing"));
        return columns;
    }

    private static IEnumerable<(int Line, string[] Cells)> Sheet(string path)
    {
        var rows = new List<(int, string[])>();
        using var stream = File.OpenRead(path);
        try
        {
            var line = 0;
            // MiniExcel yields every row from the first, blank ones included, so the count is the sheet's row number.
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                line++;
                var width = row.Keys.Select(ColumnIndex).DefaultIfEmpty(-1).Max() + 1;
                var cells = new string[width];
                foreach (var (key, value) in row) cells[ColumnIndex(key)] = Text(value);
                rows.Add((line, cells));
            }
        }
        catch (Exception e) when (e is not IOException and not OutOfMemoryException)
        {
            throw new InvalidDataException($"record file '{Path.GetFileName(path)}' is not a readable .xlsx workbook: {e.Message}", e);
        }
        return rows;
    }

    private static int ColumnIndex(string letters)
    {
        var index = 0;
        foreach (var c in letters) index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static RawTable GeoJson(string file, RecordTable table, string path)
    {
        JsonDocument doc;
        try
        {
            using var stream = File.OpenRead(path);
            doc = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            return new RawTable(file, [], [new RejectedRow(file, (int)(e.LineNumber ?? 0) + 1, "json", $"not valid JSON: {e.Message}")]);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("features", out var features)
                || features.ValueKind != JsonValueKind.Array)
                return new RawTable(file, [], [new RejectedRow(file, 1, "features", "a GeoJSON FeatureCollection is expected")]);
            var rows = new List<RawRow>();
            var errors = new List<RejectedRow>();
            var number = 0;
            foreach (var feature in features.EnumerateArray())
            {
                number++;
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                if (feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("properties", out var properties)
                    && properties.ValueKind == JsonValueKind.Object)
                {
                    foreach (var p in properties.EnumerateObject())
                    {
                        if (p.Value.ValueKind is JsonValueKind.Null) continue;
                        var text = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
                        if (string.IsNullOrWhiteSpace(text)) continue;
                        // Properties beyond the template's columns (a GIS export's own ids) are left aside.
                        if (RecordColumns.Match(table, p.Name) is { } column && column.Key is not (RecordColumns.Longitude or RecordColumns.Latitude))
                            values[column.Key] = text.Trim();
                    }
                }
                var (point, error) = Point(feature);
                rows.Add(new RawRow(number, values, point, error));
            }
            return new RawTable(file, rows, errors);
        }
    }

    private static (GeoPoint?, string?) Point(JsonElement feature)
    {
        if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("geometry", out var g) || g.ValueKind != JsonValueKind.Object)
            return (null, "the feature has no geometry");
        if (!g.TryGetProperty("type", out var type) || type.GetString() != "Point")
            return (null, $"a Point geometry is expected, not {(g.TryGetProperty("type", out var t) ? t.GetRawText() : "none")}");
        if (!g.TryGetProperty("coordinates", out var c) || c.ValueKind != JsonValueKind.Array || c.GetArrayLength() < 2
            || c[0].ValueKind != JsonValueKind.Number || c[1].ValueKind != JsonValueKind.Number)
            return (null, "the Point needs coordinates [longitude, latitude]");
        return (new GeoPoint(c[1].GetDouble(), c[0].GetDouble()), null);
    }
}

/// <summary>
/// RFC 4180 CSV: comma-separated, fields in double quotes may hold commas, quotes ("") and line breaks;
/// each record is reported with the line it starts on. UTF-8 (a BOM is dropped) unless the bytes are
/// not valid UTF-8, then GB18030, the encoding Excel uses for CSV on Chinese Windows.
/// </summary>
internal static class CsvText
{
    public static IEnumerable<(int Line, string[] Cells)> Read(byte[] bytes) => Parse(Decode(bytes));

    public static string Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return new UTF8Encoding(false, true).GetString(bytes, 3, bytes.Length - 3);
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    private static List<(int Line, string[] Cells)> Parse(string text)
    {
        var records = new List<(int, string[])>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        int line = 1, start = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else
                {
                    if (c == '\n') line++;
                    cell.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when cell.Length == 0: quoted = true; break;
                case ',': cells.Add(cell.ToString()); cell.Clear(); break;
                case '\r': break;
                case '\n':
                    cells.Add(cell.ToString()); cell.Clear();
                    records.Add((start, cells.ToArray())); cells.Clear();
                    start = ++line;
                    break;
                default: cell.Append(c); break;
            }
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            records.Add((start, cells.ToArray()));
        }
        return records;
    }
}
