using System.Globalization;
using System.Text.Json.Nodes;
using FireCommand.Core.Demo.Sensing;
using FireCommand.Core.Sensing.Mqtt;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace FireCommand.Web.Sensing.Demo;

/// <summary>
/// An IoT sensor of the demo: an MQTTnet client that signs in to the broker with its own device id and
/// password and publishes its reading to <c>fc/{id}/telemetry</c> (QoS 1) about once a
/// <see cref="DemoSensingOptions.TelemetrySeconds"/>, with a slow drift and a little noise around its
/// normal value; a false alarm or a fault is a short excursion or an event, going offline is a
/// disconnect. Readings carry an id, so a repeated publish is stored once. Thread-safe: happenings may be
/// set from any thread.
/// </summary>
public sealed class SimulatedMqttSensor(DemoDevice plan, string password, (string Host, int Port) broker, DemoSensingOptions options,
    TimeProvider clock, ILogger log)
{
    private readonly Random _noise = new(plan.Index);
    private volatile string? _event;
    private DateTimeOffset _excursionUntil;
    private DateTimeOffset _offlineUntil;
    private long _sequence;

    public DemoDevice Plan => plan;

    public bool Connected { get; private set; }

    /// <summary>A reading far past the alarm level until <paramref name="until"/> (smoke from cooking, a loose sensor).</summary>
    public void Excursion(DateTimeOffset until) => _excursionUntil = until;

    /// <summary>Publishes an event (fault, normal) with the next reading.</summary>
    public void Event(string type) => _event = type;

    public void GoOffline(DateTimeOffset until) => _offlineUntil = until;

    public async Task RunAsync(CancellationToken ct)
    {
        var period = TimeSpan.FromSeconds(options.TelemetrySeconds);
        // Sensors were switched on at different moments: their reports do not arrive in step.
        await Task.Delay(TimeSpan.FromSeconds(options.TelemetrySeconds * _noise.NextDouble()), clock, ct);
        while (!ct.IsCancellationRequested)
        {
            using var client = new MqttClientFactory().CreateMqttClient();
            try
            {
                await client.ConnectAsync(new MqttClientOptionsBuilder()
                    .WithTcpServer(broker.Host, broker.Port)
                    .WithProtocolVersion(MqttProtocolVersion.V500)
                    .WithClientId(plan.MqttId)
                    .WithCredentials(plan.MqttId, password)
                    .WithKeepAlivePeriod(TimeSpan.FromSeconds(Math.Max(60, options.TelemetrySeconds * 2)))
                    .WithTimeout(TimeSpan.FromSeconds(30))
                    .Build(), ct);
                Connected = true;
                await PublishAsync(client, "status", new JsonObject { ["online"] = true }, ct);
                while (!ct.IsCancellationRequested && client.IsConnected && clock.GetUtcNow() >= _offlineUntil)
                {
                    if (Interlocked.Exchange(ref _event, null) is { } type)
                        await PublishAsync(client, "event", new JsonObject { ["type"] = type }, ct);
                    await PublishAsync(client, "telemetry", new JsonObject { ["metric"] = plan.Metric, ["value"] = Reading() }, ct);
                    await Task.Delay(_excursionUntil > clock.GetUtcNow() ? TimeSpan.FromSeconds(10) : period, clock, ct);
                }
                if (client.IsConnected) await client.DisconnectAsync(new MqttClientDisconnectOptions(), ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException or OperationCanceledException)
            {
                DemoSensingLog.DeviceConnectionLost(log, plan.DeviceKey, e.Message);
            }
            finally
            {
                Connected = false;
            }
            var wait = _offlineUntil - clock.GetUtcNow();
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(10 + plan.Index % 20), clock, ct);
        }
    }

    private async Task PublishAsync(IMqttClient client, string kind, JsonObject payload, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        payload["ts"] = now.ToUnixTimeMilliseconds();
        payload["id"] = string.Create(CultureInfo.InvariantCulture, $"{now.ToUnixTimeMilliseconds()}-{Interlocked.Increment(ref _sequence)}");
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"{MqttTopic.Root}/{plan.MqttId}/{kind}")
            .WithPayload(payload.ToJsonString()).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct);
    }

    /// <summary>The normal value with a daily drift of a few percent and noise; during an excursion, well past the alarm level.</summary>
    private double Reading()
    {
        var now = clock.GetUtcNow();
        var normal = plan.Normal;
        if (_excursionUntil > now) return Math.Round(Excursion(plan.Metric!, normal), 3);
        var drift = 1 + 0.04 * Math.Sin((now.ToUnixTimeSeconds() / 86_400.0 + plan.Index * 0.1) * 2 * Math.PI);
        var noise = 1 + 0.02 * (_noise.NextDouble() - 0.5);
        return Math.Round(normal * drift * noise, 3);
    }

    private static double Excursion(string metric, double normal) => metric switch
    {
        "smoke_obscuration" => 0.25,
        "residual_current_ma" => 420,
        "pressure_mpa" => 0.06,
        "level_m" => 1.6,
        "gas_lel_percent" => 28,
        "temperature_c" => 68,
        _ => normal * 3,
    };
}
