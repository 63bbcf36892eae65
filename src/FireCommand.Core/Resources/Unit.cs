using FireCommand.Core.Shared;
using NetTopologySuite.Geometries;

namespace FireCommand.Core.Resources;

/// <summary>Apparatus types (车辆类型).</summary>
public enum ApparatusType
{
    /// <summary>水罐消防车</summary>
    WaterTender = 1,
    /// <summary>泡沫消防车</summary>
    Foam = 2,
    /// <summary>城市主战消防车</summary>
    MainPumper = 3,
    /// <summary>登高平台消防车</summary>
    AerialPlatform = 4,
    /// <summary>云梯消防车</summary>
    Ladder = 5,
    /// <summary>举高喷射消防车</summary>
    ElevatingJet = 6,
    /// <summary>抢险救援消防车</summary>
    Rescue = 7,
    /// <summary>排烟消防车</summary>
    SmokeExtraction = 8,
    /// <summary>照明消防车</summary>
    Lighting = 9,
    /// <summary>通信指挥消防车</summary>
    Command = 10,
    /// <summary>供气消防车</summary>
    AirSupply = 11,
    /// <summary>器材消防车</summary>
    Equipment = 12,
    /// <summary>化学洗消消防车</summary>
    Decontamination = 13,
    /// <summary>远程供水消防车</summary>
    LongDistanceWaterSupply = 14,
    /// <summary>消防摩托车 (micro stations, narrow streets)</summary>
    Motorcycle = 15,
}

/// <summary>What a unit can do; response plans ask for these.</summary>
[Flags]
public enum UnitCapability
{
    None = 0,
    Water = 1 << 0,
    Foam = 1 << 1,
    Aerial = 1 << 2,
    Rescue = 1 << 3,
    Hazmat = 1 << 4,
    SmokeExtraction = 1 << 5,
    Lighting = 1 << 6,
    Command = 1 << 7,
    AirSupply = 1 << 8,
    Equipment = 1 << 9,
    Decontamination = 1 << 10,
    WaterRelay = 1 << 11,
}

/// <summary>Raised when a status change is not in the GA/T 974.39 transition table.</summary>
public sealed class IllegalStatusChangeException(UnitStatus from, UnitStatus to)
    : InvalidOperationException($"Unit status cannot change from {from.Code()} to {to.Code()}.")
{
    public UnitStatus From { get; } = from;
    public UnitStatus To { get; } = to;
}

/// <summary>A fire apparatus (消防车) with its crew seats, capabilities and live status.</summary>
public sealed class Unit : IJurisdictionScoped
{
    public long Id { get; set; }
    /// <summary>Radio call sign, e.g. "滨江特勤站 水罐1".</summary>
    public required string CallSign { get; set; }
    public string? PlateNumber { get; set; }
    public ApparatusType Type { get; set; }
    public UnitCapability Capabilities { get; set; }
    public int WaterCapacityLiters { get; set; }
    public int FoamCapacityLiters { get; set; }
    public double ReachHeightMeters { get; set; }
    public int Seats { get; set; }
    public long HomeStationId { get; set; }
    public Station? HomeStation { get; set; }
    public long JurisdictionId { get; set; }
    public UnitStatus Status { get; private set; } = UnitStatus.Available;
    public DateTimeOffset StatusChangedAt { get; private set; }
    /// <summary>Last known position (AVL), WGS-84; at the home station when idle.</summary>
    public required Point Position { get; set; }
    /// <summary>Optimistic-concurrency token: two dispatchers cannot both commit a change of one unit.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Moves the unit to <paramref name="to"/> if the transition table allows it.</summary>
    /// <exception cref="IllegalStatusChangeException">The move is not allowed.</exception>
    public void ChangeStatus(UnitStatus to, DateTimeOffset at)
    {
        if (!UnitStatusCodes.CanChange(Status, to))
            throw new IllegalStatusChangeException(Status, to);
        Status = to;
        StatusChangedAt = at;
        Version = Guid.NewGuid();
    }

    /// <summary>Sets the initial status of a new unit (seeding, import), without transition rules.</summary>
    public void InitialiseStatus(UnitStatus status, DateTimeOffset at)
    {
        Status = status;
        StatusChangedAt = at;
    }
}
