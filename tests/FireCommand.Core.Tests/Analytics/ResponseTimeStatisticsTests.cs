using FireCommand.Core.Analytics;

namespace FireCommand.Core.Tests.Analytics;

public class ResponseTimeStatisticsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(8));

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    private static UnitTimeline Unit(string id, bool engine, double? dispatched, double? enRoute, double? onScene) =>
        new(id, engine, dispatched is { } d ? At(d) : null, enRoute is { } r ? At(r) : null, onScene is { } s ? At(s) : null);

    private static CallTimeline Call(string id, ResponseClass cls, params UnitTimeline[] units) => new(id, T0, cls, units);

    [Fact]
    public void PerCallIntervals_UseTheFirstUnit_PerUnitIntervals_UseEachUnit()
    {
        // The medic is dispatched first (40 s) and arrives first (300 s); the engine arrives later after 270 s of travel.
        var call = Call("C1", ResponseClass.Fire,
            Unit("E1", engine: true, dispatched: 60, enRoute: 90, onScene: 360),
            Unit("M1", engine: false, dispatched: 40, enRoute: 120, onScene: 300));

        var samples = ResponseIntervalSamples.From(call);

        Assert.Equal([40.0], Seconds(samples, ResponseInterval.CallProcessing));
        Assert.Equal([300.0], Seconds(samples, ResponseInterval.Total));
        Assert.Equal([270.0], Seconds(samples, ResponseInterval.FirstEngineTravel));
        Assert.Equal([30.0, 80.0], Seconds(samples, ResponseInterval.Turnout));
        Assert.Equal([270.0, 180.0], Seconds(samples, ResponseInterval.Travel));
    }

    [Fact]
    public void FirstEngineTravel_WhenTheFirstEngineHasNoEnRouteTime_GivesNoSample_RatherThanTheSecondEngines()
    {
        var call = Call("C1", ResponseClass.Fire,
            Unit("E1", engine: true, dispatched: 10, enRoute: null, onScene: 200),
            Unit("E2", engine: true, dispatched: 10, enRoute: 60, onScene: 400));
        Assert.Empty(Seconds(ResponseIntervalSamples.From(call), ResponseInterval.FirstEngineTravel));
    }

    [Fact]
    public void MissingTimes_GiveNoSample_AndACancelledCall_OnlyHasCallProcessing()
    {
        var call = Call("C1", ResponseClass.Ems, Unit("M1", engine: false, dispatched: 50, enRoute: null, onScene: null));
        var samples = ResponseIntervalSamples.From(call);
        Assert.Equal(ResponseInterval.CallProcessing, Assert.Single(samples).Interval);
    }

    [Fact]
    public void ShareWithin_CallProcessing_CountsSamplesAtTheThresholdAsWithin()
    {
        // Call processing 30, 60, 64, 65, 120 s: 3 of 5 within 64 s (60 %), 4 of 5 within 106 s (80 %).
        var stats = ResponseTimeStatistics.Compute(new double[] { 30, 60, 64, 65, 120 }
            .Select((s, i) => Call($"C{i}", ResponseClass.Fire, Unit("E", true, s, null, null))));
        var cp = stats[ResponseInterval.CallProcessing];

        Assert.Equal(5, cp.Count);
        Assert.Equal(64, cp.P50);   // ⌈2.5⌉ = 3rd
        Assert.Equal(120, cp.P90);  // ⌈4.5⌉ = 5th
        Assert.Equal(120, cp.P95);
        Assert.Equal(0.6, cp.ShareWithin(64), 10);
        var c64 = cp.Compliance.Single(c => c.Standard == ResponseStandards.CallProcessing90);
        var c106 = cp.Compliance.Single(c => c.Standard == ResponseStandards.CallProcessing95);
        Assert.Equal((3, 0.6, false), (c64.SamplesWithin, c64.ShareWithin, c64.Met));
        Assert.Equal((4, 0.8, false), (c106.SamplesWithin, c106.ShareWithin, c106.Met));
    }

    [Fact]
    public void Turnout_IsJudgedAt80sForFire_And60sForEms()
    {
        // Fire turnouts 70, 80, 90 (2 within 80 s); EMS turnouts 50, 60, 70 (2 within 60 s): 4 of 6.
        var calls = new[] { 70.0, 80, 90 }.Select((t, i) => Call($"F{i}", ResponseClass.Fire, Unit("E", true, 0, t, null)))
            .Concat(new[] { 50.0, 60, 70 }.Select((t, i) => Call($"M{i}", ResponseClass.Ems, Unit("M", false, 0, t, null))));
        var turnout = ResponseTimeStatistics.Compute(calls)[ResponseInterval.Turnout];

        var judged = Assert.Single(turnout.Compliance);
        Assert.Equal(4, judged.SamplesWithin);
        Assert.Equal(4 / 6.0, judged.ShareWithin, 10);
        Assert.False(judged.Met);
        Assert.Equal(70, turnout.P50); // 50 60 70 70 80 90 → ⌈3⌉ = 3rd
        Assert.Equal(60, turnout.ForClass(ResponseClass.Ems).P50);
        Assert.Equal(80, turnout.ForClass(ResponseClass.Fire).P50);
        Assert.Equal(2 / 3.0, turnout.ForClass(ResponseClass.Ems).Compliance[0].ShareWithin, 10);
    }

    [Fact]
    public void Objective_IsMet_WhenTheTargetShareIsReached()
    {
        // 9 of 10 first-engine travels within 240 s is exactly the 90 % NFPA 1710 asks for.
        var calls = Enumerable.Range(0, 10).Select(i =>
            Call($"C{i}", ResponseClass.Fire, Unit("E", true, 0, 60, 60 + (i < 9 ? 240 : 241))));
        var travel = ResponseTimeStatistics.Compute(calls)[ResponseInterval.FirstEngineTravel];
        Assert.True(Assert.Single(travel.Compliance).Met);
        Assert.Equal(240, travel.P90);
        Assert.Equal(241, travel.P95);
    }

    [Fact]
    public void Percentiles_AreOverRawSamples_NotAnAverageOfDailyFigures()
    {
        // Day 1: three calls at 10 s; day 2: one call at 100 s. Averaging the daily medians would say 55 s;
        // over the raw samples the median is 10 s.
        var day1 = Enumerable.Range(0, 3).Select(i => Call($"D1-{i}", ResponseClass.Fire, Unit("E", true, 10, null, null)));
        var day2 = new[] { Call("D2", ResponseClass.Fire, Unit("E", true, 100, null, null)) };
        var acc = new ResponseTimeAccumulator();
        foreach (var c in day1) acc.Add(c);
        Assert.Equal(10, acc.ToStatistics()[ResponseInterval.CallProcessing].P50);
        foreach (var c in day2) acc.Add(c);
        var stats = acc.ToStatistics();
        Assert.Equal(4, stats.Calls);
        Assert.Equal(10, stats[ResponseInterval.CallProcessing].P50);
        Assert.Equal(100, stats[ResponseInterval.CallProcessing].P95);
    }

    [Fact]
    public void TimesOutOfOrder_AreCountedAsInconsistent_AndLeftOutOfTheFigures()
    {
        var stats = ResponseTimeStatistics.Compute([
            Call("C1", ResponseClass.Fire, Unit("E", true, 30, 20, 200)), // en route before dispatch
            Call("C2", ResponseClass.Fire, Unit("E", true, 30, 50, 200)),
        ]);
        var turnout = stats[ResponseInterval.Turnout];
        Assert.Equal(1, turnout.Count);
        Assert.Equal(1, turnout.Inconsistent);
        Assert.Equal(20, turnout.P50);
    }

    [Fact]
    public void NoSamples_GiveNaN_AndAnUnmetObjective()
    {
        var stats = ResponseTimeStatistics.Compute([]);
        var total = stats[ResponseInterval.Total];
        Assert.Equal(0, total.Count);
        Assert.True(double.IsNaN(total.P50));
        Assert.True(double.IsNaN(total.ShareWithin(384)));
        Assert.False(Assert.Single(total.Compliance).Met);
        Assert.Equal(Enum.GetValues<ResponseInterval>(), stats.Intervals.Select(i => i.Interval));
    }

    [Fact]
    public void DefaultStandards_AreThoseOfDesignSection5()
    {
        Assert.Equal((64.0, 0.90), (ResponseStandards.CallProcessing90.FireSeconds, ResponseStandards.CallProcessing90.TargetShare));
        Assert.Equal((106.0, 0.95), (ResponseStandards.CallProcessing95.FireSeconds, ResponseStandards.CallProcessing95.TargetShare));
        Assert.Equal((80.0, 60.0), (ResponseStandards.Turnout.FireSeconds, ResponseStandards.Turnout.EmsSeconds));
        Assert.Equal(240, ResponseStandards.FirstEngineTravel.ThresholdFor(ResponseClass.Ems));
        Assert.Equal((64 + 80 + 240.0, 64 + 60 + 240.0), (ResponseStandards.Total.FireSeconds, ResponseStandards.Total.EmsSeconds));
    }

    private static List<double> Seconds(IReadOnlyList<IntervalSample> samples, ResponseInterval interval) =>
        samples.Where(s => s.Interval == interval).Select(s => s.Seconds).ToList();
}
