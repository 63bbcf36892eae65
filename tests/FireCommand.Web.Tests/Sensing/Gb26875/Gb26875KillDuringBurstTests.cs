using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using FireCommand.Core.Sensing.Gb26875;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace FireCommand.Web.Tests.Sensing.Gb26875;

/// <summary>
/// The gateway's promise under a hard stop: the built program runs as a separate process on its own data,
/// 50 transmission devices send fire, fault and status frames over loopback TCP as fast as each is
/// confirmed, and the process is killed (SIGKILL) in the middle of the burst. After a restart on the same
/// data, every frame that was confirmed is stored exactly once, and frames sent again (confirmed ones, as a
/// device repeats one whose confirm it missed, and the ones cut off unconfirmed) are stored once too.
/// </summary>
public sealed class Gb26875KillDuringBurstTests : IAsyncLifetime
{
    private const int Devices = 50;
    private const int ConfirmsBeforeKill = 600;
    private const ulong FirstAddress = 0x5A0000000000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly BuiltProgram _program = new();
    private readonly int _gatewayPort = BuiltProgram.FreePort();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _program.DisposeAsync();

    [Fact]
    public async Task KilledMidBurst_EveryConfirmedFrameIsStoredExactlyOnce_AndRepeatsAfterRestartToo()
    {
        await StartAsync();
        var confirmed = new ConcurrentDictionary<(ulong Address, ushort Serial), byte[]>();
        var unconfirmed = new ConcurrentDictionary<ulong, byte[]>(); // per device: the frame sent when the process died
        using var burst = new CancellationTokenSource();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var devices = Enumerable.Range(0, Devices).Select(i => Task.Run(() =>
            DeviceAsync(FirstAddress + (ulong)i, confirmed, unconfirmed, enough, burst.Token))).ToArray();

        await enough.Task.WaitAsync(TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);
        await _program.KillAsync(); // SIGKILL: no shutdown, no flush, in the middle of frames being stored and confirmed
        await Task.WhenAll(devices).WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.True(confirmed.Count >= ConfirmsBeforeKill, $"only {confirmed.Count} frames were confirmed before the kill");

        await StartAsync();
        // Before any device repeats anything: what was confirmed is there, once.
        AssertEachConfirmedFrameStoredOnce(confirmed.Keys, StoredMessagesPerFrame());

        // Each device repeats the last frame it had confirmed (as when a confirm is lost) and the one it was cut off in.
        var again = confirmed.GroupBy(c => c.Key.Address).Select(g => g.MaxBy(c => c.Key.Serial)).ToList();
        await Task.WhenAll(again.Select(c => RepeatAsync(c.Key.Address, c.Value))
            .Concat(unconfirmed.Select(u => RepeatAsync(u.Key, u.Value))));

        var stored = StoredMessagesPerFrame();
        AssertEachConfirmedFrameStoredOnce(confirmed.Keys, stored);
        foreach (var (address, frame) in unconfirmed)
            Assert.Equal(1, stored.GetValueOrDefault((address, SerialOf(frame))));
    }

    private static void AssertEachConfirmedFrameStoredOnce(ICollection<(ulong Address, ushort Serial)> confirmed,
        Dictionary<(ulong Address, ushort Serial), int> stored)
    {
        var lost = confirmed.Where(k => stored.GetValueOrDefault(k) == 0).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {confirmed.Count} confirmed frames are not stored, e.g. {string.Join(", ", lost.Take(5))}");
        var repeated = stored.Where(s => s.Value != 1).ToList();
        Assert.True(repeated.Count == 0, $"frames stored more than once: {string.Join(", ", repeated.Take(5))}");
    }

    /// <summary>One device: frames one after another, each sent when the previous one was confirmed.</summary>
    private async Task DeviceAsync(ulong address, ConcurrentDictionary<(ulong, ushort), byte[]> confirmed,
        ConcurrentDictionary<ulong, byte[]> unconfirmed, TaskCompletionSource enough, CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, _gatewayPort, ct);
            var stream = client.GetStream();
            for (ushort serial = 1; serial < ushort.MaxValue; serial++)
            {
                var frame = Frame(address, serial);
                unconfirmed[address] = frame;
                await stream.WriteAsync(frame, ct);
                var answer = await ReadAnswerAsync(stream, ct);
                if (answer.Command != Gb26875Command.Confirm || answer.Serial != serial) return;
                confirmed[(address, serial)] = frame;
                unconfirmed.TryRemove(address, out _);
                if (confirmed.Count >= ConfirmsBeforeKill) enough.TrySetResult();
            }
        }
        catch (Exception e) when (e is IOException or SocketException or EndOfStreamException or OperationCanceledException)
        {
            // the process was killed under this device
        }
    }

    /// <summary>Sends one frame again on a new connection and waits for its confirm.</summary>
    private async Task RepeatAsync(ulong address, byte[] frame)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _gatewayPort, TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(frame, TestContext.Current.CancellationToken);
        var answer = await ReadAnswerAsync(stream, TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal((Gb26875Command.Confirm, SerialOf(frame), address), (answer.Command, answer.Serial, answer.Destination.Value));
    }

    /// <summary>A fire (component state), a fault (component state) or a mains fault (device state), one message each.</summary>
    private static byte[] Frame(ulong address, ushort serial)
    {
        var at = new Gb26875Time((byte)(serial % 60), (byte)(serial / 60 % 60), 12, 3, 12, 26);
        var component = Gb26875ComponentAddress.Of((ushort)(serial % 100), 1);
        var adu = (serial % 3) switch
        {
            0 => Gb26875Adu.Of(2, new Gb26875ComponentState(1, 1, 40, component, 0x0002, Gb26875Description.Empty, at)),
            1 => Gb26875Adu.Of(2, new Gb26875ComponentState(1, 1, 40, component, 0x0004, Gb26875Description.Empty, at)),
            _ => Gb26875Adu.Of(21, new Gb26875DeviceState(0x08, at)),
        };
        return Gb26875FrameCodec.Encode(new Gb26875Frame(serial, 1, 1, at, new Gb26875Address(address), new Gb26875Address(0),
            Gb26875Command.SendData, adu));
    }

    private static ushort SerialOf(byte[] frame) => (ushort)(frame[2] | frame[3] << 8);

    private static async Task<Gb26875Frame> ReadAnswerAsync(NetworkStream stream, CancellationToken ct)
    {
        var bytes = new byte[Gb26875FrameCodec.Overhead]; // confirm and deny carry no ADU
        await stream.ReadExactlyAsync(bytes, ct);
        var result = Gb26875FrameCodec.Decode(bytes);
        Assert.True(result.IsValid, result.Error);
        return result.Frame!;
    }

    /// <summary>
    /// Stored messages per frame, read straight from the database file: a message id begins with the device's
    /// address and the frame's serial (docs/gb26875.md), and each frame sent here carries one message.
    /// </summary>
    private Dictionary<(ulong Address, ushort Serial), int> StoredMessagesPerFrame()
    {
        var counts = new Dictionary<(ulong, ushort), int>();
        using var db = new SqliteConnection($"Data Source={Path.Combine(_program.DataDir, "firecommand.db")};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var query = db.CreateCommand();
        query.CommandText = "SELECT MessageId FROM DeviceMessages WHERE DeviceKey LIKE 'gb26875:5a%' AND MessageId IS NOT NULL";
        using var rows = query.ExecuteReader();
        while (rows.Read())
        {
            var parts = rows.GetString(0).Split('-');
            var key = (ulong.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                ushort.Parse(parts[1], CultureInfo.InvariantCulture));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    private Task StartAsync() => _program.StartAsync(new Dictionary<string, string>
    {
        ["Demo__Enabled"] = "false", // an empty province: only the devices of this test write
        ["Security__AdminPassword"] = "Admin#Test-2026",
        ["Sensing__Gb26875__Enabled"] = "true",
        ["Sensing__Gb26875__Address"] = "127.0.0.1",
        ["Sensing__Gb26875__Port"] = _gatewayPort.ToString(CultureInfo.InvariantCulture),
        ["Sensing__Gb26875__MaxConnectionsPerAddress"] = "200",
    }, GatewayListensAsync);

    private async Task<bool> GatewayListensAsync()
    {
        try
        {
            using var probe = new TcpClient();
            await probe.ConnectAsync(IPAddress.Loopback, _gatewayPort, TestContext.Current.CancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
