using System.Net;
using System.Net.Sockets;
using FireCommand.Web.Sensing.Gb26875;
using FireCommand.Web.Sensing.Mqtt;
using Microsoft.Extensions.Configuration.Memory;

namespace FireCommand.Web.Sensing.Demo;

/// <summary>
/// In demo mode the device transports are on unless configured otherwise: the GB/T 26875.3 gateway on
/// loopback (port 5090) and the embedded MQTT broker (port 1883), so the simulated devices have somewhere
/// to connect and `dotnet run` shows a live monitoring centre. The defaults sit beneath every other
/// configuration source, so an operator's or a test's setting wins; production (Demo:Enabled false) keeps
/// both off. A default port that another program holds turns that transport off with one log line
/// instead of stopping the start. Call before the transports are added.
/// </summary>
public static class DemoTransports
{
    public static WebApplicationBuilder AddDemoTransports(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var notes = new DemoTransportNotes();
        builder.Services.AddSingleton(notes);
        if (!config.GetValue<bool>("Demo:Enabled")) return builder;

        var maxDevices = config.GetValue($"{DemoSensingOptions.Section}:MaxDevices", new DemoSensingOptions().MaxDevices);
        // Beneath everything else: appsettings, environment, command line and tests override each key.
        ((IConfigurationBuilder)config).Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                [$"{Gb26875GatewayOptions.Section}:Enabled"] = "true",
                [$"{Gb26875GatewayOptions.Section}:Address"] = "127.0.0.1",
                // Every simulated device connects from loopback; the per-address cap is for the field.
                [$"{Gb26875GatewayOptions.Section}:MaxConnectionsPerAddress"] = (maxDevices + 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
                [$"{MqttOptions.Section}:Mode"] = nameof(MqttMode.Embedded),
            },
        });

        var overrides = new Dictionary<string, string?>();
        if (config.GetValue<bool>($"{Gb26875GatewayOptions.Section}:Enabled"))
        {
            var address = config[$"{Gb26875GatewayOptions.Section}:Address"] ?? "127.0.0.1";
            var port = config.GetValue($"{Gb26875GatewayOptions.Section}:Port", new Gb26875GatewayOptions().Port);
            if (InUse(address, port) is { } why)
            {
                overrides[$"{Gb26875GatewayOptions.Section}:Enabled"] = "false";
                notes.Add($"GB/T 26875.3 gateway not started: {address}:{port} is not available ({why}); set Sensing:Gb26875:Port to a free port.");
            }
        }
        if (config.GetSection(MqttOptions.Section).Get<MqttOptions>() is { Mode: MqttMode.Embedded } mqtt)
        {
            var address = mqtt.Embedded.BindAddress;
            if (InUse(address, mqtt.Embedded.Port) is { } why)
            {
                overrides[$"{MqttOptions.Section}:Mode"] = nameof(MqttMode.Off);
                notes.Add($"Embedded MQTT broker not started: {address}:{mqtt.Embedded.Port} is not available ({why}); set Sensing:Mqtt:Embedded:Port to a free port.");
            }
        }
        if (overrides.Count > 0) config.AddInMemoryCollection(overrides);
        return builder;
    }

    /// <summary>Why the port cannot be listened on, or null when it can (port 0 always can).</summary>
    private static string? InUse(string address, int port)
    {
        if (port == 0 || !IPAddress.TryParse(address, out var ip)) return null;
        var probe = new TcpListener(ip, port);
        try
        {
            probe.Start();
            return null;
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode.ToString();
        }
        finally
        {
            probe.Stop();
        }
    }
}

/// <summary>What the demo's transport set-up had to leave off, logged once at start.</summary>
public sealed class DemoTransportNotes
{
    private readonly List<string> _notes = [];

    public IReadOnlyList<string> All => _notes;

    internal void Add(string note) => _notes.Add(note);
}
