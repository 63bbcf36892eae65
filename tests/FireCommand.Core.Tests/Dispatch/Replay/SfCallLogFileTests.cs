using FireCommand.Core.Analytics;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Dispatch.Replay;

namespace FireCommand.Core.Tests.Dispatch.Replay;

/// <summary>
/// The real SF extract (../shared/data/incidents). The expected figures were computed independently
/// from the raw CSV (Python's csv module and strptime, nearest rank by hand) and agree exactly, so any
/// change here means the reader, the interval rules or the percentile method changed.
/// </summary>
public class SfCallLogFileTests
{
    private static readonly Lazy<CallLog> Log = new(() => SfCallLogReader.ReadFile(ReplayTestData.RealLogPath()));

    [Fact]
    public void RealLog_IsReadWhole_5292CallsFrom10410Rows_NoneSkipped()
    {
        var log = Log.Value;
        Assert.Equal(5_292, log.Calls.Count);
        Assert.Equal(10_410, log.UnitRows);
        Assert.Equal(0, log.SkippedRows);
        Assert.Equal(10_410, log.Calls.Sum(c => c.Units.Count));
        Assert.Equal(DateTimeOffset.Parse("2020-04-07T00:01:25-07:00"), log.Calls[0].ReceivedAt);
        Assert.Equal(DateTimeOffset.Parse("2020-04-20T23:54:07-07:00"), log.Calls[^1].ReceivedAt);
        Assert.Equal(1_716, log.Calls.Sum(c => c.Units.Count(u => u.OnSceneAt is null)));
        Assert.Equal(203, log.Calls.Sum(c => c.Units.Count(u => u.EnRouteAt is null)));
    }

    [Fact]
    public void RealLog_CallTypes_MapToOurIncidentTypes()
    {
        var byType = Log.Value.Calls.GroupBy(c => c.Type).ToDictionary(g => g.Key, g => g.Count());
        // Medical 4,227 + citizen assist 111 + police assist 5 + "Other" outside the fire group 114 = 4,457.
        Assert.Equal(4_457, byType[IncidentType.SocialAssistance]);
        // Alarms 387 + outside 146 + structure 103 + smoke 20 + vehicle 8 + "Other" in the fire group 6 = 670.
        Assert.Equal(670, byType[IncidentType.Fire]);
        // Traffic 85 + gas 37 + electrical 18 + lift 16 + odour 5 + water 3 + fuel 1 = 165.
        Assert.Equal(165, byType[IncidentType.Rescue]);
        Assert.Equal(3, byType.Count);
    }

    [Fact]
    public void RealLog_ResponseTimes_MatchTheIndependentComputation()
    {
        var stats = ResponseTimeStatistics.Compute(Log.Value.Calls.Select(c => c.ToTimeline()));

        AssertInterval(stats[ResponseInterval.CallProcessing], 5_292, 103, 238, 293);
        Assert.Equal([1_760, 2_732], stats[ResponseInterval.CallProcessing].Compliance.Select(c => c.SamplesWithin)); // 33.3 %, 51.6 %
        AssertInterval(stats[ResponseInterval.Turnout], 10_207, 38, 123, 149);
        Assert.Equal(6_877, stats[ResponseInterval.Turnout].Compliance[0].SamplesWithin);                           // 67.4 %
        AssertInterval(stats[ResponseInterval.Travel], 8_694, 244, 788, 1_035);
        AssertInterval(stats[ResponseInterval.FirstEngineTravel], 2_469, 145, 273, 349);
        Assert.Equal(2_111, stats[ResponseInterval.FirstEngineTravel].Compliance[0].SamplesWithin);                 // 85.5 %
        AssertInterval(stats[ResponseInterval.Total], 5_118, 420, 1_027, 1_259);
        Assert.Equal(2_090, stats[ResponseInterval.Total].Compliance[0].SamplesWithin);                             // 40.8 %
        Assert.All(stats.Intervals, i => Assert.Equal(0, i.Inconsistent));
        Assert.All(stats.Intervals.SelectMany(i => i.Compliance), c => Assert.False(c.Met));
    }

    [Fact]
    public async Task RealLog_ReplayedAtFullSpeed_GivesTheSameFigures_AndRunsEveryCallThroughTheDecisions()
    {
        var report = await new CallLogReplay(ReplayClock.Unpaced(), new ReplayDecisions())
            .RunAsync(Log.Value.Calls, ct: TestContext.Current.CancellationToken);

        Assert.Equal((5_292, 10_410), (report.Calls, report.UnitRows));
        Assert.Equal(103, report.Statistics[ResponseInterval.CallProcessing].P50);
        Assert.Equal(1_259, report.Statistics[ResponseInterval.Total].P95);
        var d = report.Decisions!;
        Assert.Equal(5_292, d.DuplicateChecked);                 // every row has a location
        Assert.Equal(5_292, d.CallsByLevel.Values.Sum());
        // The counts depend on the detector's tuning (another file's concern); only their bounds are ours.
        Assert.InRange(d.OfferedForMerge, 1, 5_291);
        Assert.Equal(d.OfferedForMerge, d.OfferedByType.Values.Sum());
        Assert.Equal(5_292, d.PlanAskedMore + d.PlanAskedSame + d.PlanAskedFewer);
        Assert.Equal(TimeSpan.Zero, report.Waited);
    }

    private static void AssertInterval(IntervalStatistics s, int count, double p50, double p90, double p95) =>
        Assert.Equal((count, p50, p90, p95), (s.Count, s.P50, s.P90, s.P95));
}
