using FireCommand.Core.Sensing.Mqtt;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Core.Data;

public abstract partial class FireCommandDbContext
{
    public DbSet<MqttDeviceCredential> MqttDeviceCredentials => Set<MqttDeviceCredential>();

    /// <summary>Tables of MQTT device provisioning.</summary>
    private void ConfigureMqtt(ModelBuilder b) =>
        b.Entity<MqttDeviceCredential>(e =>
        {
            e.Property(c => c.DeviceId).HasMaxLength(MqttTopic.MaxDeviceIdLength);
            e.HasIndex(c => c.DeviceId).IsUnique();
            e.Property(c => c.PasswordHash).HasMaxLength(200);
            e.Property(c => c.IssuedBy).HasMaxLength(256);
            e.HasOne<Resources.Jurisdiction>().WithMany().HasForeignKey(c => c.JurisdictionId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(c => ScopeSeesAll || ScopeIds.Contains(c.JurisdictionId));
        });
}
