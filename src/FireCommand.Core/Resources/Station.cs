using FireCommand.Core.Shared;
using NetTopologySuite.Geometries;

namespace FireCommand.Core.Resources;

/// <summary>Kinds of fire station, from the largest to grassroots teams.</summary>
public enum StationKind
{
    /// <summary>特勤站</summary>
    Special = 1,
    /// <summary>一级站</summary>
    Class1 = 2,
    /// <summary>二级站</summary>
    Class2 = 3,
    /// <summary>小型站</summary>
    Small = 4,
    /// <summary>专职队 (government full-time team)</summary>
    FullTime = 5,
    /// <summary>乡镇专职队</summary>
    TownshipTeam = 6,
    /// <summary>微型消防站</summary>
    MicroStation = 7,
}

/// <summary>A fire station or grassroots team with its response district (责任区).</summary>
public sealed class Station : IJurisdictionScoped
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public StationKind Kind { get; set; }
    public required Point Location { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public long JurisdictionId { get; set; }
    public Jurisdiction? Jurisdiction { get; set; }
    /// <summary>Response district (责任区), WGS-84; 建标152-2017 sizes it so the edge is reached in 5 minutes. Several
    /// parts where the station reaches a piece beyond another station's area first (across a bridge, along a
    /// motorway).</summary>
    public MultiPolygon? District { get; set; }
    public double? DistrictAreaSquareKilometers { get; set; }
    /// <summary>True when the corps' latest province package no longer lists the station. The row stays, because incidents,
    /// personnel and the audit refer to it; its units are decommissioned, and it is left out of recommendations, move-ups
    /// and coverage. A package that lists it again brings it back.</summary>
    public bool Retired { get; set; }
}
