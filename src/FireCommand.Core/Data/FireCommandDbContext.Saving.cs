using System.Text.Json;
using FireCommand.Core.Audit;
using FireCommand.Core.Resources;
using FireCommand.Core.Security;
using FireCommand.Core.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace FireCommand.Core.Data;

public abstract partial class FireCommandDbContext
{
    // Never written to the audit trail: credentials and Identity's internal stamps.
    private static readonly HashSet<string> Secret =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Version", "KeyHash"];

    // Vehicle positions (AVL telemetry) change every few seconds; a row per fix would drown the
    // trail, so a change of these alone is not audited. Status changes always are.
    private static readonly HashSet<string> Telemetry = ["Position"];

    /// <summary>When false, saves skip the audit trail (bulk seeding of the demo province only).</summary>
    public bool AuditEnabled { get; set; } = true;

    // Records outside the caller's scope that a use case has decided the caller may change.
    private readonly HashSet<object> _allowedOutsideScope = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Lets saves of this context change <paramref name="entity"/>, a tracked record outside the
    /// caller's jurisdiction, because the calling use case has decided the caller may: a unit sent
    /// to another jurisdiction's incident reports its status to both. Only changes of the record
    /// pass; adding or deleting it, or moving it to another jurisdiction, is still refused. The audit
    /// row names the caller as usual.
    /// </summary>
    public void AllowChangeOutsideScope(object entity) => _allowedOutsideScope.Add(entity);

    // Warnings the caller was given about a record, written beside the record's own audit row.
    private readonly List<(object Entity, string Warning)> _warnings = [];

    /// <summary>
    /// Records in the audit trail, with the next save of <paramref name="entity"/>, a warning the
    /// caller was given about it (action "Warning"), so a questionable record can be traced later.
    /// </summary>
    public void AuditWarning(object entity, string warning) => _warnings.Add((entity, warning));

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Checks every change against the caller's jurisdiction, saves, and writes the audit rows in the
    /// same transaction, so a change and its audit entry commit or fail together.
    /// </summary>
    /// <remarks>
    /// Changes are detected once, here: listing the entries and each of the (up to two) saves below would
    /// otherwise compare every tracked record with its snapshot again, though nothing can change between
    /// them but the audit rows this method adds, which are tracked as added when they are created.
    /// </remarks>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        ChangeTracker.DetectChanges();
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SaveDetectedChangesAsync(acceptAllChangesOnSuccess, ct);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    private async Task<int> SaveDetectedChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        var changed = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                        && e.Entity is not AuditEntry)
            .ToList();
        foreach (var entry in changed) EnforceScope(entry);
        if (!AuditEnabled || changed.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);

        // Added rows are described after the save, when their generated keys are known; changed and
        // deleted rows before it, while their original values are still tracked.
        var audited = changed.Where(e => e.State is not EntityState.Modified ||
                                          e.Properties.Any(p => p.IsModified && !Telemetry.Contains(p.Metadata.Name))).ToList();
        if (audited.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        var pending = audited.Select(e => (Entry: e, Action: e.State,
            Changes: e.State is EntityState.Added ? null : DescribeChanges(e, e.State))).ToList();
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(ct)
            : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            var at = _clock.GetUtcNow();
            foreach (var (entry, action, changes) in pending)
            {
                AuditEntries.Add(new AuditEntry
                {
                    At = at,
                    UserId = _actor.UserId,
                    UserName = _actor.UserName,
                    Action = action.ToString(),
                    Entity = entry.Metadata.ClrType.Name,
                    EntityId = KeyOf(entry),
                    Changes = changes ?? DescribeChanges(entry, action),
                    JurisdictionId = (entry.Entity as IJurisdictionScoped)?.JurisdictionId,
                });
                foreach (var (_, warning) in _warnings.Where(w => ReferenceEquals(w.Entity, entry.Entity)))
                    AuditEntries.Add(new AuditEntry
                    {
                        At = at, UserId = _actor.UserId, UserName = _actor.UserName, Action = "Warning",
                        Entity = entry.Metadata.ClrType.Name, EntityId = KeyOf(entry),
                        Changes = JsonSerializer.Serialize(new { warning }, AuditJson),
                        JurisdictionId = (entry.Entity as IJurisdictionScoped)?.JurisdictionId,
                    });
            }
            _warnings.Clear();
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
            return count;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    private void EnforceScope(EntityEntry entry)
    {
        if (_scope.SeesAll) return;
        if (entry.State is EntityState.Modified && _allowedOutsideScope.Contains(entry.Entity) &&
            entry.Entity is IJurisdictionScoped &&
            !entry.Property(nameof(IJurisdictionScoped.JurisdictionId)).IsModified)
            return;
        var name = entry.Metadata.ClrType.Name;
        switch (entry.Entity)
        {
            case IJurisdictionScoped scoped:
                Require(name, scoped.JurisdictionId);
                if (entry.State is EntityState.Modified &&
                    entry.Property(nameof(IJurisdictionScoped.JurisdictionId)).OriginalValue is long original)
                    Require(name, original);
                break;
            case Jurisdiction j:
                Require(name, j.ParentId ?? 0);
                break;
        }
    }

    private void Require(string entity, long jurisdictionId)
    {
        if (Array.IndexOf(_scope.VisibleIds, jurisdictionId) < 0)
            throw new JurisdictionViolationException(entity, jurisdictionId);
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? "" : string.Join(",", key.Properties.Select(p => entry.Property(p.Name).CurrentValue));
    }

    private static readonly JsonSerializerOptions AuditJson =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string DescribeChanges(EntityEntry entry, EntityState state)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var p in entry.Properties)
        {
            if (Secret.Contains(p.Metadata.Name)) continue;
            switch (state)
            {
                case EntityState.Added:
                    changes[p.Metadata.Name] = new { @new = Printable(p.CurrentValue) };
                    break;
                case EntityState.Deleted:
                    changes[p.Metadata.Name] = new { old = Printable(p.OriginalValue) };
                    break;
                case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                    changes[p.Metadata.Name] = new { old = Printable(p.OriginalValue), @new = Printable(p.CurrentValue) };
                    break;
            }
        }
        return JsonSerializer.Serialize(changes, AuditJson);
    }

    private static object? Printable(object? value) => value switch
    {
        NetTopologySuite.Geometries.Point pt => new { lat = pt.Y, lon = pt.X },
        NetTopologySuite.Geometries.Geometry g => $"{g.GeometryType} ({g.NumPoints} points)",
        Enum e => e.ToString(),
        _ => value,
    };
}
