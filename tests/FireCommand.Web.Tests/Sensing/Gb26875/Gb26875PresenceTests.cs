using System.Net;
using System.Net.Sockets;
using FireCommand.Core.Sensing;
using FireCommand.Core.Sensing.Gb26875;
using FireCommand.Core.Shared;
using FireCommand.Web.Sensing.Gb26875;
using Microsoft.Extensions.Logging.Abstractions;

namespace FireCommand.Web.Tests.Sensing.Gb26875;

/// <summary>
/// A device's connections reported as status messages: online on its first frame, offline once its last
/// connection stays closed for the grace period, nothing when it reconnects within it.
/// </summary>
public sealed class Gb26875PresenceTests : IAsyncLifetime
{
    private static readonly Gb26875Address Device = new(0x0A0B0C);
    private const int GraceSeconds = 1;

    private readonly Gb26875GatewayTests.RecordingSink _sink = new();
    private Gb26875Gateway _gateway = null!;
    private int _port;

    public async ValueTask InitializeAsync()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new Gb26875GatewayOptions
            { Address = "127.0.0.1", Port = 0, OfflineGraceSeconds = GraceSeconds });
        _gateway = new Gb26875Gateway(options, [_sink], new Gb26875Commands(options, TimeProvider.System, CorpsCalendar.Default),
            CorpsCalendar.Default, TimeProvider.System, NullLogger<Gb26875Gateway>.Instance);
        await _gateway.StartAsync(TestContext.Current.CancellationToken);
        _port = ((IPEndPoint)(await _gateway.Listening)!).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.StopAsync(CancellationToken.None);
        _gateway.Dispose();
    }

    /// <summary>Connects as the device and sends one heartbeat (send data, empty ADU), waiting for its confirm.</summary>
    private async Task<TcpClient> ConnectAndBeat(ushort serial = 1)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _port, TestContext.Current.CancellationToken);
        var heartbeat = new Gb26875Frame(serial, 1, 1, new Gb26875Time(0, 0, 12, 3, 12, 26), Device, new Gb26875Address(0),
            Gb26875Command.SendData, null);
        await client.GetStream().WriteAsync(Gb26875FrameCodec.Encode(heartbeat), TestContext.Current.CancellationToken);
        var confirm = new byte[Gb26875FrameCodec.Overhead];
        await client.GetStream().ReadExactlyAsync(confirm, TestContext.Current.CancellationToken);
        Assert.Equal((byte)Gb26875Command.Confirm, confirm[26]);
        return client;
    }

    private async Task<DeviceMessage> NextPresence()
    {
        Assert.True(await _sink.PresenceArrived.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken),
            "no presence message arrived");
        return _sink.Presence.ToArray()[^1];
    }

    [Fact]
    public async Task Connecting_MarksOnline_AndClosing_MarksOfflineAfterTheGrace()
    {
        using (await ConnectAndBeat())
        {
            var online = await NextPresence();
            Assert.Equal(("gb26875:0000000a0b0c", DeviceMessageKind.Status, "online"), (online.DeviceKey, online.Kind, online.Type));
        }

        var offline = await NextPresence();
        Assert.Equal(("gb26875:0000000a0b0c", DeviceMessageKind.Status, "offline"), (offline.DeviceKey, offline.Kind, offline.Type));
        Assert.Equal(["online", "offline"], _sink.Presence.Select(m => m.Type));
    }

    [Fact]
    public async Task Reconnecting_WithinTheGrace_IsNeverReportedOffline()
    {
        var first = await ConnectAndBeat();
        await NextPresence(); // online
        first.Dispose();
        using (await ConnectAndBeat(2))
        {
            // Well past the grace with the second connection open: the first one's close must not report offline.
            Assert.False(await _sink.PresenceArrived.WaitAsync(TimeSpan.FromSeconds(GraceSeconds * 3), TestContext.Current.CancellationToken),
                $"unexpected presence: {string.Join(", ", _sink.Presence.Select(m => m.Type))}");
        }
        Assert.Equal("offline", (await NextPresence()).Type);
        Assert.Equal(["online", "offline"], _sink.Presence.Select(m => m.Type));
    }

    [Fact]
    public async Task TwoConnectionsOfOneDevice_OfflineOnlyAfterTheLastCloses()
    {
        var one = await ConnectAndBeat();
        await NextPresence(); // online
        using (var two = await ConnectAndBeat(2))
        {
            one.Dispose();
            Assert.False(await _sink.PresenceArrived.WaitAsync(TimeSpan.FromSeconds(GraceSeconds * 3), TestContext.Current.CancellationToken),
                "offline while another connection of the device is open");
        }
        Assert.Equal("offline", (await NextPresence()).Type);
    }
}
