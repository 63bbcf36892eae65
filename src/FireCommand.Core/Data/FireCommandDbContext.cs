using FireCommand.Core.Audit;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Map;
using FireCommand.Core.Resources;
using FireCommand.Core.Security;
using FireCommand.Core.Shared;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Core.Data;

/// <summary>
/// The system of record. Provider-specific subclasses (<see cref="SqliteFireCommandDbContext"/>,
/// <see cref="PostgresFireCommandDbContext"/>) own their migrations and geometry mapping. Every
/// query of a jurisdiction-scoped record is filtered to the caller's scope, and every save is
/// checked against it and audited in the same transaction. One instance per request; not thread-safe.
/// </summary>
public abstract partial class FireCommandDbContext : IdentityDbContext<AppUser>
{
    private readonly IJurisdictionScope _scope;
    private readonly IAuditActor _actor;
    private readonly TimeProvider _clock;

    protected FireCommandDbContext(DbContextOptions options, IJurisdictionScope scope, IAuditActor actor,
        TimeProvider clock) : base(options)
    {
        _scope = scope;
        _actor = actor;
        _clock = clock;
    }

    public DbSet<Jurisdiction> Jurisdictions => Set<Jurisdiction>();
    public DbSet<Station> Stations => Set<Station>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Personnel> Personnel => Set<Personnel>();
    public DbSet<WaterSource> WaterSources => Set<WaterSource>();
    public DbSet<KeyPlace> KeyPlaces => Set<KeyPlace>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<Alarm> Alarms => Set<Alarm>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<ResponsePlanDocument> ResponsePlanDocuments => Set<ResponsePlanDocument>();
    public DbSet<Settlement> Settlements => Set<Settlement>();
    public DbSet<RoadSegment> RoadSegments => Set<RoadSegment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Map.Province.ProvinceRecordKey> ProvinceRecordKeys => Set<Map.Province.ProvinceRecordKey>();

    /// <summary>The scope this context filters by.</summary>
    public IJurisdictionScope Scope => _scope;

    // Query filters read these per context instance (EF parameterises context members).
    private bool ScopeSeesAll => _scope.SeesAll;
    private long[] ScopeIds => _scope.VisibleIds;

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);

        b.Entity<AppUser>(e => e.Property(u => u.DisplayName).HasMaxLength(100));

        b.Entity<Jurisdiction>(e =>
        {
            e.Property(j => j.Name).HasMaxLength(100);
            e.Property(j => j.Code).HasMaxLength(12);
            e.HasIndex(j => j.Code).IsUnique();
            e.HasOne(j => j.Parent).WithMany().HasForeignKey(j => j.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(j => ScopeSeesAll || ScopeIds.Contains(j.Id));
        });
        b.Entity<Station>(e =>
        {
            e.Property(s => s.Name).HasMaxLength(100);
            e.Property(s => s.Address).HasMaxLength(200);
            e.Property(s => s.Phone).HasMaxLength(30);
            e.HasOne(s => s.Jurisdiction).WithMany().HasForeignKey(s => s.JurisdictionId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(s => s.JurisdictionId);
            e.HasQueryFilter(s => ScopeSeesAll || ScopeIds.Contains(s.JurisdictionId));
        });
        b.Entity<Unit>(e =>
        {
            e.Property(u => u.CallSign).HasMaxLength(60);
            e.Property(u => u.PlateNumber).HasMaxLength(20);
            e.Property(u => u.Status);
            e.Property(u => u.Version).IsConcurrencyToken();
            e.HasOne(u => u.HomeStation).WithMany().HasForeignKey(u => u.HomeStationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(u => u.JurisdictionId);
            e.HasIndex(u => u.Status);
            e.HasQueryFilter(u => ScopeSeesAll || ScopeIds.Contains(u.JurisdictionId));
        });
        b.Entity<Personnel>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(50);
            e.Property(p => p.Post).HasMaxLength(30);
            e.Property(p => p.Phone).HasMaxLength(30);
            e.HasOne(p => p.Station).WithMany().HasForeignKey(p => p.StationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => p.JurisdictionId);
            e.HasQueryFilter(p => ScopeSeesAll || ScopeIds.Contains(p.JurisdictionId));
        });
        b.Entity<WaterSource>(e =>
        {
            e.Property(w => w.Code).HasMaxLength(30);
            e.Property(w => w.Address).HasMaxLength(200);
            e.HasIndex(w => w.JurisdictionId);
            e.HasQueryFilter(w => ScopeSeesAll || ScopeIds.Contains(w.JurisdictionId));
        });
        b.Entity<KeyPlace>(e =>
        {
            e.Property(k => k.Name).HasMaxLength(100);
            e.Property(k => k.Address).HasMaxLength(200);
            e.Property(k => k.ResponsiblePerson).HasMaxLength(50);
            e.Property(k => k.Phone).HasMaxLength(30);
            e.Property(k => k.ResponsePlanJson).HasMaxLength(20_000);
            e.HasIndex(k => k.JurisdictionId);
            e.HasQueryFilter(k => ScopeSeesAll || ScopeIds.Contains(k.JurisdictionId));
        });
        b.Entity<Incident>(e =>
        {
            e.Property(i => i.Number).HasMaxLength(30);
            e.HasIndex(i => i.Number).IsUnique();
            e.Property(i => i.Subtype).HasMaxLength(50);
            e.Property(i => i.Address).HasMaxLength(200);
            e.Property(i => i.Description).HasMaxLength(2000);
            e.Property(i => i.Outcome).HasMaxLength(2000);
            e.Property(i => i.FireLevel);
            e.Property(i => i.State);
            e.HasIndex(i => new { i.JurisdictionId, i.State });
            e.HasQueryFilter(i => ScopeSeesAll || ScopeIds.Contains(i.JurisdictionId));
        });
        b.Entity<Alarm>(e =>
        {
            e.Property(a => a.CallerNumber).HasMaxLength(30);
            e.Property(a => a.CallerName).HasMaxLength(50);
            e.Property(a => a.AddressText).HasMaxLength(200);
            e.Property(a => a.Subtype).HasMaxLength(50);
            e.Property(a => a.Description).HasMaxLength(2000);
            e.Property(a => a.ExternalId).HasMaxLength(100);
            e.Property(a => a.TakenBy).HasMaxLength(256);
            e.HasOne<Incident>().WithMany().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => a.IncidentId);
            // A repeated delivery from the same device or agency is one alarm, not two. Sending systems
            // number their devices per city, so the same id may recur in another jurisdiction: the key
            // includes the jurisdiction, and a device elsewhere never hides (or reveals) this one's alarm.
            e.HasIndex(a => new { a.Source, a.JurisdictionId, a.ExternalId }).IsUnique().HasFilter("\"ExternalId\" IS NOT NULL");
            e.HasQueryFilter(a => ScopeSeesAll || ScopeIds.Contains(a.JurisdictionId));
        });
        b.Entity<Assignment>(e =>
        {
            e.Property(a => a.Slot).HasMaxLength(100);
            e.Property(a => a.DispatchedBy).HasMaxLength(256);
            e.Ignore(a => a.IsOpen);
            e.HasOne<Incident>().WithMany().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => a.IncidentId);
            // The database's own guard that a unit is never on two incidents at once.
            e.HasIndex(a => a.UnitId).IsUnique().HasFilter("\"ClearedAt\" IS NULL").HasDatabaseName("IX_Assignments_OpenPerUnit");
            e.HasQueryFilter(a => ScopeSeesAll || ScopeIds.Contains(a.JurisdictionId));
        });
        b.Entity<ResponsePlanDocument>(e => e.Property(d => d.SavedBy).HasMaxLength(256));
        b.Entity<Settlement>(e =>
        {
            e.Property(s => s.Name).HasMaxLength(60);
            e.HasIndex(s => s.Name);
        });
        b.Entity<RoadSegment>(e => e.Property(r => r.Name).HasMaxLength(100));
        b.Entity<Map.Province.ProvinceRecordKey>(e =>
        {
            e.Property(k => k.Kind).HasMaxLength(24);
            e.Property(k => k.Key).HasMaxLength(300);
            e.HasIndex(k => new { k.Kind, k.Key }).IsUnique();
        });
        b.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.UserId).HasMaxLength(64);
            e.Property(a => a.UserName).HasMaxLength(256);
            e.Property(a => a.Action).HasMaxLength(16);
            e.Property(a => a.Entity).HasMaxLength(64);
            e.Property(a => a.EntityId).HasMaxLength(200);
            e.HasIndex(a => new { a.Entity, a.EntityId });
            e.HasIndex(a => a.At);
        });
        ConfigureLinkage(b);
        ConfigureSensing(b);
    }
}
