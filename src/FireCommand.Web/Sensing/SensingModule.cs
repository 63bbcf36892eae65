using FireCommand.Core.Sensing;
using FireCommand.Core.Sensing.Rules;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Sensing;

/// <summary>
/// Risk sensing (风险感知): the device registry, the sink every device transport hands its messages
/// to, the rules and the alarm board, and the watch for silent devices and unanswered detectors.
/// </summary>
public static class SensingModule
{
    public static WebApplicationBuilder AddSensing(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SensingOptions>().BindConfiguration(SensingOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<AlarmFeed>();
        builder.Services.AddSingleton<AutomaticIncidents>();
        builder.Services.AddSingleton<DeviceMessageSink>();
        builder.Services.AddSingleton<IDeviceMessageSink>(sp => sp.GetRequiredService<DeviceMessageSink>());
        builder.Services.AddSingleton<SensingWatch>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SensingWatch>());
        return builder;
    }

    public static RouteGroupBuilder MapSensing(this RouteGroupBuilder api)
    {
        var sensing = api.MapGroup("/sensing").WithTags("Sensing");
        sensing.MapDevices();
        sensing.MapSensingAlarms();
        sensing.MapPlaceWeaknesses();
        api.MapIncidentSensing();
        sensing.MapDeviceHealth();
        sensing.MapGet("/profiles", async (Core.Data.FireCommandDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.DeviceProfiles.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct))
                .Select(p => new { p.Code, p.Name, Rules = p.Rules() })));
        return api;
    }
}
