namespace FireCommand.Core.Sensing.Rules;

/// <summary>What one sample means for one rule.</summary>
public enum RuleVerdict
{
    /// <summary>Nothing to do.</summary>
    None = 0,
    /// <summary>The condition has held long enough: raise (or repeat) the alarm.</summary>
    Raise = 1,
    /// <summary>The alarm stays raised; its last value changes.</summary>
    Holding = 2,
    /// <summary>The value is back past the clear level: clear the alarm.</summary>
    Clear = 3,
}

/// <summary>
/// Judges one telemetry sample against one threshold or rate rule, updating the rule's memory. Pure:
/// the caller loads and saves the memory. Samples must come in time order per component; an older
/// sample than the last one judged is ignored, so a retransmitted or reordered frame changes nothing.
/// </summary>
public static class RuleEvaluator
{
    public static RuleVerdict Judge(AlarmRule rule, RuleMemory memory, double value, DateTimeOffset at, TimeOnly localTime)
    {
        if (memory.LastAt is { } last && at <= last) return RuleVerdict.None;
        var measured = rule.Kind switch
        {
            RuleKind.Above or RuleKind.Below => value,
            RuleKind.RateOfRise when memory.LastAt is { } prev && memory.LastValue is { } before =>
                (value - before) / (at - prev).TotalMinutes,
            _ => (double?)null,
        };
        memory.LastValue = value;
        memory.LastAt = at;
        if (measured is not { } m) return RuleVerdict.None;

        var trigger = rule.Trigger!.Value;
        var clear = rule.Clear ?? trigger;
        if (memory.Raised)
        {
            // With hysteresis the clear level itself clears; without, only a value off the trigger does.
            var cleared = rule.Kind is RuleKind.Below
                ? clear > trigger ? m >= clear : m > trigger
                : clear < trigger ? m <= clear : m < trigger;
            if (!cleared) return RuleVerdict.Holding;
            Reset(memory);
            memory.Raised = false;
            return RuleVerdict.Clear;
        }

        var breached = rule.Kind is RuleKind.Below ? m <= trigger : m >= trigger;
        if (!breached || !rule.ActiveAt(localTime))
        {
            Reset(memory);
            return RuleVerdict.None;
        }
        memory.Consecutive++;
        memory.HoldingSince ??= at;
        if (memory.Consecutive < rule.ConsecutiveSamples || (at - memory.HoldingSince.Value).TotalSeconds < rule.SustainSeconds)
            return RuleVerdict.None;
        memory.Raised = true;
        return RuleVerdict.Raise;
    }

    private static void Reset(RuleMemory memory)
    {
        memory.Consecutive = 0;
        memory.HoldingSince = null;
    }
}
