using System.Diagnostics;
using System.Globalization;
using FireCommand.Core.Sensing.Mqtt;
using FireCommand.Web.Tests.Infrastructure;
using MQTTnet;
using static FireCommand.Web.Tests.Sensing.Mqtt.MqttDevice;

namespace FireCommand.Web.Tests.Sensing.Mqtt;

/// <summary>
/// The platform behind the tests' Mosquitto (scripts/start-test-services.sh), configured with the
/// password file the platform exports and the ACL docs/mqtt.md gives.
/// </summary>
public sealed class MosquittoHost : MqttHost
{
    private static readonly string? Address = Environment.GetEnvironmentVariable("FIRECOMMAND_TEST_MQTT");
    private static readonly string? Directory = Environment.GetEnvironmentVariable("FIRECOMMAND_TEST_MQTT_DIR");
    private readonly string _ingestUser = "fc-ingest-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _ingestPassword = Guid.NewGuid().ToString("N");
    private readonly SemaphoreSlim _files = new(1, 1);

    public override (string Host, int Port) Broker
    {
        get
        {
            var colon = Address!.LastIndexOf(':');
            return (Address[..colon], int.Parse(Address[(colon + 1)..], CultureInfo.InvariantCulture));
        }
    }

    protected override async Task<Dictionary<string, string?>?> MqttSettingsAsync()
    {
        if (string.IsNullOrEmpty(Address) || string.IsNullOrEmpty(Directory))
        {
            SkipReason = "needs Mosquitto: source scripts/start-test-services.sh (it exports FIRECOMMAND_TEST_MQTT and FIRECOMMAND_TEST_MQTT_DIR)";
            return null;
        }
        await File.WriteAllTextAsync(Path.Combine(Directory, "acl"), $"""
            pattern write fc/%u/telemetry
            pattern write fc/%u/event
            pattern write fc/%u/status
            pattern read fc/%u/command

            user {_ingestUser}
            topic read fc/+/telemetry
            topic read fc/+/event
            topic read fc/+/status
            topic write fc/+/command

            """);
        await WritePasswordsAsync("");
        return new()
        {
            ["Sensing:Mqtt:Mode"] = "External",
            ["Sensing:Mqtt:External:Host"] = Broker.Host,
            ["Sensing:Mqtt:External:Port"] = Broker.Port.ToString(CultureInfo.InvariantCulture),
            ["Sensing:Mqtt:External:UserName"] = _ingestUser,
            ["Sensing:Mqtt:External:Password"] = _ingestPassword,
            ["Sensing:Mqtt:External:ClientId"] = _ingestUser,
            ["Sensing:Mqtt:External:SharedSubscriptionGroup"] = _ingestUser,
            ["Sensing:Mqtt:External:ReconnectDelay"] = "00:00:00.200",
        };
    }

    /// <summary>Provisions a device through the API, installs the exported password file in Mosquitto and connects the device.</summary>
    public async Task<(IMqttClient Client, string Id)> DeviceAsync()
    {
        using var admin = await AdminAsync();
        var id = "dev-" + Guid.NewGuid().ToString("N")[..10];
        var password = await ProvisionAsync(admin, id);
        await _files.WaitAsync();
        try
        {
            await WritePasswordsAsync(await (await admin.GetAsync("/api/sensing/mqtt/mosquitto/passwd")).Content.ReadAsStringAsync());
        }
        finally
        {
            _files.Release();
        }
        // Mosquitto re-reads its files on SIGHUP, a moment later.
        for (var attempt = 0; ; attempt++)
        {
            var (client, code) = await ConnectAsync(Broker.Host, Broker.Port, id, password);
            if (client is not null) return (client, id);
            if (attempt == 50) Assert.Fail($"Mosquitto refused the provisioned device: {code}");
            await Task.Delay(100);
        }
    }

    private async Task WritePasswordsAsync(string devices)
    {
        await File.WriteAllTextAsync(Path.Combine(Directory!, "passwd"), $"{_ingestUser}:{MqttPassword.Hash(_ingestPassword)}\n{devices}");
        var pid = (await File.ReadAllTextAsync(Path.Combine(Directory!, "mosquitto.pid"))).Trim();
        using var kill = Process.Start("kill", ["-HUP", pid]);
        await kill.WaitForExitAsync();
    }
}

public sealed class ExternalBrokerTests(MosquittoHost host) : IClassFixture<MosquittoHost>
{
    [Fact]
    public async Task DeviceThroughMosquitto_ReachesTheSink()
    {
        var (client, id) = await host.DeviceAsync();
        using var _ = client;

        await PublishAsync(client, $"fc/{id}/telemetry", Telemetry("pressure_mpa", 0.28, "via-broker"));

        var m = await host.Sink.WaitForAsync(m => m.DeviceKey == $"mqtt:{id}");
        Assert.Equal(("pressure_mpa", 0.28, "via-broker/pressure_mpa"), (m.Type, m.Value!.Value, m.MessageId));
    }

    [Fact]
    public async Task MosquittosAcl_KeepsADeviceToItsOwnTopics()
    {
        var (client, id) = await host.DeviceAsync();
        using var _ = client;
        var victim = "dev-" + Guid.NewGuid().ToString("N")[..10];

        await PublishAsync(client, $"fc/{victim}/event", """{"type":"fire","id":"forged-ext"}""");
        await PublishAsync(client, $"fc/{id}/event", """{"type":"fault","id":"own-ext"}""");

        await host.Sink.WaitForAsync(m => m.MessageId == "own-ext");
        Assert.DoesNotContain(host.Sink.Received, m => m.MessageId == "forged-ext");
    }

    [Fact]
    public async Task FailedCommit_IsNotAcknowledged_AndMosquittoDeliversItAgain()
    {
        var (client, id) = await host.DeviceAsync();
        using var _ = client;
        host.Sink.FailNext();

        await PublishAsync(client, $"fc/{id}/event", """{"type":"fire","component":"2F-smoke-3","id":"must-not-be-lost"}""");

        // The first commit failed; only a delivery the platform left unacknowledged comes again.
        var m = await host.Sink.WaitForAsync(m => m.MessageId == "must-not-be-lost");
        Assert.Equal(($"mqtt:{id}", "fire"), (m.DeviceKey, m.Type));
    }
}
