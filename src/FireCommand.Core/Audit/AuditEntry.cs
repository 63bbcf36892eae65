namespace FireCommand.Core.Audit;

/// <summary>One change of one record: who, when, what. Written in the same transaction as the change.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    /// <summary>Added, Modified or Deleted.</summary>
    public required string Action { get; set; }
    public required string Entity { get; set; }
    public required string EntityId { get; set; }
    /// <summary>JSON object of changed properties: {"Name":{"old":…,"new":…}}; secrets are never written.</summary>
    public required string Changes { get; set; }
    public long? JurisdictionId { get; set; }
}

/// <summary>Who is acting: the signed-in user, or the platform itself.</summary>
public interface IAuditActor
{
    string UserId { get; }
    string UserName { get; }
}

/// <summary>The platform acting on its own (seeding, simulation).</summary>
public sealed class SystemActor : IAuditActor
{
    public static SystemActor Instance { get; } = new();
    public string UserId => "system";
    public string UserName => "system";
}
