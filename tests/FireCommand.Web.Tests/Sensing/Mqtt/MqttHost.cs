using System.Net;
using System.Text.Json.Nodes;
using FireCommand.Core.Sensing;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FireCommand.Web.Tests.Sensing.Mqtt;

/// <summary>The real host on SQLite with MQTT ingestion switched on and a recording sink behind it.</summary>
public abstract class MqttHost : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "fc-test-" + Guid.NewGuid().ToString("N"));
    private PlatformFactory? _factory;

    public RecordingSink Sink { get; } = new();

    public PlatformFactory Factory => _factory ?? throw new InvalidOperationException("Host not started.");

    /// <summary>The broker devices connect to.</summary>
    public abstract (string Host, int Port) Broker { get; }

    /// <summary>The Sensing:Mqtt settings; null when the broker is missing (each test then skips or fails).</summary>
    protected abstract Task<Dictionary<string, string?>?> MqttSettingsAsync();

    public string? SkipReason { get; protected set; }

    public async ValueTask InitializeAsync()
    {
        var mqtt = await MqttSettingsAsync();
        if (mqtt is null) return;
        Directory.CreateDirectory(_dataDirectory);
        var settings = PlatformFactory.Defaults(_dataDirectory);
        settings["Database:Provider"] = "Sqlite";
        foreach (var (k, v) in mqtt) settings[k] = v;
        _factory = new PlatformFactory(settings, services => services.AddSingleton<IDeviceMessageSink>(Sink));
        _ = _factory.Server;
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (DirectoryNotFoundException) { }
        GC.SuppressFinalize(this);
    }

    public async Task<ApiClient> AdminAsync()
    {
        if (SkipReason is not null) Requirements.SkipOrFail(SkipReason);
        return await new ApiClient(Factory.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false }))
            .SignedInAs(PlatformFactory.AdminUserName, PlatformFactory.AdminPassword);
    }

    /// <summary>Issues a device's credentials through the API; returns its password.</summary>
    public static async Task<string> ProvisionAsync(ApiClient admin, string deviceId)
    {
        var root = (await admin.GetJsonAsync("/api/jurisdictions")).AsArray()[0]!["id"]!.GetValue<long>();
        var response = await admin.PostAsync($"/api/sensing/mqtt/devices/{deviceId}/credentials", new { jurisdictionId = root });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ApiClient.ReadJsonAsync(response))["password"]!.GetValue<string>();
    }
}

/// <summary>The embedded broker on a free loopback port.</summary>
public sealed class EmbeddedMqttHost : MqttHost
{
    private readonly int _port = MqttDevice.FreePort();

    public override (string Host, int Port) Broker => ("127.0.0.1", _port);

    protected override Task<Dictionary<string, string?>?> MqttSettingsAsync() => Task.FromResult<Dictionary<string, string?>?>(new()
    {
        ["Sensing:Mqtt:Mode"] = "Embedded",
        ["Sensing:Mqtt:Embedded:Port"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });
}
