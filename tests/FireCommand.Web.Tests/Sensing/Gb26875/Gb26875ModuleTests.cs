using System.Net;
using System.Net.Sockets;
using FireCommand.Core.Sensing;
using FireCommand.Core.Shared;
using FireCommand.Web.Sensing.Gb26875;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Tests.Sensing.Gb26875;

/// <summary>The gateway's registration: options refused by name, off by default, on with a sink; idle connections closed.</summary>
public sealed class Gb26875ModuleTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging()
            .AddGb26875Gateway(configuration).BuildServiceProvider();
    }

    [Theory]
    [InlineData("Port", "70000", "Sensing:Gb26875:Port")]
    [InlineData("MaxFrameBytes", "2000", "Sensing:Gb26875:MaxFrameBytes")]
    [InlineData("Address", "not-an-ip", "Sensing:Gb26875:Address")]
    [InlineData("MaxConnectionsPerAddress", "0", "Sensing:Gb26875:MaxConnectionsPerAddress")]
    [InlineData("OfflineGraceSeconds", "-1", "Sensing:Gb26875:OfflineGraceSeconds")]
    public void BadOption_IsRefusedNamingIt(string key, string value, string named)
    {
        using var provider = Build(new() { [$"Sensing:Gb26875:{key}"] = value });
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<Gb26875GatewayOptions>>().Value);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ByDefault_NoListenerIsHosted_ButCommandsAnswer()
    {
        using var provider = Build([]);
        Assert.DoesNotContain(provider.GetServices<IHostedService>(), s => s is Gb26875Gateway);
        Assert.Empty(provider.GetRequiredService<Gb26875Commands>().Connected);
    }

    [Fact]
    public void Enabled_HostsTheListener()
    {
        using var provider = Build(new() { ["Sensing:Gb26875:Enabled"] = "true" });
        Assert.Contains(provider.GetServices<IHostedService>(), s => s is Gb26875Gateway);
    }

    [Fact]
    public async Task SilentConnection_IsClosedAfterTheIdleTimeout()
    {
        var options = Options.Create(new Gb26875GatewayOptions { Address = "127.0.0.1", Port = 0, IdleTimeoutSeconds = 1 });
        using var gateway = new Gb26875Gateway(options, [new NullSink()], new Gb26875Commands(options, TimeProvider.System, CorpsCalendar.Default),
            CorpsCalendar.Default, TimeProvider.System, NullLogger<Gb26875Gateway>.Instance);
        await gateway.StartAsync(TestContext.Current.CancellationToken);
        var port = ((IPEndPoint)(await gateway.Listening)!).Port;
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);

        // The read ends (0 bytes) only because the gateway closed the silent connection.
        Assert.Equal(0, await client.GetStream().ReadAsync(new byte[1], TestContext.Current.CancellationToken));
        await gateway.StopAsync(CancellationToken.None);
    }

    private sealed class NullSink : IDeviceMessageSink
    {
        public Task AcceptAsync(IReadOnlyList<DeviceMessage> batch, CancellationToken ct) => Task.CompletedTask;
    }
}
