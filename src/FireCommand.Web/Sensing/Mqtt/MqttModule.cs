using FireCommand.Core.Security;
using FireCommand.Core.Sensing.Mqtt;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Sensing.Mqtt;

/// <summary>
/// MQTT ingestion of IoT sensors: the embedded broker or the external broker's subscription, chosen
/// by <c>Sensing:Mqtt:Mode</c> (Off by default), and device provisioning for admins. Needs an
/// <see cref="Core.Sensing.IDeviceMessageSink"/> registered when the mode is not Off.
/// </summary>
public static class MqttModule
{
    public const string ProvisionDevices = nameof(ProvisionDevices);

    public static WebApplicationBuilder AddMqttIngest(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MqttOptions>().BindConfiguration(MqttOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthorizationBuilder().AddPolicy(ProvisionDevices, p => p.RequireRole(Roles.Admin));
        services.AddSingleton<MqttIngestCounters>();
        services.AddSingleton<MqttIngest>();
        services.AddSingleton<MqttDeviceDirectory>();
        var mode = builder.Configuration.GetSection(MqttOptions.Section).Get<MqttOptions>()?.Mode ?? MqttMode.Off;
        switch (mode)
        {
            case MqttMode.Embedded:
                services.AddSingleton<EmbeddedMqttBroker>();
                services.AddSingleton<IMqttDeviceSessions>(sp => sp.GetRequiredService<EmbeddedMqttBroker>());
                services.AddHostedService(sp => sp.GetRequiredService<EmbeddedMqttBroker>());
                break;
            case MqttMode.External:
                services.AddSingleton<IMqttDeviceSessions, NoMqttDeviceSessions>();
                services.AddHostedService<ExternalMqttIngest>();
                break;
            default:
                services.AddSingleton<IMqttDeviceSessions, NoMqttDeviceSessions>();
                break;
        }
        return builder;
    }

    public static RouteGroupBuilder MapMqtt(this RouteGroupBuilder api) => api.MapMqttProvisioning();
}
