using FireCommand.Core.Shared;
using NetTopologySuite.Geometries;

namespace FireCommand.Core.Resources;

/// <summary>Kinds of fire water source.</summary>
public enum WaterSourceKind
{
    /// <summary>市政消火栓</summary>
    Hydrant = 1,
    /// <summary>消防水池</summary>
    FirePool = 2,
    /// <summary>天然水源</summary>
    NaturalSource = 3,
    /// <summary>取水码头</summary>
    Intake = 4,
}

/// <summary>A hydrant, fire pool, natural source or intake.</summary>
public sealed class WaterSource : IJurisdictionScoped
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public WaterSourceKind Kind { get; set; }
    public required Point Location { get; set; }
    public string? Address { get; set; }
    /// <summary>Rated flow (hydrants: 10–15 L/s per GB 50974).</summary>
    public double? FlowLitersPerSecond { get; set; }
    /// <summary>Stored volume for pools and intakes.</summary>
    public double? CapacityCubicMeters { get; set; }
    public bool InService { get; set; } = true;
    public long JurisdictionId { get; set; }
}
