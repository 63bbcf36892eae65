using FireCommand.Core.Sensing.Rules;
using static FireCommand.Core.Sensing.Rules.RuleVerdict;

namespace FireCommand.Core.Tests.Sensing;

/// <summary>Each rule kind against sequences worked out by hand (the expected verdicts are written beside the values).</summary>
public sealed class RuleEvaluatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeOnly Noon = new(12, 0);

    private static RuleVerdict[] Run(AlarmRule rule, params (int Seconds, double Value)[] samples)
    {
        var memory = new RuleMemory { DeviceKey = "mqtt:x", Component = "", RuleCode = rule.Code };
        return [.. samples.Select(s => RuleEvaluator.Judge(rule, memory, s.Value, T0.AddSeconds(s.Seconds), Noon))];
    }

    private static AlarmRule Above(double trigger, double? clear = null, int samples = 1, int sustain = 0) => new()
    {
        Code = "r", Kind = RuleKind.Above, Metric = "residual_current_ma", AlarmType = "residual_current",
        Trigger = trigger, Clear = clear, ConsecutiveSamples = samples, SustainSeconds = sustain,
    };

    [Fact]
    public void Above_WithHysteresis_RaisesOnceWhileHoveringAndClearsOnlyAtTheClearLevel()
    {
        Assert.Equal([None, Raise, Holding, Holding, Clear, Raise, Clear],
            Run(Above(300, 250), (0, 100), (10, 310), (20, 290), (30, 260), (40, 250), (50, 305), (60, 240)));
    }

    [Fact]
    public void Above_WithoutHysteresis_ClearsJustBelowTheTrigger()
    {
        Assert.Equal([Raise, Holding, Clear], Run(Above(300), (0, 310), (10, 300), (20, 299.9)));
    }

    [Fact]
    public void Below_WithHysteresis_ClearsAtOrAboveTheClearLevel()
    {
        var rule = new AlarmRule
        {
            Code = "p", Kind = RuleKind.Below, Metric = "pressure_mpa", AlarmType = "low_pressure", Trigger = 0.10, Clear = 0.15,
        };
        Assert.Equal([None, Raise, Holding, Holding, Clear], Run(rule, (0, 0.20), (10, 0.09), (20, 0.12), (30, 0.149), (40, 0.15)));
    }

    [Fact]
    public void ConsecutiveSamples_AnInterruptionStartsTheCountAgain()
    {
        Assert.Equal([None, None, None, None, None, Raise],
            Run(Above(300, 250, samples: 3), (0, 310), (10, 320), (20, 200), (30, 310), (40, 320), (50, 330)));
    }

    [Fact]
    public void Sustain_RaisesOnlyOnceTheConditionHasHeldForTheWholePeriod()
    {
        // Five minutes below 0.10 MPa, sampled each minute: the sample at +300 s is the first to complete them.
        var rule = new AlarmRule
        {
            Code = "p", Kind = RuleKind.Below, Metric = "pressure_mpa", AlarmType = "low_pressure", Trigger = 0.10, Clear = 0.15,
            SustainSeconds = 300,
        };
        Assert.Equal([None, None, None, None, None, Raise],
            Run(rule, (0, 0.09), (60, 0.08), (120, 0.08), (180, 0.07), (240, 0.08), (300, 0.09)));
        // A sample above the trigger at +60 s restarts the period at +120 s, so +420 s completes it.
        Assert.Equal([None, None, None, None, None, None, None, Raise],
            Run(rule, (0, 0.09), (60, 0.11), (120, 0.09), (180, 0.09), (240, 0.09), (300, 0.09), (360, 0.09), (420, 0.09)));
    }

    [Fact]
    public void RateOfRise_IsThePerMinuteRiseSinceThePreviousSample()
    {
        var rule = new AlarmRule
        {
            Code = "ror", Kind = RuleKind.RateOfRise, Metric = "temperature_c", AlarmType = "temperature_rise", Trigger = 8, Clear = 2,
        };
        // 20 → 25 in 60 s: 5/min; 25 → 35 in 60 s: 10/min, raise; 35 → 40 in 30 s: 10/min, holding;
        // 40 → 41.5 in 60 s: 1.5/min, at or below 2: clear.
        Assert.Equal([None, None, Raise, Holding, Clear], Run(rule, (0, 20), (60, 25), (120, 35), (150, 40), (210, 41.5)));
    }

    [Fact]
    public void Schedule_RaisesOnlyWithinTheActiveHours_AcrossMidnight()
    {
        var rule = Above(40, 35) with { ActiveFrom = new TimeOnly(22, 0), ActiveTo = new TimeOnly(6, 0) };
        var memory = new RuleMemory { DeviceKey = "mqtt:x", Component = "", RuleCode = "r" };
        Assert.Equal(None, RuleEvaluator.Judge(rule, memory, 45, T0, new TimeOnly(21, 59)));
        Assert.Equal(None, RuleEvaluator.Judge(rule, memory, 45, T0.AddMinutes(1), new TimeOnly(6, 0)));
        Assert.Equal(Raise, RuleEvaluator.Judge(rule, memory, 45, T0.AddMinutes(2), new TimeOnly(23, 30)));
        Assert.True(rule.ActiveAt(new TimeOnly(3, 0)));
        Assert.False(rule.ActiveAt(new TimeOnly(12, 0)));
    }

    [Fact]
    public void OlderOrRepeatedSample_ChangesNothing()
    {
        var rule = Above(300, 250, samples: 2);
        var memory = new RuleMemory { DeviceKey = "mqtt:x", Component = "", RuleCode = "r" };
        Assert.Equal(None, RuleEvaluator.Judge(rule, memory, 310, T0.AddSeconds(10), Noon));
        // The same frame again, and a late one from before it, must not count as the second sample.
        Assert.Equal(None, RuleEvaluator.Judge(rule, memory, 310, T0.AddSeconds(10), Noon));
        Assert.Equal(None, RuleEvaluator.Judge(rule, memory, 310, T0.AddSeconds(5), Noon));
        Assert.Equal(1, memory.Consecutive);
        Assert.Equal(Raise, RuleEvaluator.Judge(rule, memory, 310, T0.AddSeconds(20), Noon));
    }

    [Fact]
    public void DefaultProfiles_AreSoundAndRoundTripAsData()
    {
        var profiles = DefaultProfiles.All();
        Assert.Equal(7, profiles.Count);
        foreach (var p in profiles)
        {
            var rules = p.Rules();
            Assert.NotEmpty(rules);
            Assert.All(rules, r => Assert.Empty(r.Problems()));
            Assert.Equal(rules.Count, rules.Select(r => r.Code).Distinct().Count());
            Assert.Contains(rules, r => r.Kind == RuleKind.Offline);
            Assert.Equal(p.RulesJson, AlarmRule.Serialize(rules));
        }
    }

    [Fact]
    public void Problems_NameTheFieldAtFault()
    {
        Assert.Contains(Above(300, 350).Problems(), p => p.StartsWith("clear", StringComparison.Ordinal));
        Assert.Contains((Above(300) with { Trigger = null }).Problems(), p => p.StartsWith("trigger", StringComparison.Ordinal));
        Assert.Contains((Above(300) with { ConsecutiveSamples = 0 }).Problems(), p => p.StartsWith("consecutiveSamples", StringComparison.Ordinal));
        Assert.Contains(new AlarmRule { Code = "o", Kind = RuleKind.Offline, AlarmType = "offline" }.Problems(),
            p => p.StartsWith("offlineMinutes", StringComparison.Ordinal));
    }
}
