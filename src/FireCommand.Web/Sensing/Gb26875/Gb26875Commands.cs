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
        SendAsync(device, Gb26875Command.Control, SyncClock(), ct);

    /// <summary>Asks the staff on duty to answer at the device (ADU 91) within <paramref name="answerMinutes"/>; the device confirms, and the answer itself arrives later as an operation record (ADU 24).</summary>
    public Task<Gb26875Frame> DutyCheckAsync(Gb26875Address device, byte answerMinutes, CancellationToken ct) =>
        SendAsync(device, Gb26875Command.Control, DutyCheck(answerMinutes), ct);

    /// <summary>The clock sync ADU (90) with the corps' wall-clock time now: devices keep local time (§8.2.2).</summary>
    public Gb26875Adu SyncClock() => Gb26875Adu.Of(90, new Gb26875TimeObject(Now()));

    /// <summary>The duty check ADU (91) with the answer time in minutes, as the standard's example carries it.</summary>
    public static Gb26875Adu DutyCheck(byte answerMinutes) => Gb26875Adu.Of(91, new Gb26875Reserved(answerMinutes));

    /// <summary>Sends <paramref name="adu"/> to <paramref name="device"/> and returns its answer; see <see cref="ExchangeAsync"/>.</summary>
    public async Task<Gb26875Frame> SendAsync(Gb26875Address device, Gb26875Command command, Gb26875Adu adu, CancellationToken ct) =>
        (await ExchangeAsync(device, command, adu, ct)).Answer;

    /// <summary>
    /// Sends <paramref name="adu"/> to <paramref name="device"/> and returns the frame sent with its answer (confirm,
    /// deny or reply: the same serial from that device). Throws <see cref="Gb26875NotConnectedException"/> when the
    /// device is not connected, <see cref="Gb26875NoAnswerException"/> when no answer comes in time, and
    /// <see cref="IOException"/> when its connection closes first.
    /// </summary>
    public async Task<Gb26875Exchange> ExchangeAsync(Gb26875Address device, Gb26875Command command, Gb26875Adu adu, CancellationToken ct)
    {
        if (command is not (Gb26875Command.Control or Gb26875Command.Request))
            throw new ArgumentException("the centre sends control commands and requests", nameof(command));
        if (!_devices.TryGetValue(device, out var connection)) throw new Gb26875NotConnectedException(device);
        var o = options.Value;
        var frame = new Gb26875Frame(connection.NextSerial(), 1, 1, Now(), o.Centre, device, command, adu);
        var answer = connection.Expect(device, frame.Serial);
        try
        {
            await connection.SendAsync(frame, ct);
            return new Gb26875Exchange(frame, await answer.WaitAsync(TimeSpan.FromSeconds(o.AnswerTimeoutSeconds), clock, ct));
        }
        catch (TimeoutException)
        {
            throw new Gb26875NoAnswerException(device, frame.Serial, o.AnswerTimeoutSeconds);
        }
        finally
        {
            connection.Forget(frame.Serial);
        }
    }

    private Gb26875Time Now() => Gb26875Time.From(calendar.Local(clock.GetUtcNow()).DateTime);

    internal void Register(Gb26875Address device, Gb26875Connection connection) => _devices[device] = connection;

    internal void Unregister(Gb26875Connection connection)
    {
        foreach (var (address, c) in _devices)
            if (ReferenceEquals(c, connection)) _devices.TryRemove(new KeyValuePair<Gb26875Address, Gb26875Connection>(address, c));
    }
}

/// <summary>A downstream frame and the device's answer to it.</summary>
public sealed record Gb26875Exchange(Gb26875Frame Request, Gb26875Frame Answer);

/// <summary>The device has no open connection to the gateway.</summary>
public sealed class Gb26875NotConnectedException(Gb26875Address device)
    : InvalidOperationException($"device {device} is not connected")
{
    public Gb26875Address Device { get; } = device;
}

/// <summary>The device did not answer the request numbered <see cref="Serial"/> in time.</summary>
public sealed class Gb26875NoAnswerException(Gb26875Address device, ushort serial, int seconds)
    : TimeoutException($"device {device} did not answer serial {serial} within {seconds} s")
{
    public Gb26875Address Device { get; } = device;

    public ushort Serial { get; } = serial;
}
