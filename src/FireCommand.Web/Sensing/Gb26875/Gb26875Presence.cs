using FireCommand.Core.Sensing;
using FireCommand.Core.Sensing.Gb26875;

namespace FireCommand.Web.Sensing.Gb26875;

/// <summary>
/// Which transmission devices have a live connection, reported to the sink as status messages: <c>online</c>
/// when a device's first frame arrives on a connection while it was not online, <c>offline</c> when its last
/// connection has been closed (by the device, a network fault or the idle timeout) for the grace period
/// without a new one. A device that reconnects within the grace period (a router restart, a new socket after
/// an error) was never reported offline, so its place does not show a weakness that was not there. The
/// platform's own shutdown reports nothing: the devices did not go away. Thread-safe.
/// </summary>
internal sealed class Gb26875Presence(IDeviceMessageSink sink, TimeProvider clock, TimeSpan grace, ILogger logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Gb26875Address, Entry> _devices = [];

    private sealed class Entry
    {
        public int Connections;
        public bool Online;
        public CancellationTokenSource? PendingOffline;
    }

    /// <summary>A connection carries frames of <paramref name="device"/> for the first time; reports it online unless it is.</summary>
    public async Task ConnectedAsync(Gb26875Address device, CancellationToken ct)
    {
        lock (_lock)
        {
            if (!_devices.TryGetValue(device, out var entry)) _devices[device] = entry = new Entry();
            entry.Connections++;
            entry.PendingOffline?.Cancel();
            entry.PendingOffline = null;
            if (entry.Online) return;
            entry.Online = true;
        }
        if (!await ReportAsync(device, "online", null, ct))
            lock (_lock)
                if (_devices.TryGetValue(device, out var entry)) entry.Online = false; // the next connection tries again
    }

    /// <summary>A connection that carried <paramref name="device"/> closed; the device goes offline after the grace period unless it reconnects.</summary>
    public void Disconnected(Gb26875Address device, string reason, CancellationToken stopping)
    {
        CancellationTokenSource pending;
        lock (_lock)
        {
            if (!_devices.TryGetValue(device, out var entry) || --entry.Connections > 0) return;
            entry.PendingOffline?.Cancel();
            entry.PendingOffline = pending = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        }
        _ = OfflineAfterGraceAsync(device, reason, pending);
    }

    private async Task OfflineAfterGraceAsync(Gb26875Address device, string reason, CancellationTokenSource pending)
    {
        try
        {
            await Task.Delay(grace, clock, pending.Token);
        }
        catch (OperationCanceledException)
        {
            return; // reconnected, or the platform stops
        }
        lock (_lock)
        {
            if (!_devices.TryGetValue(device, out var entry) || !ReferenceEquals(entry.PendingOffline, pending) || entry.Connections > 0) return;
            _devices.Remove(device);
        }
        pending.Dispose();
        await ReportAsync(device, "offline", reason, CancellationToken.None);
    }

    private async Task<bool> ReportAsync(Gb26875Address device, string type, string? text, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // No message id: every change of presence is a fact of its own, never a retransmission.
        var message = new DeviceMessage(Gb26875MessageMapper.DeviceKey(device), DeviceTransport.Gb26875, DeviceMessageKind.Status, type,
            null, null, null, text, null, now, null);
        try
        {
            await sink.AcceptAsync([message], ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Gb26875Log.PresenceNotStored(logger, e, device.ToString(), type);
            return false;
        }
    }
}
