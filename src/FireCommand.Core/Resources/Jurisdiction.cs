using NetTopologySuite.Geometries;

namespace FireCommand.Core.Resources;

/// <summary>Levels of the fire-rescue organisation: 总队 → 支队 → 大队.</summary>
public enum JurisdictionLevel
{
    /// <summary>总队, the provincial corps.</summary>
    Corps = 1,
    /// <summary>支队, a city detachment.</summary>
    Detachment = 2,
    /// <summary>大队, a county or district brigade.</summary>
    Brigade = 3,
}

/// <summary>A node of the jurisdiction tree with its boundary.</summary>
public sealed class Jurisdiction
{
    public long Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Administrative division code (GB/T 2260 style), unique.</summary>
    public required string Code { get; set; }
    public JurisdictionLevel Level { get; set; }
    public long? ParentId { get; set; }
    public Jurisdiction? Parent { get; set; }
    /// <summary>Boundary polygon(s), WGS-84.</summary>
    public MultiPolygon? Boundary { get; set; }
}
