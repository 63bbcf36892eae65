using System.Globalization;

namespace FireCommand.Web.Cli;

/// <summary>
/// <c>firecommand table --graph g --pairs pairs.tsv</c>: one integer travel time per input line, in the
/// graph's units, -1 when the target cannot be reached; for checking against other engines. Lines
/// sharing a source are answered by one search.
/// </summary>
internal static class TableVerb
{
    public static async Task<int> RunAsync(CliArguments args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        string graph = args.Required("graph"), pairsPath = args.Required("pairs");
        args.EnsureAllUsed(0);
        var engine = GraphArguments.LoadEngine(graph);
        var pairs = new List<(int Source, int Target)>();
        int lineNo = 0;
        foreach (var line in File.ReadLines(pairsPath))
        {
            lineNo++;
            var fields = line.Split(['\t', ' ', ','], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2 || !long.TryParse(fields[0], CultureInfo.InvariantCulture, out long s) ||
                !long.TryParse(fields[1], CultureInfo.InvariantCulture, out long t))
                throw new InvalidDataException($"{Path.GetFileName(pairsPath)} line {lineNo}: expected '<source id>\\t<target id>'.");
            if (!engine.Graph.TryGetNode(s, out int source) || !engine.Graph.TryGetNode(t, out int target))
                throw new InvalidDataException($"{Path.GetFileName(pairsPath)} line {lineNo}: node {(engine.Graph.TryGetNode(s, out _) ? t : s)} is not in the graph.");
            pairs.Add((source, target));
        }
        var answers = new int[pairs.Count];
        foreach (var group in pairs.Select((p, i) => (p, i)).GroupBy(x => x.p.Source))
        {
            ct.ThrowIfCancellationRequested();
            var items = group.ToList();
            var times = engine.OneToMany(group.Key, items.Select(x => x.p.Target).ToList());
            for (int k = 0; k < items.Count; k++) answers[items[k].i] = times[k];
        }
        foreach (int time in answers)
            await stdout.WriteLineAsync(time == int.MaxValue ? "-1" : time.ToString(CultureInfo.InvariantCulture));
        await stdout.FlushAsync(ct);
        return 0;
    }
}
