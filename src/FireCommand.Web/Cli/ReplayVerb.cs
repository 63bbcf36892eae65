using System.Diagnostics;
using System.Globalization;
using FireCommand.Core.Analytics;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Dispatch.Replay;

namespace FireCommand.Web.Cli;

/// <summary>
/// <c>firecommand replay &lt;csv&gt; [--speed N|max] [--format table|json] [--repeat N]</c>: replays an SF Fire
/// Department call log through the dispatcher's decisions and prints the response-time figures
/// (nearest-rank p50/p90/p95 and share within the NFPA objectives), the counts, the duplicate calls
/// that would have been offered for merge, and the throughput. A readable table by default, JSON with
/// <c>--format json</c>. Skipped rows are listed in the output, never fatal; a file that is not a call
/// log exits 1.
/// </summary>
/// <remarks>
/// <c>--speed N</c> replays at N× real time (60 = an hour of log per minute); <c>max</c> or 0 replays
/// as fast as possible and is the default, since a 14-day log at 1× takes 14 days. Throughput is
/// measured here with a <see cref="Stopwatch"/>, outside the pure replay; <c>--repeat N</c> reads and
/// replays N times and reports the median run, so a benchmark figure is not just the JIT warming up
/// (the figures themselves are the same every run).
/// </remarks>
internal static class ReplayVerb
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(CliArguments args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (args.Positionals.Count == 0) throw new CliUsageException("give the call-log CSV file to replay.");
        string path = args.Positionals[0];
        double speed = Speed(args.Optional("speed"));
        bool json = (args.Optional("format") ?? "table") switch
        {
            "table" => false,
            "json" => true,
            var other => throw new CliUsageException($"option --format must be 'table' or 'json', not '{other}'."),
        };
        int repeat = args.Optional("repeat") is not { } r ? 1
            : int.TryParse(r, NumberStyles.None, Inv, out var n) && n is >= 1 and <= 1000 ? n
            : throw new CliUsageException($"option --repeat must be a whole number from 1 to 1000, not '{r}'.");
        args.EnsureAllUsed(1);

        CallLog log = null!;
        ReplayReport report = null!;
        var reads = new List<TimeSpan>();
        var replays = new List<TimeSpan>();
        for (int run = 0; run < repeat; run++)
        {
            var watch = Stopwatch.StartNew();
            log = SfCallLogReader.ReadFile(path);
            reads.Add(watch.Elapsed);
            IProgress<double>? progress = speed > 0 ? new CliProgress(stderr, "replaying") : null;
            watch.Restart();
            report = await new CallLogReplay(new ReplayClock(speed), new ReplayDecisions()).RunAsync(log.Calls, progress, ct);
            replays.Add(watch.Elapsed);
        }
        TimeSpan readTime = Median(reads), replayTime = Median(replays);
        var throughput = new Throughput(repeat, Math.Round(readTime.TotalSeconds, 4), Math.Round(replayTime.TotalSeconds, 4),
            PerSecond(report.Calls, replayTime), PerSecond(report.Calls, readTime + replayTime), Math.Round(report.Waited.TotalSeconds, 3));
        if (json) await CliOutput.WriteJsonAsync(stdout, ToJson(Path.GetFileName(path), speed, log, report, throughput));
        else
        {
            await stdout.WriteAsync(Table(Path.GetFileName(path), speed, log, report, throughput));
            await stdout.FlushAsync(ct);
        }
        return 0;
    }

    private static double Speed(string? text) => text switch
    {
        null or "max" => ReplayClock.AsFastAsPossible,
        _ when double.TryParse(text, NumberStyles.Float, Inv, out var v) && double.IsFinite(v) && v >= 0 => v,
        _ => throw new CliUsageException($"option --speed must be 'max' or a number ≥ 0 (times real time), not '{text}'."),
    };

    private static double PerSecond(int calls, TimeSpan time) => Math.Round(calls / Math.Max(time.TotalSeconds, 1e-6));

    private static TimeSpan Median(List<TimeSpan> runs) => runs.Order().ElementAt((runs.Count - 1) / 2);

    private sealed record Throughput(int Runs, double ReadSeconds, double ReplaySeconds, double CallsPerSecond, double CallsPerSecondWithRead,
        double WaitedSeconds);

    private static readonly (ResponseInterval Interval, string Label)[] Labels =
    [
        (ResponseInterval.CallProcessing, "call processing"), (ResponseInterval.Turnout, "turnout (each unit)"),
        (ResponseInterval.Travel, "travel (each unit)"), (ResponseInterval.FirstEngineTravel, "first-engine travel"),
        (ResponseInterval.Total, "total (first arrival)"),
    ];

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static double? Share(double share) => double.IsFinite(share) ? Math.Round(share, 4) : null;

    private static object ToJson(string file, double speed, CallLog log, ReplayReport report, Throughput throughput) => new
    {
        file,
        timeZone = log.TimeZoneId,
        speed = speed == ReplayClock.AsFastAsPossible ? "max" : speed.ToString(Inv),
        calls = report.Calls,
        unitRows = report.UnitRows,
        skippedRows = log.SkippedRows,
        skippedByReason = log.SkippedByKind.ToDictionary(k => Camel(k.Key.ToString()), k => k.Value),
        firstProblems = log.FirstProblems.Select(p => new { line = p.LineNumber, reason = Camel(p.Kind.ToString()), p.Detail }),
        firstReceivedAt = report.FirstReceivedAt,
        lastReceivedAt = report.LastReceivedAt,
        callsByType = report.CallsByType.OrderBy(t => t.Key).ToDictionary(t => Camel(t.Key.ToString()), t => t.Value),
        intervals = report.Statistics.Intervals.Select(i => new
        {
            interval = Camel(i.Interval.ToString()),
            samples = i.Count,
            inconsistent = i.Inconsistent,
            p50 = CliOutput.Finite(i.P50),
            p90 = CliOutput.Finite(i.P90),
            p95 = CliOutput.Finite(i.P95),
            standards = i.Compliance.Select(c => new
            {
                c.Standard.Citation, c.Standard.FireSeconds, c.Standard.EmsSeconds, c.Standard.TargetShare,
                c.SamplesWithin, shareWithin = Share(c.ShareWithin), c.Met,
            }),
        }),
        decisions = report.Decisions is not { } d ? null : new
        {
            callsByLevel = d.CallsByLevel.OrderBy(l => l.Key).ToDictionary(l => l.Key.ToString(Inv), l => l.Value),
            d.DuplicateChecked,
            d.OfferedForMerge,
            offeredByType = d.OfferedByType.OrderBy(t => t.Key).ToDictionary(t => Camel(t.Key.ToString()), t => t.Value),
            firstOffers = d.FirstOffers,
            plan = new { askedMore = d.PlanAskedMore, same = d.PlanAskedSame, askedFewer = d.PlanAskedFewer },
        },
        throughput,
    };

    private static string Table(string file, double speed, CallLog log, ReplayReport report, Throughput t)
    {
        var w = new StringWriter(Inv);
        w.WriteLine($"Call-log replay of {file} (local times read as {log.TimeZoneId})");
        w.WriteLine($"  calls {report.Calls:N0} · unit rows {report.UnitRows:N0} · skipped rows {log.SkippedRows:N0}");
        foreach (var (kind, count) in log.SkippedByKind.OrderBy(k => k.Key)) w.WriteLine($"    skipped, {kind}: {count:N0}");
        foreach (var problem in log.FirstProblems) w.WriteLine($"    {problem}");
        if (report.FirstReceivedAt is { } first && report.LastReceivedAt is { } last)
            w.WriteLine($"  received {first:yyyy-MM-dd HH:mm:ss zzz} … {last:yyyy-MM-dd HH:mm:ss zzz}");
        w.WriteLine("  by our incident type: " + string.Join(" · ", report.CallsByType.OrderBy(x => x.Key).Select(x => $"{x.Key} {x.Value:N0}")));
        w.WriteLine();
        w.WriteLine("Response times, seconds (nearest-rank percentiles over raw samples; share within the objective)");
        w.WriteLine($"  {"interval",-22} {"samples",8} {"p50",6} {"p90",6} {"p95",6}   {"within",7} {"target",6}  met  objective");
        foreach (var (interval, label) in Labels)
        {
            var s = report.Statistics[interval];
            string head = $"  {label,-22} {s.Count,8:N0} {Sec(s.P50),6} {Sec(s.P90),6} {Sec(s.P95),6}";
            if (s.Compliance.Count == 0) w.WriteLine($"{head}   {"",7} {"",6}  {"",3}  (no objective: NFPA 1710's 240 s is for the first engine)");
            for (int i = 0; i < s.Compliance.Count; i++)
            {
                var c = s.Compliance[i];
                w.WriteLine($"{(i == 0 ? head : new string(' ', head.Length))}   {Pct(c.ShareWithin),7} {Pct(c.Standard.TargetShare),6}  {(c.Met ? "yes" : "no"),-3}  {c.Standard.Citation}");
            }
            if (s.Inconsistent > 0) w.WriteLine($"  {"",22} {s.Inconsistent,8:N0} left out: times recorded out of order");
        }
        if (report.Decisions is { } d)
        {
            w.WriteLine();
            w.WriteLine("Dispatcher decisions (Dispatch/Decisions) on each call as it came in");
            w.WriteLine("  fire level suggested: " + string.Join(" · ", d.CallsByLevel.OrderBy(l => l.Key).Select(l => $"level {l.Key}: {l.Value:N0}")) +
                " (the log gives no trapped/injured counts or key places)");
            w.WriteLine($"  duplicate detection: {d.DuplicateChecked:N0} calls checked against the calls open at the time, " +
                $"{d.OfferedForMerge:N0} would have been offered for merge" +
                (d.OfferedByType.Count > 0 ? " (" + string.Join(", ", d.OfferedByType.OrderBy(x => x.Key).Select(x => $"{x.Key} {x.Value:N0}")) + ")" : ""));
            foreach (var o in d.FirstOffers)
                w.WriteLine($"    e.g. call {o.CallNumber} ({o.Type}) → open call {o.CandidateNumber}, {o.DistanceMeters:0} m and {o.MinutesApart:0.#} min apart" +
                    (o.Candidates > 1 ? $", {o.Candidates} candidates" : ""));
            w.WriteLine($"  response plan vs fire apparatus sent: plan asks more on {d.PlanAskedMore:N0} calls, " +
                $"the same on {d.PlanAskedSame:N0}, fewer on {d.PlanAskedFewer:N0}");
        }
        w.WriteLine();
        w.WriteLine($"Throughput{(t.Runs > 1 ? $" (median of {t.Runs} runs)" : "")}: read {t.ReadSeconds:0.000} s, replay {t.ReplaySeconds:0.000} s (speed {(speed == 0 ? "max" : speed.ToString(Inv) + "×")}" +
            $"{(t.WaitedSeconds > 0 ? $", {t.WaitedSeconds:0.#} s of it pacing" : "")}) → {t.CallsPerSecond:N0} calls/s replayed, " +
            $"{t.CallsPerSecondWithRead:N0} calls/s with reading");
        return w.ToString();
    }

    private static string Sec(double seconds) => double.IsFinite(seconds) ? seconds.ToString("0", Inv) : "–";

    private static string Pct(double share) => double.IsFinite(share) ? (share * 100).ToString("0.0", Inv) + "%" : "–";
}
