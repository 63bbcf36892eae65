using System.ComponentModel.DataAnnotations;
using FireCommand.Core.Sensing.Alarms;

namespace FireCommand.Web.Sensing;

/// <summary>Settings of risk sensing (section <c>Sensing</c>).</summary>
public sealed class SensingOptions
{
    public const string Section = "Sensing";

    /// <summary>How often the background watch looks for silent devices, expired windows and fires without an incident.</summary>
    [Range(1, 3600)]
    public int WatchSeconds { get; set; } = 10;

    /// <summary>Retries of a batch that met a concurrent writer of the same message or alarm.</summary>
    [Range(1, 20)]
    public int ConflictRetries { get; set; } = 5;

    /// <summary>
    /// Most device messages one commit of the sink takes from its queue. Larger groups share a commit among
    /// more devices; smaller ones keep each transaction, and the wait of the callers behind it, short.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxGroupMessages { get; set; } = 4000;

    public VerificationOptions Verification { get; set; } = new();
}
