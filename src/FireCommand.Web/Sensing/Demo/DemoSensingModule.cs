namespace FireCommand.Web.Sensing.Demo;

/// <summary>
/// The demo's sensing side in the host: the transports' demo defaults (before the transports are added)
/// and the simulated devices with their history (<see cref="DemoSensingRunner"/>), in demo mode only.
/// </summary>
public static class DemoSensingModule
{
    public static WebApplicationBuilder AddDemoSensing(this WebApplicationBuilder builder)
    {
        builder.AddDemoTransports();
        builder.Services.AddOptions<DemoSensingOptions>().BindConfiguration(DemoSensingOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DemoDeviceRegistry>();
        builder.Services.AddSingleton<DemoSensingHistoryWriter>();
        builder.Services.AddSingleton<DemoSensingRunner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DemoSensingRunner>());
        return builder;
    }
}
