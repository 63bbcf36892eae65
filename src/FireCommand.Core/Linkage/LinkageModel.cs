using FireCommand.Core.Linkage;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Core.Data;

public abstract partial class FireCommandDbContext
{
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<LinkageTransfer> LinkageTransfers => Set<LinkageTransfer>();

    /// <summary>Tables of the linkage with partner agencies (三台联动).</summary>
    private void ConfigureLinkage(ModelBuilder b)
    {
        b.Entity<Partner>(e =>
        {
            e.Property(p => p.Code).HasMaxLength(30);
            e.HasIndex(p => p.Code).IsUnique();
            e.Property(p => p.Name).HasMaxLength(100);
            e.Property(p => p.KeyId).HasMaxLength(16);
            e.HasIndex(p => p.KeyId).IsUnique().HasFilter("\"KeyId\" IS NOT NULL");
            e.Property(p => p.KeyHash).HasMaxLength(32);
            e.HasOne<Resources.Jurisdiction>().WithMany().HasForeignKey(p => p.JurisdictionId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(p => ScopeSeesAll || ScopeIds.Contains(p.JurisdictionId));
        });
        b.Entity<LinkageTransfer>(e =>
        {
            e.Property(t => t.PartnerReference).HasMaxLength(60);
            e.Property(t => t.Reason).HasMaxLength(500);
            e.Property(t => t.CreatedBy).HasMaxLength(256);
            e.Property(t => t.AcknowledgedBy).HasMaxLength(50);
            e.Property(t => t.AcknowledgementNote).HasMaxLength(500);
            e.Property(t => t.State);
            e.HasOne<Partner>().WithMany().HasForeignKey(t => t.PartnerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Dispatch.Incident>().WithMany().HasForeignKey(t => t.IncidentId).OnDelete(DeleteBehavior.Restrict);
            // A partner's retry of the same case is the same transfer, never a second alarm.
            e.HasIndex(t => new { t.PartnerId, t.PartnerReference }).IsUnique().HasFilter("\"PartnerReference\" IS NOT NULL");
            e.HasIndex(t => t.IncidentId);
            e.HasIndex(t => new { t.PartnerId, t.State });
            e.HasQueryFilter(t => ScopeSeesAll || ScopeIds.Contains(t.JurisdictionId));
        });
    }
}
