using FireCommand.Core.Shared;
using NetTopologySuite.Geometries;

namespace FireCommand.Core.Resources;

/// <summary>Categories of key places; a place may carry several.</summary>
[Flags]
public enum KeyPlaceCategory
{
    None = 0,
    /// <summary>高层建筑 (高)</summary>
    HighRise = 1 << 0,
    /// <summary>地下空间 (低)</summary>
    Underground = 1 << 1,
    /// <summary>大型综合体 (大)</summary>
    LargeComplex = 1 << 2,
    /// <summary>石油化工 (化)</summary>
    Petrochemical = 1 << 3,
    /// <summary>历史文化名城</summary>
    HistoricCity = 1 << 4,
    /// <summary>历史文化名镇</summary>
    HistoricTown = 1 << 5,
    /// <summary>历史文化名村</summary>
    HistoricVillage = 1 << 6,
    /// <summary>历史文化街区</summary>
    HistoricBlock = 1 << 7,
    /// <summary>文物建筑 (一文)</summary>
    CulturalRelic = 1 << 8,
    /// <summary>传统村落 (一传)</summary>
    TraditionalVillage = 1 << 9,
    /// <summary>易地扶贫搬迁安置点 (易迁点)</summary>
    RelocationSettlement = 1 << 10,
    /// <summary>农村火灾高风险区</summary>
    RuralHighRisk = 1 << 11,
    /// <summary>人员密集场所</summary>
    Crowded = 1 << 12,
}

/// <summary>A key fire-safety place (消防安全重点单位 or area).</summary>
public sealed class KeyPlace : IJurisdictionScoped
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public KeyPlaceCategory Categories { get; set; }
    public required Point Location { get; set; }
    public string? Address { get; set; }
    public int? Floors { get; set; }
    public double? HeightMeters { get; set; }
    public double? FloorAreaSquareMeters { get; set; }
    public int? Occupants { get; set; }
    public string? ResponsiblePerson { get; set; }
    public string? Phone { get; set; }
    public long JurisdictionId { get; set; }
    /// <summary>The place's own response plan (JSON, same form as a plan set), added to the standard plan.</summary>
    public string? ResponsePlanJson { get; set; }
    /// <summary>True when the corps' latest key-places file no longer lists the place. The row stays, because incidents and
    /// inspections refer to it; a file that lists it again brings it back.</summary>
    public bool Retired { get; set; }
}
