using System.Collections.Concurrent;
using FireCommand.Core.Sensing.Gb26875;
using FireCommand.Core.Shared;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Sensing.Gb26875;

/// <summary>
/// Downstream commands to connected transmission devices (§6.2, §6.4): read state, sync the clock, duty
/// check (查岗), or any request or control ADU. Each waits for the answer with the same serial from that
/// device, up to <see cref="Gb26875GatewayOptions.AnswerTimeoutSeconds"/>. Thread-safe; a singleton.
/// </summary>
public sealed class Gb26875Commands(IOptions<Gb26875GatewayOptions> options, TimeProvider clock, CorpsCalendar calendar)
{
    private readonly ConcurrentDictionary<Gb26875Address, Gb26875Connection> _devices = new();

    /// <summary>Addresses of the devices connected now.</summary>
    public IReadOnlyCollection<Gb26875Address> Connected => _devices.Keys.ToList();

    public bool IsConnected(Gb26875Address device) => _devices.ContainsKey(device);

    /// <summary>Reads the device's own state (ADU 81); the answer is a reply carrying an ADU 21.</summary>
    public Task<Gb26875Frame> ReadDeviceStateAsync(Gb26875Address device, CancellationToken ct) =>
        SendAsync(device, Gb26875Command.Request, Gb26875Adu.Of(81, new Gb26875Reserved(0)), ct);

    /// <summary>Sets the device's clock (ADU 90) to the corps' wall-clock time now; the answer is a confirm or a deny.</summary>
    public Task<Gb26875Frame> SyncClockAsync(Gb26875Address device, CancellationToken ct) =>
        SendAsync(device, Gb26875Command.Control, Gb26875Adu.Of(90, new Gb26875TimeObject(Gb26875Time.From(calendar.Local(clock.GetUtcNow()).DateTime))), ct);

    /// <summary>Asks the staff on duty to answer at the device (ADU 91) within <paramref name="answerMinutes"/>; the device confirms, and the answer itself arrives later as an operation record (ADU 24).</summary>
    public Task<Gb26875Frame> DutyCheckAsync(Gb26875Address device, byte answerMinutes, CancellationToken ct) =>
        SendAsync(device, Gb26875Command.Control, Gb26875Adu.Of(91, new Gb26875Reserved(answerMinutes)), ct);

    /// <summary>
    /// Sends <paramref name="adu"/> to <paramref name="device"/> and returns its answer (confirm, deny or reply).
    /// Throws <see cref="InvalidOperationException"/> when the device is not connected and <see cref="TimeoutException"/>
    /// when no answer comes in time.
    /// </summary>
    public async Task<Gb26875Frame> SendAsync(Gb26875Address device, Gb26875Command command, Gb26875Adu adu, CancellationToken ct)
    {
        if (command is not (Gb26875Command.Control or Gb26875Command.Request))
            throw new ArgumentException("the centre sends control commands and requests", nameof(command));
        if (!_devices.TryGetValue(device, out var connection)) throw new InvalidOperationException($"device {device} is not connected");
        var o = options.Value;
        var frame = new Gb26875Frame(connection.NextSerial(), 1, 1, Gb26875Time.From(calendar.Local(clock.GetUtcNow()).DateTime), o.Centre, device,
            command, adu);
        var answer = connection.Expect(frame.Serial);
        try
        {
            await connection.SendAsync(frame, ct);
            return await answer.WaitAsync(TimeSpan.FromSeconds(o.AnswerTimeoutSeconds), clock, ct);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"device {device} did not answer serial {frame.Serial} within {o.AnswerTimeoutSeconds} s");
        }
        finally
        {
            connection.Forget(frame.Serial);
        }
    }

    internal void Register(Gb26875Address device, Gb26875Connection connection) => _devices[device] = connection;

    internal void Unregister(Gb26875Connection connection)
    {
        foreach (var (address, c) in _devices)
            if (ReferenceEquals(c, connection)) _devices.TryRemove(new KeyValuePair<Gb26875Address, Gb26875Connection>(address, c));
    }
}
