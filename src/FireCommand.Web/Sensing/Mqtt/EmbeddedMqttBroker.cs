using System.Net;
using System.Security.Cryptography.X509Certificates;
using FireCommand.Core.Sensing.Mqtt;
using FireCommand.Web.Security;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace FireCommand.Web.Sensing.Mqtt;

/// <summary>
/// The in-process MQTT broker of a single-node installation (MQTTnet.Server). Every client is a device:
/// it signs in with its id as user name and client id and its issued password; it may publish only
/// under <c>fc/{its id}/</c> and subscribe only to <c>fc/{its id}/command</c>. A publish is handed to
/// <see cref="MqttIngest"/> inside the broker's publish hook, which the broker awaits before it sends
/// PUBACK: the acknowledgement follows the commit. Accepted publishes are consumed here and not routed
/// on (no client may subscribe to them). Failed sign-ins are slowed per device and address by the
/// login throttle.
/// </summary>
public sealed partial class EmbeddedMqttBroker(IOptions<MqttOptions> options, MqttIngest ingest, MqttDeviceDirectory devices,
    LoginThrottle throttle, ILogger<EmbeddedMqttBroker> log) : IHostedService, IMqttDeviceSessions, IAsyncDisposable
{
    private MqttServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value.Embedded;
        var builder = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Parse(o.BindAddress))
            .WithDefaultEndpointPort(o.Port);
        if (o.TlsPort is { } tlsPort)
            builder.WithEncryptedEndpoint().WithEncryptedEndpointBoundIPAddress(IPAddress.Parse(o.BindAddress))
                .WithEncryptedEndpointPort(tlsPort)
                .WithEncryptionCertificate(X509CertificateLoader.LoadPkcs12FromFile(o.CertificatePath!, o.CertificatePassword));
        var server = new MqttServerFactory().CreateMqttServer(builder.Build());
        server.ValidatingConnectionAsync += ValidateAsync;
        server.InterceptingPublishAsync += PublishAsync;
        server.InterceptingSubscriptionAsync += SubscribeAsync;
        await server.StartAsync();
        _server = server;
        Log.Started(log, o.BindAddress, o.Port, o.TlsPort);
    }

    private async Task ValidateAsync(ValidatingConnectionEventArgs e)
    {
        var client = (e.RemoteEndPoint as IPEndPoint)?.Address.ToString() ?? "unknown";
        var account = "mqtt:" + e.UserName;
        // The client id is the device id: another client id under these credentials could take over
        // a different device's session.
        if (e.UserName is null || !string.Equals(e.ClientId, e.UserName, StringComparison.Ordinal))
        {
            e.ReasonCode = MqttConnectReasonCode.ClientIdentifierNotValid;
            e.ReasonString = "The client id must be the device id (the user name).";
            return;
        }
        if (throttle.RetryAfter(account, client) > TimeSpan.Zero)
        {
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            return;
        }
        if (!await devices.VerifyAsync(e.UserName, e.Password, e.CancellationToken))
        {
            throttle.Failed(account, client);
            Log.SignInRefused(log, e.UserName, client);
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            return;
        }
        throttle.Succeeded(account, client);
    }

    private async Task PublishAsync(InterceptingPublishEventArgs e)
    {
        var topic = e.ApplicationMessage.Topic;
        e.ProcessPublish = false;
        if (!MqttAccess.DeviceMayPublish(e.UserName, topic))
        {
            ingest.Refuse(topic, new MqttRejection(MqttRejectionReason.NotAuthorized, null,
                $"device '{e.UserName}' may publish only under fc/{e.UserName}/."));
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            return;
        }
        try
        {
            if (await ingest.IngestAsync(topic, e.ApplicationMessage.Payload, e.CancellationToken) is { } rejected)
            {
                e.Response.ReasonCode = MqttPubAckReasonCode.PayloadFormatInvalid;
                e.Response.ReasonString = rejected.Detail;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not committed: no PUBACK. Closing the connection makes the device deliver it again.
            Log.NotCommitted(log, ex, e.UserName);
            e.CloseConnection = true;
        }
    }

    private Task SubscribeAsync(InterceptingSubscriptionEventArgs e)
    {
        if (!MqttAccess.DeviceMaySubscribe(e.UserName, e.TopicFilter.Topic))
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        }
        return Task.CompletedTask;
    }

    public async Task DisconnectAsync(string deviceId)
    {
        if (_server is not { IsStarted: true } server) return;
        foreach (var c in await server.GetClientsAsync())
            if (c.Id == deviceId)
                await c.DisconnectAsync(new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.NotAuthorized });
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { IsStarted: true } server) await server.StopAsync(new MqttServerStopOptions());
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _server?.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Embedded MQTT broker listening on {Address}:{Port} (TLS port {TlsPort})")]
        public static partial void Started(ILogger logger, string address, int port, int? tlsPort);

        [LoggerMessage(EventId = 4112, Level = LogLevel.Warning, Message = "MQTT sign-in of device {Device} from {Client} refused")]
        public static partial void SignInRefused(ILogger logger, string? device, string client);

        [LoggerMessage(EventId = 4113, Level = LogLevel.Warning, Message = "MQTT publish of device {Device} not committed; closing its connection")]
        public static partial void NotCommitted(ILogger logger, Exception exception, string device);
    }
}
