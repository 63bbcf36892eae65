using System.Net;
using FireCommand.Core.Sensing;
using FireCommand.Web.Tests.Infrastructure;
using MQTTnet;
using static FireCommand.Web.Tests.Sensing.Mqtt.MqttDevice;

namespace FireCommand.Web.Tests.Sensing.Mqtt;

/// <summary>
/// Devices on the embedded broker: only a provisioned device with its current password gets in; it
/// publishes only under its own id; bad payloads are refused and counted while good ones still arrive;
/// the device's PUBACK waits for the sink's commit.
/// </summary>
public sealed class EmbeddedBrokerTests(EmbeddedMqttHost host) : IClassFixture<EmbeddedMqttHost>
{
    private static string NewId() => "dev-" + Guid.NewGuid().ToString("N")[..10];

    private async Task<(IMqttClient Client, string Id)> DeviceAsync()
    {
        using var admin = await host.AdminAsync();
        var id = NewId();
        var password = await MqttHost.ProvisionAsync(admin, id);
        var (client, code) = await ConnectAsync(host.Broker.Host, host.Broker.Port, id, password);
        Assert.True(client is not null, $"the provisioned device was refused: {code}");
        return (client!, id);
    }

    [Fact]
    public async Task ProvisionedDevice_PublishesTelemetry_AndTheSinkReceivesIt()
    {
        var (client, id) = await DeviceAsync();
        using var _ = client;

        var result = await PublishAsync(client, $"fc/{id}/telemetry", Telemetry("pressure_mpa", 0.32, "m-1"));

        Assert.Equal(MqttClientPublishReasonCode.Success, result.ReasonCode);
        var m = await host.Sink.WaitForAsync(m => m.DeviceKey == $"mqtt:{id}");
        Assert.Equal((DeviceTransport.Mqtt, DeviceMessageKind.Telemetry, "pressure_mpa", 0.32, "m-1/pressure_mpa"),
            (m.Transport, m.Kind, m.Type, m.Value!.Value, m.MessageId));
    }

    [Fact]
    public async Task WrongPassword_UnknownDevice_OrAnotherClientId_AreRefused()
    {
        using var admin = await host.AdminAsync();
        var id = NewId();
        var password = await MqttHost.ProvisionAsync(admin, id);
        var (b, port) = host.Broker;

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, (await ConnectAsync(b, port, id, password + "x")).Code);
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, (await ConnectAsync(b, port, NewId(), password)).Code);
        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid,
            (await ConnectAsync(b, port, id, password, clientId: "someone-else")).Code);
        var (ok, _) = await ConnectAsync(b, port, id, password);
        Assert.NotNull(ok);
        ok!.Dispose();
    }

    [Fact]
    public async Task RotatedOrRevokedCredentials_AreRefused_AndEndTheLiveConnection()
    {
        using var admin = await host.AdminAsync();
        var id = NewId();
        var first = await MqttHost.ProvisionAsync(admin, id);
        var (b, port) = host.Broker;
        var (client, _) = await ConnectAsync(b, port, id, first);
        using var live = client!;
        var dropped = new TaskCompletionSource();
        live.DisconnectedAsync += _ => { dropped.TrySetResult(); return Task.CompletedTask; };

        var second = await MqttHost.ProvisionAsync(admin, id);
        await dropped.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, (await ConnectAsync(b, port, id, first)).Code);
        var (again, _) = await ConnectAsync(b, port, id, second);
        Assert.NotNull(again);
        again!.Dispose();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/sensing/mqtt/devices/{id}/credentials")).StatusCode);
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, (await ConnectAsync(b, port, id, second)).Code);
    }

    [Fact]
    public async Task PublishUnderAnotherDevicesTopic_IsRefused_AndNeverReachesTheSink()
    {
        var (client, id) = await DeviceAsync();
        using var _ = client;
        var victim = NewId();

        var forged = await PublishAsync(client, $"fc/{victim}/event", """{"type":"fire","id":"forged"}""");
        var own = await PublishAsync(client, $"fc/{id}/event", """{"type":"fault","id":"own"}""");

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, forged.ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.Success, own.ReasonCode);
        // The device's own later message has been committed, so the forged one, sent first, had its chance.
        await host.Sink.WaitForAsync(m => m.DeviceKey == $"mqtt:{id}" && m.MessageId == "own");
        Assert.DoesNotContain(host.Sink.Received, m => m.DeviceKey == $"mqtt:{victim}" || m.MessageId == "forged");
    }

    [Fact]
    public async Task DeviceSubscribes_OnlyToItsOwnCommandTopic()
    {
        var (client, id) = await DeviceAsync();
        using var _ = client;
        var result = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter($"fc/{id}/command").WithTopicFilter("fc/+/telemetry").WithTopicFilter("#").Build());
        Assert.Equal([MqttClientSubscribeResultCode.GrantedQoS0, MqttClientSubscribeResultCode.NotAuthorized, MqttClientSubscribeResultCode.NotAuthorized],
            result.Items.Select(i => i.ResultCode));
    }

    [Fact]
    public async Task BadPayloads_AreRefusedAndCounted_AndAGoodOneAfterwardsStillArrives()
    {
        var (client, id) = await DeviceAsync();
        using var _ = client;
        using var admin = await host.AdminAsync();
        var before = (await admin.GetJsonAsync("/api/sensing/mqtt/status"))["rejectedByReason"]!;

        string[] bad = ["not json", """{"values":{"pressure_mpa":"high"}}""", """{"values":{"pressure_mpa":1e999}}""", "[]",
            """{"type":"smoke"}"""];
        foreach (var payload in bad)
        {
            var topic = payload.Contains("smoke") ? $"fc/{id}/event" : $"fc/{id}/telemetry";
            Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, (await PublishAsync(client, topic, payload)).ReasonCode);
        }
        Assert.Equal(MqttClientPublishReasonCode.Success,
            (await PublishAsync(client, $"fc/{id}/telemetry", Telemetry("level_m", 2.5, "after-bad"))).ReasonCode);

        await host.Sink.WaitForAsync(m => m.DeviceKey == $"mqtt:{id}" && m.MessageId == "after-bad/level_m");
        var after = (await admin.GetJsonAsync("/api/sensing/mqtt/status"))["rejectedByReason"]!;
        long Grew(string reason) => after[reason]!.GetValue<long>() - before[reason]!.GetValue<long>();
        // Other tests of this class run alongside; each of these reasons grew by at least this test's own.
        Assert.True(Grew("NotJson") >= 1 && Grew("WrongType") >= 1 && Grew("NotFinite") >= 1 && Grew("NotAnObject") >= 1
                    && Grew("UnknownType") >= 1, after.ToJsonString());
    }

    [Fact]
    public async Task PubAck_WaitsForTheSinksCommit()
    {
        var (client, id) = await DeviceAsync();
        using var _ = client;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = host.Sink.HoldNext(release);

        var publish = PublishAsync(client, $"fc/{id}/telemetry", Telemetry("temperature_c", 21, "held"));
        await entered.WaitAsync(TimeSpan.FromSeconds(30));
        // The sink holds the commit; give a wrongly early PUBACK every chance to arrive.
        await Task.WhenAny(publish, Task.Delay(TimeSpan.FromMilliseconds(500)));
        Assert.False(publish.IsCompleted, "the device got its PUBACK before the sink committed");

        release.SetResult();
        Assert.Equal(MqttClientPublishReasonCode.Success, (await publish).ReasonCode);
        await host.Sink.WaitForAsync(m => m.MessageId == "held/temperature_c");
    }

    [Fact]
    public async Task Provisioning_IsForAdmins_AndNamesABadDeviceId()
    {
        using var admin = await host.AdminAsync();
        var bad = await admin.PostAsync("/api/sensing/mqtt/devices/bad+id/credentials", new { jurisdictionId = 1 });
        var problem = await ApiClient.AssertProblemAsync(bad, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["deviceId"]);
        var noJurisdiction = await admin.PostAsync($"/api/sensing/mqtt/devices/{NewId()}/credentials", new { });
        Assert.NotNull((await ApiClient.AssertProblemAsync(noJurisdiction, HttpStatusCode.BadRequest))["errors"]!["jurisdictionId"]);

        using var dispatcher = await new ApiClient(host.Factory.CreateClient(new() { HandleCookies = true }))
            .SignedInAs("dispatcher", PlatformFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await dispatcher.PostAsync($"/api/sensing/mqtt/devices/{NewId()}/credentials", new { jurisdictionId = 1 })).StatusCode);
    }

    [Fact]
    public async Task IssuedCredentials_AreAudited_WithoutTheHash()
    {
        using var admin = await host.AdminAsync();
        var id = NewId();
        var password = await MqttHost.ProvisionAsync(admin, id);
        var audit = (await admin.GetJsonAsync("/api/audit?entity=MqttDeviceCredential")).ToJsonString();
        Assert.Contains(id, audit);
        Assert.DoesNotContain("$7$", audit);
        Assert.DoesNotContain(password, audit);
    }
}
