using FireCommand.Core.Map.Province.Inputs;

namespace FireCommand.Web.Cli;

/// <summary>
/// The record-file options of <c>province build</c>: <c>--stations</c>, <c>--water-sources</c> and
/// <c>--key-places</c> take <c>file:crs</c> (crs one of wgs84, gcj02, bd09, cgcs2000: a file of points
/// must say which system it is in, since a GCJ-02 list read as WGS-84 is off by hundreds of metres);
/// <c>--units</c> takes a file; <c>--skip-bad-rows</c> keeps the good rows of a file with bad ones.
/// </summary>
internal static class ProvinceRecordArguments
{
    public static ProvinceRecordInputs? Parse(CliArguments args)
    {
        var files = new List<RecordFileInput>();
        foreach (var table in Enum.GetValues<RecordTable>())
        {
            var option = RecordColumns.CliName(table);
            if (args.Optional(option) is not { } value) continue;
            if (!RecordColumns.HasLocation(table))
            {
                files.Add(new RecordFileInput(table, value));
                continue;
            }
            var colon = value.LastIndexOf(':');
            var crs = colon > 0 ? RecordFileInput.NormaliseCrs(value[(colon + 1)..]) : null;
            if (crs is null)
                throw new CliUsageException($"--{option} needs the file's coordinate system: --{option} <file>:wgs84|gcj02|bd09|cgcs2000.");
            files.Add(new RecordFileInput(table, value[..colon], crs));
        }
        var skip = args.Optional("skip-bad-rows") is not null;
        if (skip && files.Count == 0) throw new CliUsageException("--skip-bad-rows applies to record files; give --stations, --units, --water-sources or --key-places.");
        return files.Count == 0 ? null : new ProvinceRecordInputs(files, skip);
    }

    /// <summary>The rejected rows as the report's JSON list.</summary>
    public static object Report(IReadOnlyList<RejectedRow> rows) =>
        rows.Select(r => new { file = r.File, line = r.Line, field = r.Field, reason = r.Reason }).ToList();

    /// <summary>One readable line per rejected row on stderr: "stations.csv:4 kind: '三级站' is not one of …".</summary>
    public static async Task WriteListAsync(TextWriter stderr, IReadOnlyList<RejectedRow> rows, bool skipped)
    {
        if (rows.Count == 0) return;
        await stderr.WriteLineAsync(skipped ? $"{rows.Count} rejected rows were left out:" : $"{rows.Count} rejected rows; nothing was built:");
        foreach (var r in rows) await stderr.WriteLineAsync($"  {r.File}:{r.Line} {r.Field}: {r.Reason}");
    }
}
