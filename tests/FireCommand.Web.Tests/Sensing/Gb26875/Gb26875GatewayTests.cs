using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using FireCommand.Core.Sensing;
using FireCommand.Core.Sensing.Gb26875;
using FireCommand.Core.Shared;
using FireCommand.Web.Sensing.Gb26875;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Tests.Sensing.Gb26875;

/// <summary>
/// The gateway on real loopback TCP with a sink that records what it committed: confirms only after the
/// commit, retransmissions under the same ids, denies for a bad checksum, recovery after garbage, the
/// per-address cap and a downstream request answered by serial.
/// </summary>
public sealed class Gb26875GatewayTests : IAsyncLifetime
{
    internal static readonly byte[] FireAlarm = Convert.FromHexString((
        "40 40 01 00 01 01 20 3A 09 1A 09 0C 79 03 00 00 00 00 38 5B 01 00 00 00 30 00 02 02 01 01 01 28 0A 00 02 00 02 00 " +
        "20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 00 02 3A 09 1A 09 0C 46 23 23").Replace(" ", ""));

    private static readonly Gb26875Address Device = new(889);

    private readonly RecordingSink _sink = new();
    private Gb26875Gateway _gateway = null!;
    private Gb26875Commands _commands = null!;
    private int _port;

    private Gb26875GatewayOptions Options { get; } = new() { Address = "127.0.0.1", Port = 0, MaxConnectionsPerAddress = 2, AnswerTimeoutSeconds = 5 };

    public async ValueTask InitializeAsync()
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        _commands = new Gb26875Commands(options, TimeProvider.System, CorpsCalendar.Default);
        _gateway = new Gb26875Gateway(options, [_sink], _commands, CorpsCalendar.Default, TimeProvider.System, NullLogger<Gb26875Gateway>.Instance);
        await _gateway.StartAsync(TestContext.Current.CancellationToken);
        _port = ((IPEndPoint)(await _gateway.Listening)!).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _sink.Release();
        await _gateway.StopAsync(CancellationToken.None);
        _gateway.Dispose();
    }

    private async Task<NetworkStream> Connect()
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _port, TestContext.Current.CancellationToken);
        return client.GetStream();
    }

    internal static async Task<Gb26875Frame> ReadFrame(NetworkStream stream)
    {
        var header = new byte[Gb26875FrameCodec.HeaderLength];
        await stream.ReadExactlyAsync(header, TestContext.Current.CancellationToken);
        var length = Gb26875FrameCodec.ReadHeader(header).FrameLength;
        var frame = new byte[length];
        header.CopyTo(frame, 0);
        await stream.ReadExactlyAsync(frame.AsMemory(header.Length), TestContext.Current.CancellationToken);
        var result = Gb26875FrameCodec.Decode(frame);
        Assert.True(result.IsValid, result.Error);
        return result.Frame!;
    }

    [Fact]
    public async Task FireAlarm_IsConfirmedOnlyAfterTheSinkCommitted()
    {
        _sink.Hold();
        var stream = await Connect();
        await stream.WriteAsync(FireAlarm, TestContext.Current.CancellationToken);
        await _sink.Entered.WaitAsync(TestContext.Current.CancellationToken);

        // The sink has the batch but has not committed: no confirm may be on its way.
        var early = ReadFrame(stream);
        var first = await Task.WhenAny(early, Task.Delay(500, TestContext.Current.CancellationToken));
        Assert.True(first != early, "the gateway confirmed before the sink committed");

        _sink.Release();
        var ack = await early;
        Assert.True(_sink.CommittedBeforeAck);
        Assert.Equal((Gb26875Command.Confirm, (ushort)1, Device, new Gb26875Address(88888)), (ack.Command, ack.Serial, ack.Destination, ack.Source));
        var message = Assert.Single(_sink.Committed);
        Assert.Equal(("gb26875:000000000379", "fire", "1-1/40-1002"), (message.DeviceKey, message.Type, message.Component));
    }

    [Fact]
    public async Task Retransmission_IsHandedOnUnderTheSameMessageId_AndConfirmedAgain()
    {
        var stream = await Connect();
        var again = FireAlarm.ToArray();
        again[6] = 0x25; // a later time label, as a repeat carries; the checksum follows
        again[^3] = (byte)(again[^3] + 0x25 - 0x20);

        await stream.WriteAsync(FireAlarm, TestContext.Current.CancellationToken);
        Assert.Equal(Gb26875Command.Confirm, (await ReadFrame(stream)).Command);
        await stream.WriteAsync(again, TestContext.Current.CancellationToken);
        Assert.Equal(Gb26875Command.Confirm, (await ReadFrame(stream)).Command);

        Assert.Equal(2, _sink.Committed.Count);
        Assert.Equal(_sink.Committed.First().MessageId, _sink.Committed.Last().MessageId);
    }

    [Fact]
    public async Task Garbage_ThenAFrame_StillGetsItsConfirm()
    {
        var stream = await Connect();
        await stream.WriteAsync((byte[])[0x00, 0x40, 0x40, 0x13, 0x37, 0x40, .. FireAlarm], TestContext.Current.CancellationToken);

        var ack = await ReadFrame(stream);
        Assert.Equal((Gb26875Command.Confirm, (ushort)1), (ack.Command, ack.Serial));
        Assert.Single(_sink.Committed);
    }

    [Fact]
    public async Task BadChecksum_IsDenied_AndNothingStored()
    {
        var stream = await Connect();
        var bad = FireAlarm.ToArray();
        bad[^3] ^= 0x01;
        await stream.WriteAsync(bad, TestContext.Current.CancellationToken);

        var nak = await ReadFrame(stream);
        Assert.Equal((Gb26875Command.Deny, (ushort)1, Device), (nak.Command, nak.Serial, nak.Destination));
        Assert.Empty(_sink.Committed);

        await stream.WriteAsync(FireAlarm, TestContext.Current.CancellationToken);
        Assert.Equal(Gb26875Command.Confirm, (await ReadFrame(stream)).Command);
    }

    [Fact]
    public async Task ThirdConnectionFromOneAddress_IsClosed()
    {
        var one = await Connect();
        var two = await Connect();
        var three = await Connect();

        var buffer = new byte[1];
        Assert.Equal(0, await three.ReadAsync(buffer, TestContext.Current.CancellationToken)); // closed by the gateway
        await two.WriteAsync(FireAlarm, TestContext.Current.CancellationToken);
        Assert.Equal(Gb26875Command.Confirm, (await ReadFrame(two)).Command);
        GC.KeepAlive(one);
    }

    [Fact]
    public async Task ReadDeviceState_ReturnsTheReplyWithItsSerial()
    {
        var stream = await Connect();
        await stream.WriteAsync(FireAlarm, TestContext.Current.CancellationToken); // the device makes itself known
        await ReadFrame(stream);

        var asked = _commands.ReadDeviceStateAsync(Device, TestContext.Current.CancellationToken);
        var request = await ReadFrame(stream);
        Assert.Equal((Gb26875Command.Request, (byte)81, Device), (request.Command, request.Adu!.Type, request.Destination));

        // An answer to another serial is not this request's answer.
        var state = Gb26875Adu.Of(21, new Gb26875DeviceState(0x08, new Gb26875Time(2, 58, 9, 26, 9, 12)));
        var stray = new Gb26875Frame((ushort)(request.Serial + 7), 1, 1, request.TimeLabel, Device, request.Source, Gb26875Command.Reply, state);
        await stream.WriteAsync(Gb26875FrameCodec.Encode(stray), TestContext.Current.CancellationToken);
        var reply = stray with { Serial = request.Serial };
        await stream.WriteAsync(Gb26875FrameCodec.Encode(reply), TestContext.Current.CancellationToken);

        var answer = await asked;
        Assert.Equal((Gb26875Command.Reply, request.Serial), (answer.Command, answer.Serial));
        Assert.Contains(_sink.Committed, m => m.Type == "mains_fault");
    }

    [Fact]
    public async Task Command_ToADeviceNotConnected_SaysSo()
    {
        var error = await Assert.ThrowsAsync<Gb26875NotConnectedException>(() => _commands.DutyCheckAsync(new Gb26875Address(4242), 10,
            TestContext.Current.CancellationToken));
        Assert.Contains("not connected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutASink_TheGatewayDoesNotListen()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new Gb26875GatewayOptions { Address = "127.0.0.1", Port = 0 });
        using var gateway = new Gb26875Gateway(options, [], new Gb26875Commands(options, TimeProvider.System, CorpsCalendar.Default),
            CorpsCalendar.Default, TimeProvider.System, NullLogger<Gb26875Gateway>.Instance);
        await gateway.StartAsync(TestContext.Current.CancellationToken);
        Assert.Null(await gateway.Listening);
        await gateway.StopAsync(CancellationToken.None);
    }

    /// <summary>Records committed batches; can hold a batch uncommitted until released. Presence (online, offline) is kept apart.</summary>
    internal sealed class RecordingSink : IDeviceMessageSink
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource? _release;

        public ConcurrentQueue<DeviceMessage> Committed { get; } = new();

        public ConcurrentQueue<DeviceMessage> Presence { get; } = new();

        /// <summary>Set when a presence message arrives; tests wait on it instead of on the clock.</summary>
        public SemaphoreSlim PresenceArrived { get; } = new(0);

        public Task Entered => _entered.Task;

        public bool CommittedBeforeAck => !Committed.IsEmpty;

        public void Hold() => _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _release?.TrySetResult();

        public async Task AcceptAsync(IReadOnlyList<DeviceMessage> batch, CancellationToken ct)
        {
            if (batch.All(m => m is { Kind: DeviceMessageKind.Status, Type: "online" or "offline" }))
            {
                foreach (var m in batch) Presence.Enqueue(m);
                PresenceArrived.Release(batch.Count);
                return;
            }
            _entered.TrySetResult();
            if (_release is { } release) await release.Task.WaitAsync(ct);
            foreach (var m in batch) Committed.Enqueue(m);
        }
    }
}
