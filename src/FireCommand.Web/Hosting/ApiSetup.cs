using System.Text.Json.Serialization;
using FireCommand.Core.Data;
using FireCommand.Web.Map;
using FireCommand.Web.Shared;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace FireCommand.Web.Hosting;

/// <summary>ProblemDetails, JSON, OpenAPI with its browsable page, health checks, compression.</summary>
public static class ApiSetup
{
    public static WebApplicationBuilder AddPlatformApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails();
        services.AddExceptionHandler<DomainExceptionHandler>();
        // Unreadable bodies surface as exceptions so the handler can name the JSON path at fault.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi();
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes.Append(Map.GeoJsonResult.ContentType);
        });
        services.AddHealthChecks().AddDbContextCheck<FireCommandDbContext>("database", tags: ["ready"]);
        services.AddSingleton<RoadLayerCache>();
        services.AddSingleton<ProvinceGeography>();
        services.AddSingleton<PackageNames>();
        services.AddSingleton<IOneTimePasswordSink, ConsoleOneTimePasswordSink>();
        services.AddSingleton(new OneTimePasswordFile(PlatformPaths.DataDirectory(builder)));
        services.AddSingleton<CoverageLayer>();
        services.AddOptions<MapOptions>().BindConfiguration(MapOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    /// <summary>/health is liveness (the process answers); /health/ready also checks the database.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }

    /// <summary>The OpenAPI document and a browsable reference page, for signed-in users.</summary>
    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/api/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/reference", o => o
            .WithTitle("FireCommand API")
            .WithOpenApiRoutePattern("/api/openapi/{documentName}.json"));
        return app;
    }
}
