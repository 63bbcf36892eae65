using System.Text.Json;
using System.Text.Json.Serialization;

namespace FireCommand.Core.Sensing.Rules;

/// <summary>How a rule judges what a device reports.</summary>
public enum RuleKind
{
    /// <summary>A telemetry value at or above <see cref="AlarmRule.Trigger"/>; cleared at or below <see cref="AlarmRule.Clear"/>.</summary>
    Above = 1,
    /// <summary>A telemetry value at or below <see cref="AlarmRule.Trigger"/>; cleared at or above <see cref="AlarmRule.Clear"/>.</summary>
    Below = 2,
    /// <summary>The rise per minute since the previous sample at or above <see cref="AlarmRule.Trigger"/>.</summary>
    RateOfRise = 3,
    /// <summary>An event of type <see cref="AlarmRule.Metric"/> raises; one of <see cref="AlarmRule.ClearEvents"/> clears.</summary>
    Event = 4,
    /// <summary>No message from the device for <see cref="AlarmRule.OfflineMinutes"/>; checked in the background.</summary>
    Offline = 5,
}

/// <summary>How urgent an alarm is.</summary>
public enum AlarmSeverity
{
    Info = 1,
    Warning = 2,
    Major = 3,
    Critical = 4,
}

/// <summary>
/// One rule of a device profile, stored as data. A threshold rule triggers at <see cref="Trigger"/> and
/// clears only past <see cref="Clear"/> (hysteresis), so a value hovering at the limit raises one alarm,
/// not one a sample. <see cref="ConsecutiveSamples"/> and <see cref="SustainSeconds"/> ask the condition
/// to hold for that many samples and that long before the alarm is raised; <see cref="ActiveFrom"/> to
/// <see cref="ActiveTo"/> (the corps' local time, may wrap past midnight) limits when it may raise.
/// </summary>
public sealed record AlarmRule
{
    public required string Code { get; init; }
    public required RuleKind Kind { get; init; }
    /// <summary>The telemetry metric, event type or status type the rule reads (<c>pressure_mpa</c>, <c>fire</c>…).</summary>
    public string? Metric { get; init; }
    /// <summary>The alarm type raised: <c>fire</c>, <c>fault</c>, <c>low_pressure</c>, <c>offline</c>…</summary>
    public required string AlarmType { get; init; }
    public AlarmSeverity Severity { get; init; } = AlarmSeverity.Warning;
    public double? Trigger { get; init; }
    /// <summary>The level at which a raised alarm clears; the trigger itself when not given.</summary>
    public double? Clear { get; init; }
    public int ConsecutiveSamples { get; init; } = 1;
    public int SustainSeconds { get; init; }
    public TimeOnly? ActiveFrom { get; init; }
    public TimeOnly? ActiveTo { get; init; }
    public string[] ClearEvents { get; init; } = [];
    public int? OfflineMinutes { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(IReadOnlyList<AlarmRule> rules) => JsonSerializer.Serialize(rules, Json);

    public static IReadOnlyList<AlarmRule> Parse(string json) =>
        JsonSerializer.Deserialize<List<AlarmRule>>(json, Json) ?? [];

    /// <summary>Problems that make the rule unusable, each naming its field; empty when it is sound.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Code)) yield return "code is required.";
        if (!Enum.IsDefined(Kind)) yield return "kind is unknown.";
        if (string.IsNullOrWhiteSpace(AlarmType)) yield return "alarmType is required.";
        if (Kind is not RuleKind.Offline && string.IsNullOrWhiteSpace(Metric)) yield return "metric is required.";
        if (Kind is RuleKind.Above or RuleKind.Below or RuleKind.RateOfRise && (Trigger is null || !double.IsFinite(Trigger.Value)))
            yield return "trigger is required.";
        if (Kind is RuleKind.Above or RuleKind.RateOfRise && Clear > Trigger) yield return "clear must not lie above trigger.";
        if (Kind is RuleKind.Below && Clear < Trigger) yield return "clear must not lie below trigger.";
        if (Kind is RuleKind.Offline && OfflineMinutes is not > 0) yield return "offlineMinutes must be positive.";
        if (ConsecutiveSamples < 1) yield return "consecutiveSamples must be at least 1.";
        if (SustainSeconds < 0) yield return "sustainSeconds must not be negative.";
        if (ActiveFrom is null != ActiveTo is null) yield return "activeFrom and activeTo come together.";
    }

    /// <summary>Whether the rule may raise at local time <paramref name="local"/>; a window may wrap past midnight.</summary>
    public bool ActiveAt(TimeOnly local) =>
        ActiveFrom is not { } from || ActiveTo is not { } to ? true
        : from <= to ? local >= from && local < to
        : local >= from || local < to;
}
