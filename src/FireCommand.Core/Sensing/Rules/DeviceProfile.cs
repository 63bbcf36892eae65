namespace FireCommand.Core.Sensing.Rules;

/// <summary>A kind of device and the rules that judge its messages, stored as data (JSON list of <see cref="AlarmRule"/>).</summary>
public sealed class DeviceProfile
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string RulesJson { get; set; }

    public IReadOnlyList<AlarmRule> Rules() => AlarmRule.Parse(RulesJson);
}
