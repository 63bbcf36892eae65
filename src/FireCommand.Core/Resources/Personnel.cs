using FireCommand.Core.Shared;

namespace FireCommand.Core.Resources;

/// <summary>消防救援衔 (fire and rescue ranks), lowest first.</summary>
public enum FireRescueRank
{
    /// <summary>预备消防士</summary>
    ProbationaryFirefighter = 1,
    /// <summary>四级消防士</summary>
    Firefighter4 = 2,
    /// <summary>三级消防士</summary>
    Firefighter3 = 3,
    /// <summary>二级消防士</summary>
    Firefighter2 = 4,
    /// <summary>一级消防士</summary>
    Firefighter1 = 5,
    /// <summary>三级消防长</summary>
    SeniorFirefighter3 = 6,
    /// <summary>二级消防长</summary>
    SeniorFirefighter2 = 7,
    /// <summary>一级消防长</summary>
    SeniorFirefighter1 = 8,
    /// <summary>五级指挥员</summary>
    Officer5 = 9,
    /// <summary>四级指挥员</summary>
    Officer4 = 10,
    /// <summary>三级指挥员</summary>
    Officer3 = 11,
    /// <summary>二级指挥员</summary>
    Officer2 = 12,
    /// <summary>一级指挥员</summary>
    Officer1 = 13,
    /// <summary>三级指挥长</summary>
    Commander3 = 14,
    /// <summary>二级指挥长</summary>
    Commander2 = 15,
    /// <summary>一级指挥长</summary>
    Commander1 = 16,
    /// <summary>高级指挥长</summary>
    SeniorCommander = 17,
    /// <summary>助理总监</summary>
    AssistantDirector = 18,
    /// <summary>副总监</summary>
    DeputyDirector = 19,
    /// <summary>总监</summary>
    Director = 20,
    /// <summary>政府专职消防员 / 乡镇队员 (no rank)</summary>
    Civilian = 0,
}

/// <summary>A firefighter or officer on a station's roll.</summary>
public sealed class Personnel : IJurisdictionScoped
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public FireRescueRank Rank { get; set; }
    /// <summary>Post at the station, e.g. 站长, 指导员, 班长, 战斗员, 驾驶员.</summary>
    public required string Post { get; set; }
    public long StationId { get; set; }
    public Station? Station { get; set; }
    public long JurisdictionId { get; set; }
    public bool OnDuty { get; set; }
    public string? Phone { get; set; }
}
