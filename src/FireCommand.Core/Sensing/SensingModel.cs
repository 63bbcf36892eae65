using FireCommand.Core.Sensing;
using FireCommand.Core.Sensing.Alarms;
using FireCommand.Core.Sensing.Devices;
using FireCommand.Core.Sensing.Rules;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Core.Data;

public abstract partial class FireCommandDbContext
{
    public DbSet<MonitoredDevice> MonitoredDevices => Set<MonitoredDevice>();
    public DbSet<DevicePoint> DevicePoints => Set<DevicePoint>();
    public DbSet<DeviceProfile> DeviceProfiles => Set<DeviceProfile>();
    public DbSet<DeviceMessageRecord> DeviceMessages => Set<DeviceMessageRecord>();
    public DbSet<RuleMemory> RuleMemories => Set<RuleMemory>();
    public DbSet<SensingAlarm> SensingAlarms => Set<SensingAlarm>();
    public DbSet<SensingAlarmEvent> SensingAlarmEvents => Set<SensingAlarmEvent>();

    /// <summary>Tables of risk sensing: the device registry, the message log, rule memory and alarms.</summary>
    private void ConfigureSensing(ModelBuilder b)
    {
        b.Entity<MonitoredDevice>(e =>
        {
            e.Property(d => d.DeviceKey).HasMaxLength(80);
            e.HasIndex(d => d.DeviceKey).IsUnique();
            e.Property(d => d.Name).HasMaxLength(100);
            e.Property(d => d.ProfileCode).HasMaxLength(40);
            e.Property(d => d.Building).HasMaxLength(60);
            e.Property(d => d.Floor).HasMaxLength(20);
            e.Property(d => d.Zone).HasMaxLength(60);
            e.HasOne<Resources.KeyPlace>().WithMany().HasForeignKey(d => d.KeyPlaceId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(d => d.Points).WithOne().HasForeignKey(p => p.DeviceId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(d => d.JurisdictionId);
            e.HasIndex(d => d.KeyPlaceId);
            e.HasQueryFilter(d => ScopeSeesAll || ScopeIds.Contains(d.JurisdictionId));
        });
        b.Entity<DevicePoint>(e =>
        {
            e.Property(p => p.Component).HasMaxLength(40);
            e.Property(p => p.Building).HasMaxLength(60);
            e.Property(p => p.Floor).HasMaxLength(20);
            e.Property(p => p.Zone).HasMaxLength(60);
            e.Property(p => p.Description).HasMaxLength(200);
            e.HasIndex(p => new { p.DeviceId, p.Component }).IsUnique();
        });
        b.Entity<DeviceProfile>(e =>
        {
            e.Property(p => p.Code).HasMaxLength(40);
            e.HasIndex(p => p.Code).IsUnique();
            e.Property(p => p.Name).HasMaxLength(100);
            e.Property(p => p.RulesJson).HasMaxLength(20_000);
            // The standard profiles come with the schema, so every installation judges devices from the start.
            e.HasData(DefaultProfiles.All().Select((p, i) => { p.Id = i + 1; return p; }));
        });
        b.Entity<DeviceMessageRecord>(e =>
        {
            e.Property(m => m.DeviceKey).HasMaxLength(80);
            e.Property(m => m.Type).HasMaxLength(40);
            e.Property(m => m.Component).HasMaxLength(40);
            e.Property(m => m.Unit).HasMaxLength(20);
            e.Property(m => m.Text).HasMaxLength(500);
            e.Property(m => m.MessageId).HasMaxLength(80);
            // A retransmission (same id from the same device) is stored once, whichever node takes it.
            e.HasIndex(m => new { m.DeviceKey, m.MessageId }).IsUnique().HasFilter("\"MessageId\" IS NOT NULL");
            e.HasIndex(m => new { m.DeviceKey, m.ReceivedAt });
            e.HasQueryFilter(m => ScopeSeesAll || (m.JurisdictionId != null && ScopeIds.Contains(m.JurisdictionId.Value)));
        });
        b.Entity<RuleMemory>(e =>
        {
            e.Property(m => m.DeviceKey).HasMaxLength(80);
            e.Property(m => m.Component).HasMaxLength(40);
            e.Property(m => m.RuleCode).HasMaxLength(40);
            e.HasIndex(m => new { m.DeviceKey, m.Component, m.RuleCode }).IsUnique();
        });
        b.Entity<SensingAlarm>(e =>
        {
            e.Property(a => a.DeviceKey).HasMaxLength(80);
            e.Property(a => a.Component).HasMaxLength(40);
            e.Property(a => a.Type).HasMaxLength(40);
            e.Property(a => a.RuleCode).HasMaxLength(40);
            e.Property(a => a.Unit).HasMaxLength(20);
            e.Property(a => a.Building).HasMaxLength(60);
            e.Property(a => a.Floor).HasMaxLength(20);
            e.Property(a => a.Zone).HasMaxLength(60);
            e.Property(a => a.AcknowledgedBy).HasMaxLength(256);
            e.Property(a => a.AssignedTo).HasMaxLength(256);
            e.Property(a => a.ConfirmedBy).HasMaxLength(40);
            e.Property(a => a.ClosedBy).HasMaxLength(256);
            e.Ignore(a => a.IsOpen);
            e.Ignore(a => a.IsFire);
            e.HasOne<MonitoredDevice>().WithMany().HasForeignKey(a => a.DeviceId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Dispatch.Incident>().WithMany().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Restrict);
            // The database's own guard that one condition of one component is one open alarm, also when
            // two nodes raise it at the same moment: the second insert fails and is retried as an update.
            e.HasIndex(a => new { a.DeviceId, a.Component, a.Type }).IsUnique().HasFilter("\"ClosedAt\" IS NULL")
                .HasDatabaseName("IX_SensingAlarms_OpenPerCondition");
            e.HasIndex(a => new { a.JurisdictionId, a.State });
            e.HasIndex(a => a.KeyPlaceId);
            e.HasIndex(a => a.IncidentId);
            e.HasQueryFilter(a => ScopeSeesAll || ScopeIds.Contains(a.JurisdictionId));
        });
        b.Entity<SensingAlarmEvent>(e =>
        {
            e.Property(v => v.By).HasMaxLength(256);
            e.Property(v => v.Note).HasMaxLength(500);
            e.HasOne<SensingAlarm>().WithMany().HasForeignKey(v => v.AlarmId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(v => v.AlarmId);
        });
    }
}
