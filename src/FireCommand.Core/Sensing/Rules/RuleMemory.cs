namespace FireCommand.Core.Sensing.Rules;

/// <summary>
/// What a rule remembers between samples of one device component: how many samples in a row met the
/// condition and since when, the previous sample (for the rate of rise), and whether it has raised.
/// Stored per (device, component, rule) so any node continues where another left off.
/// </summary>
public sealed class RuleMemory
{
    public long Id { get; set; }
    public required string DeviceKey { get; set; }
    /// <summary>The component, or empty for the device itself (empty, not null, so the unique index holds on every database).</summary>
    public required string Component { get; set; }
    public required string RuleCode { get; set; }
    public int Consecutive { get; set; }
    public DateTimeOffset? HoldingSince { get; set; }
    public double? LastValue { get; set; }
    public DateTimeOffset? LastAt { get; set; }
    public bool Raised { get; set; }
}
