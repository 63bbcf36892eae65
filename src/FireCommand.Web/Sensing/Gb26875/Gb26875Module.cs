using FireCommand.Core.Sensing.Gb26875;
using FireCommand.Core.Shared;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FireCommand.Web.Sensing.Gb26875;

/// <summary>
/// The GB/T 26875.3 gateway in the host: options (<c>Sensing:Gb26875</c>, validated at start), the
/// downstream command service (<see cref="Gb26875Commands"/>, always registered so the API can say a
/// device is not connected) and, when enabled, the listener. The listener needs an
/// <see cref="Core.Sensing.IDeviceMessageSink"/> registered by the device registry.
/// </summary>
public static class Gb26875Module
{
    public static WebApplicationBuilder AddGb26875Gateway(this WebApplicationBuilder builder)
    {
        builder.Services.AddGb26875Gateway(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddGb26875Gateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Gb26875GatewayOptions>().BindConfiguration(Gb26875GatewayOptions.Section)
            .Validate(o => System.Net.IPAddress.TryParse(o.Address, out _), "Sensing:Gb26875:Address must be an IP address, e.g. 0.0.0.0.")
            .Validate(o => o.Port is >= 0 and <= 65535, "Sensing:Gb26875:Port must be 0–65535.")
            .Validate(o => o.MaxConnections >= 1, "Sensing:Gb26875:MaxConnections must be at least 1.")
            .Validate(o => o.MaxConnectionsPerAddress >= 1, "Sensing:Gb26875:MaxConnectionsPerAddress must be at least 1.")
            .Validate(o => o.IdleTimeoutSeconds >= 1, "Sensing:Gb26875:IdleTimeoutSeconds must be at least 1.")
            .Validate(o => o.OfflineGraceSeconds >= 0, "Sensing:Gb26875:OfflineGraceSeconds must be 0 or more.")
            .Validate(o => o.AnswerTimeoutSeconds >= 1, "Sensing:Gb26875:AnswerTimeoutSeconds must be at least 1.")
            .Validate(o => o.MaxFrameBytes is >= Gb26875FrameCodec.Overhead and <= Gb26875FrameCodec.MaxFrameLength,
                $"Sensing:Gb26875:MaxFrameBytes must be {Gb26875FrameCodec.Overhead}–{Gb26875FrameCodec.MaxFrameLength}.")
            .Validate(o => Gb26875Address.TryParse(o.CentreAddress, out _), "Sensing:Gb26875:CentreAddress must be up to 12 hex digits.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddCorpsCalendar();
        services.TryAddSingleton<Gb26875Commands>();
        if (configuration.GetValue<bool>($"{Gb26875GatewayOptions.Section}:Enabled"))
        {
            services.TryAddSingleton<Gb26875Gateway>();
            services.AddHostedService(sp => sp.GetRequiredService<Gb26875Gateway>());
        }
        return services;
    }
}
