using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace FireCommand.Bench.Sensing;

/// <summary>
/// One simulated MQTT sensor: publishes pressure telemetry at QoS 1 on its own topic with a window of
/// publishes awaiting their PUBACK, and counts the acknowledged ones. Without a password it connects
/// anonymously (the broker-alone run).
/// </summary>
internal sealed class MqttPublisher(string deviceId, string? password)
{
    private long _acked;

    public long Acked => Interlocked.Read(ref _acked);

    public async Task RunAsync(string host, int port, int window, CancellationToken stop)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer(host, port).WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId(deviceId).WithTimeout(TimeSpan.FromSeconds(60));
        if (password is not null) options.WithCredentials(deviceId, password);
        var connected = await client.ConnectAsync(options.Build(), stop);
        if (connected.ResultCode != MqttClientConnectResultCode.Success)
            throw new InvalidOperationException($"{deviceId}: the broker refused the connection ({connected.ResultCode})");
        var topic = $"fc/{deviceId}/telemetry";
        long sequence = 0;
        await Task.WhenAll(Enumerable.Range(0, window).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref sequence);
                var payload = string.Create(CultureInfo.InvariantCulture,
                    $"{{\"ts\":{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()},\"metric\":\"pressure_mpa\",\"value\":{0.30 + n % 10 * 0.01:F2},\"id\":\"{deviceId}-{n}\"}}");
                var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(Encoding.UTF8.GetBytes(payload))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
                // Not cancelled by stop: a publish on its way finishes, so the totals acked and stored compare.
                var result = await client.PublishAsync(message, CancellationToken.None);
                if (result.ReasonCode is MqttClientPublishReasonCode.Success) Interlocked.Increment(ref _acked);
            }
        }));
        await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
    }

    /// <summary>One QoS 1 subscriber to every device's telemetry, counting what it receives.</summary>
    public static async Task<Subscriber> SubscribeAsync(string host, int port)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var subscriber = new Subscriber(client);
        client.ApplicationMessageReceivedAsync += _ =>
        {
            subscriber.Count();
            return Task.CompletedTask;
        };
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(host, port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).WithClientId("bench-subscriber").Build());
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter("fc/+/telemetry", MqttQualityOfServiceLevel.AtLeastOnce).Build());
        return subscriber;
    }

    internal sealed class Subscriber(IMqttClient client) : IAsyncDisposable
    {
        private long _received;

        public long Received => Interlocked.Read(ref _received);

        public void Count() => Interlocked.Increment(ref _received);

        public async ValueTask DisposeAsync()
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
            client.Dispose();
        }
    }
}
