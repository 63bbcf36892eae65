using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace FireCommand.Web.Tests.Sensing.Mqtt;

/// <summary>A device as the tests drive it: an MQTTnet client speaking MQTT 5 to a broker on loopback.</summary>
public static class MqttDevice
{
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Connects and returns the client, or null with the broker's reason when it refused.</summary>
    public static async Task<(IMqttClient? Client, MqttClientConnectResultCode Code)> ConnectAsync(string host, int port,
        string userName, string password, string? clientId = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId ?? userName)
            .WithCredentials(userName, password)
            .WithTimeout(TimeSpan.FromSeconds(20))
            .Build();
        try
        {
            var result = await client.ConnectAsync(options);
            if (result.ResultCode is MqttClientConnectResultCode.Success) return (client, result.ResultCode);
            client.Dispose();
            return (null, result.ResultCode);
        }
        catch (MqttConnectingFailedException)
        {
            client.Dispose();
            return (null, MqttClientConnectResultCode.UnspecifiedError);
        }
    }

    public static Task<MqttClientPublishResult> PublishAsync(IMqttClient client, string topic, string payload) =>
        client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

    public static string Telemetry(string metric, double value, string id) =>
        new JsonObject { ["ts"] = "2026-12-03T08:15:00+08:00", ["metric"] = metric, ["value"] = value, ["id"] = id }.ToJsonString();
}
