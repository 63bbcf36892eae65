using System.Text;
using MiniExcelLibs;

namespace FireCommand.Core.Map.Province.Inputs;

/// <summary>
/// Writes an empty record file for a corps to fill: the header row "名称* name …" (Chinese header, a star
/// when required, English key), which <see cref="RecordFileReader"/> reads back. A CSV is UTF-8 with a
/// BOM so that Excel shows the Chinese headers; a workbook has the header on its first sheet 数据 and the
/// columns explained on a second sheet 说明. Stateless.
/// </summary>
public static class RecordTemplate
{
    public static void WriteCsv(RecordTable table, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        writer.Write(string.Join(",", RecordColumns.Of(table).Select(c => Quote(RecordColumns.Header(c)))));
        writer.Write("\r\n");
    }

    public static void WriteXlsx(RecordTable table, Stream output)
    {
        var columns = RecordColumns.Of(table);
        var header = new Dictionary<string, object?>();
        for (var i = 0; i < columns.Count; i++) header[$"c{i}"] = RecordColumns.Header(columns[i]);
        var notes = new List<Dictionary<string, object?>>
        {
            new() { ["a"] = "列 column", ["b"] = "必填 required", ["c"] = "说明 meaning", ["d"] = "取值 allowed values" },
        };
        notes.AddRange(columns.Select(c => new Dictionary<string, object?>
        {
            ["a"] = RecordColumns.Header(c), ["b"] = c.Required ? "是 yes" : "否 no", ["c"] = c.Meaning, ["d"] = c.Allowed,
        }));
        var sheets = new Dictionary<string, object> { ["数据"] = new[] { header }, ["说明"] = notes };
        output.SaveAs(sheets, printHeader: false, excelType: ExcelType.XLSX);
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}
