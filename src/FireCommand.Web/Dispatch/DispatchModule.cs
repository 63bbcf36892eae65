using FireCommand.Core.Shared;
using FireCommand.Web.Security;

namespace FireCommand.Web.Dispatch;

/// <summary>The dispatch capability: alarms, incidents, orders, unit status, the consoles' hub.</summary>
public static class DispatchModule
{
    public static WebApplicationBuilder AddDispatch(this WebApplicationBuilder builder)
    {
        // Consoles read enum names on the live channel exactly as in the HTTP API.
        var signalR = builder.Services.AddSignalR().AddJsonProtocol(o =>
            o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        // Several app nodes share consoles through Redis; one node needs nothing.
        if (builder.Configuration["SignalR:Redis"] is { Length: > 0 } redis) signalR.AddStackExchangeRedis(redis);
        builder.Services.AddCorpsCalendar();
        builder.Services.AddSingleton<ConsoleNotifier>();
        builder.Services.AddOptions<DispatchOptions>().BindConfiguration(DispatchOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<Simulation.DemoSimulator>();
        builder.Services.AddHostedService<TimerWatch>();
        builder.Services.AddSingleton<MoveUps>();
        builder.Services.AddSingleton<Locate>();
        return builder;
    }

    public static RouteGroupBuilder MapDispatch(this RouteGroupBuilder api)
    {
        api.MapPost("/alarms", TakeAlarm.Handle).WithTags("Dispatch").RequireAuthorization(Policies.Dispatch);
        api.MapPost("/alarms/preview", PreviewAlarm.Handle).WithTags("Dispatch").RequireAuthorization(Policies.Dispatch);
        var incidents = api.MapGroup("/incidents").WithTags("Dispatch");
        incidents.MapIncidentQueries();
        incidents.MapGet("/{id:long}/recommendation", Recommend.Handle);
        incidents.MapGet("/{id:long}/timers", IncidentTimers.Handle);
        incidents.MapCommandView();
        incidents.MapPost("/{id:long}/dispatch", DispatchUnits.Handle).RequireAuthorization(Policies.Dispatch);
        incidents.MapPost("/{id:long}/escalate", IncidentActions.Escalate).RequireAuthorization(Policies.Dispatch);
        incidents.MapPost("/{id:long}/release-all", IncidentActions.ReleaseAll).RequireAuthorization(Policies.Dispatch);
        incidents.MapPost("/{id:long}/close", IncidentActions.Close).RequireAuthorization(Policies.Dispatch);
        incidents.MapPost("/{id:long}/merge", IncidentActions.Merge).RequireAuthorization(Policies.Dispatch);
        api.MapResponsePlans();
        api.MapGet("/locate", Locate.Handle).WithTags("Dispatch");
        api.MapGet("/dispatch/move-ups", MoveUps.Handle).WithTags("Dispatch");
        api.MapPost("/units/{id:long}/status", ChangeUnitStatus.Handle).WithTags("Dispatch")
            .RequireAuthorization(Policies.ChangeUnitStatus);
        return api;
    }

    public static IEndpointRouteBuilder MapDispatchHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<DispatchHub>(DispatchHub.Path);
        return app;
    }
}
