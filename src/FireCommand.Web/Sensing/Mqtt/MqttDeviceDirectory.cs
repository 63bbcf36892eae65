using FireCommand.Core.Data;
using FireCommand.Core.Sensing.Mqtt;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Sensing.Mqtt;

/// <summary>
/// Checks a device's MQTT credentials against the database on every connect, so a rotated or revoked
/// password is refused at once. Thread-safe (a data context per call).
/// </summary>
public sealed class MqttDeviceDirectory(IServiceScopeFactory scopes)
{
    public async Task<bool> VerifyAsync(string? deviceId, string? password, CancellationToken ct)
    {
        if (!MqttTopic.IsValidDeviceId(deviceId) || string.IsNullOrEmpty(password)) return false;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
        // The broker checks every device, whatever jurisdiction issued it.
        var hash = await db.MqttDeviceCredentials.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.DeviceId == deviceId).Select(c => c.PasswordHash).FirstOrDefaultAsync(ct);
        return MqttPassword.Verify(password, hash);
    }
}

/// <summary>Ends a device's live MQTT connection (after its credentials were rotated or revoked).</summary>
public interface IMqttDeviceSessions
{
    Task DisconnectAsync(string deviceId);
}

/// <summary>Without an embedded broker there is no session here to end: an external broker checks its password file.</summary>
internal sealed class NoMqttDeviceSessions : IMqttDeviceSessions
{
    public Task DisconnectAsync(string deviceId) => Task.CompletedTask;
}
