using System.Net;
using System.Net.Sockets;
using FireCommand.Core.Sensing.Gb26875;
using FireCommand.Core.Shared;
using FireCommand.Web.Sensing.Gb26875;
using Microsoft.Extensions.Logging.Abstractions;
using static FireCommand.Web.Tests.Sensing.Gb26875.Gb26875GatewayTests;

namespace FireCommand.Web.Tests.Sensing.Gb26875;

/// <summary>
/// The listener's limits on real loopback TCP: connections in all, the largest frame a connection may
/// send, and a length field over 1024 refused from the header alone so the frame behind it is not held up.
/// (The per-address cap and the idle timeout are in <see cref="Gb26875GatewayTests"/> and <see cref="Gb26875ModuleTests"/>.)
/// </summary>
public sealed class Gb26875ListenerLimitsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static async Task<(Gb26875Gateway Gateway, RecordingSink Sink, int Port)> StartAsync(Gb26875GatewayOptions o)
    {
        var sink = new RecordingSink();
        var options = Microsoft.Extensions.Options.Options.Create(o);
        var gateway = new Gb26875Gateway(options, [sink], new Gb26875Commands(options, TimeProvider.System, CorpsCalendar.Default),
            CorpsCalendar.Default, TimeProvider.System, NullLogger<Gb26875Gateway>.Instance);
        await gateway.StartAsync(TestContext.Current.CancellationToken);
        return (gateway, sink, ((IPEndPoint)(await gateway.Listening)!).Port);
    }

    private static async Task StopAsync(Gb26875Gateway gateway)
    {
        await gateway.StopAsync(CancellationToken.None);
        gateway.Dispose();
    }

    private static async Task<NetworkStream> Connect(int port)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
        return client.GetStream();
    }

    [Fact]
    public async Task LengthFieldOver1024_IsRejectedAtOnce_AndTheFrameBehindItIsConfirmed()
    {
        var (gateway, sink, port) = await StartAsync(new() { Address = "127.0.0.1", Port = 0 });
        try
        {
            var stream = await Connect(port);
            var header = FireAlarm[..Gb26875FrameCodec.HeaderLength].ToArray();
            header[24] = 0x01;
            header[25] = 0x04; // ADU length 0x0401 = 1025
            // Far fewer than 1025 bytes follow: a gateway that waited on the length would never answer.
            await stream.WriteAsync((byte[])[.. header, .. FireAlarm], TestContext.Current.CancellationToken);

            var answer = await ReadFrame(stream).WaitAsync(Patience, TestContext.Current.CancellationToken);
            Assert.Equal((Gb26875Command.Confirm, (ushort)1), (answer.Command, answer.Serial));
            Assert.Single(sink.Committed);
        }
        finally
        {
            await StopAsync(gateway);
        }
    }

    [Fact]
    public async Task FrameOverTheConnectionsLimit_IsNotStored_AndTheConnectionGoesOn()
    {
        // FireAlarm is 78 bytes; a gateway configured for 60-byte frames takes heartbeats only.
        var (gateway, sink, port) = await StartAsync(new() { Address = "127.0.0.1", Port = 0, MaxFrameBytes = 60 });
        try
        {
            var stream = await Connect(port);
            var heartbeat = new Gb26875Frame(7, 1, 1, new Gb26875Time(0, 0, 12, 3, 12, 26), new Gb26875Address(889), new Gb26875Address(0),
                Gb26875Command.SendData, null);
            await stream.WriteAsync((byte[])[.. FireAlarm, .. Gb26875FrameCodec.Encode(heartbeat)], TestContext.Current.CancellationToken);

            Gb26875Frame answer;
            do answer = await ReadFrame(stream).WaitAsync(Patience, TestContext.Current.CancellationToken);
            while (answer.Command != Gb26875Command.Confirm);
            Assert.Equal(7, answer.Serial); // the heartbeat's, never the oversized alarm's
            Assert.Empty(sink.Committed);
        }
        finally
        {
            await StopAsync(gateway);
        }
    }

    [Fact]
    public async Task ConnectionOverTheTotalCap_IsClosed_WhileTheOthersWork()
    {
        var (gateway, sink, port) = await StartAsync(new() { Address = "127.0.0.1", Port = 0, MaxConnections = 2, MaxConnectionsPerAddress = 8 });
        try
        {
            var one = await Connect(port);
            var two = await Connect(port);
            var three = await Connect(port);

            Assert.Equal(0, await three.ReadAsync(new byte[1], TestContext.Current.CancellationToken)); // closed by the gateway
            await one.WriteAsync(FireAlarm, TestContext.Current.CancellationToken);
            Assert.Equal(Gb26875Command.Confirm, (await ReadFrame(one)).Command);
            Assert.Single(sink.Committed);
            GC.KeepAlive(two);
        }
        finally
        {
            await StopAsync(gateway);
        }
    }
}
