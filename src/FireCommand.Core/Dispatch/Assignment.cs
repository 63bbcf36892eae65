using FireCommand.Core.Shared;

namespace FireCommand.Core.Dispatch;

/// <summary>
/// A unit sent to an incident, with its timestamps. A unit has at most one open assignment (a
/// unique index on open rows enforces it in the database, the unit's concurrency token in EF).
/// </summary>
public sealed class Assignment : IJurisdictionScoped
{
    public long Id { get; set; }
    public long IncidentId { get; set; }
    public long UnitId { get; set; }
    /// <summary>The plan slot the unit fills, e.g. "水罐/主战 2".</summary>
    public string? Slot { get; set; }
    public int? EtaSeconds { get; set; }
    /// <summary>The unit belongs to another jurisdiction than the incident (跨区增援).</summary>
    public bool CrossJurisdiction { get; set; }
    public DateTimeOffset DispatchedAt { get; set; }
    public DateTimeOffset? EnRouteAt { get; set; }
    public DateTimeOffset? OnSceneAt { get; set; }
    public DateTimeOffset? ClearedAt { get; set; }
    public required string DispatchedBy { get; set; }
    /// <summary>The incident's jurisdiction: the assignment is seen by who sees the incident.</summary>
    public long JurisdictionId { get; set; }

    public bool IsOpen => ClearedAt is null;
}
