using FireCommand.Core.Map.Province.Inputs;

namespace FireCommand.Web.Cli;

/// <summary><c>firecommand province template &lt;stations|units|water-sources|key-places&gt; --format csv|xlsx --out &lt;file&gt;</c>:
/// writes an empty record file with the bilingual header row that <c>province build</c> reads.</summary>
internal static class ProvinceTemplateVerb
{
    public static async Task<int> RunAsync(CliArguments args, TextWriter stdout, CancellationToken ct)
    {
        if (args.Positionals.Count < 2 || RecordColumns.FromCliName(args.Positionals[1]) is not { } table)
            throw new CliUsageException("province template needs one of stations, units, water-sources, key-places.");
        var format = args.Required("format");
        if (format is not ("csv" or "xlsx")) throw new CliUsageException($"--format must be csv or xlsx, not '{format}'.");
        var output = args.Required("out");
        args.EnsureAllUsed(2);
        if (File.Exists(output)) throw new IOException($"'{output}' exists; give a new file.");
        await using (var stream = new FileStream(output, FileMode.CreateNew))
        {
            if (format == "csv") RecordTemplate.WriteCsv(table, stream);
            else RecordTemplate.WriteXlsx(table, stream);
        }
        ct.ThrowIfCancellationRequested();
        await CliOutput.WriteJsonAsync(stdout, new
        {
            output,
            table = RecordColumns.CliName(table),
            columns = RecordColumns.Of(table).Select(c => new { header = RecordColumns.Header(c), key = c.Key, required = c.Required, c.Meaning, c.Allowed }),
        });
        return 0;
    }
}
