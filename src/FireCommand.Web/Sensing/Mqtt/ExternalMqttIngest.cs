using System.Threading.Channels;
using FireCommand.Core.Sensing.Mqtt;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace FireCommand.Web.Sensing.Mqtt;

/// <summary>
/// The ingest of a node behind an external broker (Mosquitto, EMQX): it subscribes to the devices'
/// topics with QoS 1 under its own identity and acknowledges each message (PUBACK) only after the sink
/// has committed it. Messages are acknowledged in the order they arrived, as MQTT requires, while
/// later ones are already being parsed and batched. The session is persistent (clean start off), so
/// what the broker delivered but this node never acknowledged — the node died, or the sink failed — is
/// delivered again on the next connection; the message id makes that second delivery harmless.
/// The broker checks the devices' passwords and topic ACLs (docs/mqtt.md shows Mosquitto's files).
/// </summary>
public sealed partial class ExternalMqttIngest(IOptions<MqttOptions> options, MqttIngest ingest, ILogger<ExternalMqttIngest> log)
    : BackgroundService
{
    private sealed record Delivery(MqttApplicationMessageReceivedEventArgs Message, Task<MqttRejection?> Ingested);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value.External;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunSessionAsync(o, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Log.SessionEnded(log, e, o.Host, o.Port);
            }
            try
            {
                await Task.Delay(o.ReconnectDelay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RunSessionAsync(ExternalBrokerOptions o, CancellationToken stoppingToken)
    {
        using var session = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var deliveries = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            e.AutoAcknowledge = false;
            // Parsing starts here, in arrival order; the commit is awaited by the acknowledging loop.
            var ingested = ingest.IngestAsync(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload, session.Token);
            deliveries.Writer.TryWrite(new Delivery(e, ingested));
            return Task.CompletedTask;
        };
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.DisconnectedAsync += _ =>
        {
            ended.TrySetResult();
            return Task.CompletedTask;
        };

        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(o.Host, o.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(o.ClientId)
            .WithCredentials(o.UserName, o.Password)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(7 * 24 * 3600)
            .WithReceiveMaximum((ushort)o.ReceiveMaximum);
        if (o.UseTls) builder.WithTlsOptions(t => t.UseTls());
        var connected = await client.ConnectAsync(builder.Build(), stoppingToken);
        if (connected.ResultCode is not MqttClientConnectResultCode.Success)
            throw new InvalidOperationException($"the broker refused the connection: {connected.ResultCode} {connected.ReasonString}");

        var acknowledging = AcknowledgeAsync(deliveries.Reader, session);
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in MqttTopic.IngestFilters)
            subscribe.WithTopicFilter(Shared(o.SharedSubscriptionGroup, filter), MqttQualityOfServiceLevel.AtLeastOnce);
        var subscribed = await client.SubscribeAsync(subscribe.Build(), stoppingToken);
        foreach (var item in subscribed.Items)
            if (item.ResultCode is not MqttClientSubscribeResultCode.GrantedQoS1)
                throw new InvalidOperationException($"the broker granted {item.ResultCode} for {item.TopicFilter.Topic}; the ingest needs QoS 1.");
        Log.Subscribed(log, o.Host, o.Port, o.ClientId);

        await Task.WhenAny(ended.Task, acknowledging, Task.Delay(Timeout.Infinite, stoppingToken));
        await session.CancelAsync();
        deliveries.Writer.TryComplete();
        if (client.IsConnected)
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        await acknowledging;
        stoppingToken.ThrowIfCancellationRequested();
    }

    /// <summary>Acknowledges in arrival order, each only after its commit; on a failed commit ends the session unacknowledged.</summary>
    private async Task AcknowledgeAsync(ChannelReader<Delivery> deliveries, CancellationTokenSource session)
    {
        try
        {
            await foreach (var d in deliveries.ReadAllAsync(session.Token))
            {
                await d.Ingested;
                await d.Message.AcknowledgeAsync(session.Token);
            }
        }
        catch (OperationCanceledException) when (session.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The broker delivers everything unacknowledged again once this node reconnects.
            Log.NotCommitted(log, e);
            await session.CancelAsync();
        }
    }

    internal static string Shared(string? group, string filter) => string.IsNullOrEmpty(group) ? filter : $"$share/{group}/{filter}";

    private static partial class Log
    {
        [LoggerMessage(EventId = 4121, Level = LogLevel.Information, Message = "MQTT ingest subscribed at {Host}:{Port} as {ClientId}")]
        public static partial void Subscribed(ILogger logger, string host, int port, string clientId);

        [LoggerMessage(EventId = 4122, Level = LogLevel.Warning, Message = "MQTT ingest session with {Host}:{Port} ended; reconnecting")]
        public static partial void SessionEnded(ILogger logger, Exception exception, string host, int port);

        [LoggerMessage(EventId = 4123, Level = LogLevel.Error, Message = "MQTT messages not committed; leaving them unacknowledged and reconnecting")]
        public static partial void NotCommitted(ILogger logger, Exception exception);
    }
}
