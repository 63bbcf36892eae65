using FireCommand.Core.Shared;
using FireCommand.Geo.Coordinates;
using NetTopologySuite.Geometries;

namespace FireCommand.Core.Dispatch;

/// <summary>Where an alarm came from (报警来源).</summary>
public enum AlarmSource
{
    /// <summary>119 call</summary>
    Call119 = 1,
    /// <summary>Automatic fire alarm system / remote monitoring (自动报警)</summary>
    AutomaticFireAlarm = 2,
    /// <summary>110 police linkage</summary>
    Police110 = 3,
    /// <summary>120 medical linkage</summary>
    Medical120 = 4,
    /// <summary>App or SMS report</summary>
    AppOrSms = 5,
}

/// <summary>
/// One report of an incident (one caller, one automatic alarm). An incident keeps every alarm
/// merged into it, so no caller's record is lost.
/// </summary>
public sealed class Alarm : IJurisdictionScoped
{
    public long Id { get; set; }
    public long IncidentId { get; set; }
    public AlarmSource Source { get; set; }
    public string? CallerNumber { get; set; }
    public string? CallerName { get; set; }
    /// <summary>The caller's position as reported, converted to WGS-84; null when none was given.</summary>
    public Point? ReportedLocation { get; set; }
    public CoordinateSystem? ReportedCoordinateSystem { get; set; }
    public string? AddressText { get; set; }
    public IncidentType Type { get; set; }
    public string? Subtype { get; set; }
    public string? Description { get; set; }
    public int Trapped { get; set; }
    public int Injured { get; set; }
    public long? KeyPlaceId { get; set; }
    /// <summary>Id given by the sending system (device, linked agency); repeated deliveries are recognised by it.</summary>
    public string? ExternalId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required string TakenBy { get; set; }
    public long JurisdictionId { get; set; }
}
