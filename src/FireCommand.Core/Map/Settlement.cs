using NetTopologySuite.Geometries;

namespace FireCommand.Core.Map;

/// <summary>Settlement size classes, from the city centre down to a hamlet.</summary>
public enum SettlementKind
{
    /// <summary>地级市 city centre</summary>
    City = 1,
    /// <summary>县城 county seat</summary>
    CountySeat = 2,
    /// <summary>乡镇 town</summary>
    Town = 3,
    /// <summary>村 village</summary>
    Village = 4,
}

/// <summary>A named place people live in: used for the gazetteer, demand and labels.</summary>
public sealed class Settlement
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public SettlementKind Kind { get; set; }
    public required Point Location { get; set; }
    public int Population { get; set; }
    public long JurisdictionId { get; set; }
}
