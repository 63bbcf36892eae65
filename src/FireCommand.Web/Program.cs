using FireCommand.Core.Data;
using FireCommand.Web.Admin;
using FireCommand.Web.Analytics;
using FireCommand.Web.Cli;
using FireCommand.Web.Dispatch;
using FireCommand.Web.Hosting;
using FireCommand.Web.Linkage;
using FireCommand.Web.Map;
using FireCommand.Web.Map.Tiles;
using FireCommand.Web.Resources;
using FireCommand.Web.Security;
using FireCommand.Web.Sensing;
using FireCommand.Web.Sensing.Demo;
using FireCommand.Web.Sensing.Gb26875;
using FireCommand.Web.Sensing.Mqtt;
using FireCommand.Web.Sensing.Risk;
using FireCommand.Web.Sensing.Warnings;
using FireCommand.Web.Shared;

// `firecommand <verb> …` runs a command-line tool (import-osm, route, …) instead of the server.
if (CliVerbs.IsCliVerb(args))
    return await CliVerbs.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);

var builder = WebApplication.CreateBuilder(PlatformPaths.Options(args));
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--demo-seed"] = "Demo:Seed",
    ["--data-dir"] = "Database:DataDirectory",
    ["--province"] = ProvinceStart.PathKey,
});

builder.Services.AddFireCommandData(builder.Configuration, builder.Environment.ContentRootPath);
builder.AddPlatformSecurity();
builder.AddPlatformApi();
builder.AddDispatch();
builder.AddBaseMap();
builder.AddLinkage();
builder.AddDemoSensing();
builder.AddMqttIngest();
builder.AddSensing();
builder.AddGb26875Gateway();
builder.AddSensingRisk();
builder.AddSensingWarnings();

var app = builder.Build();
await app.InitialisePlatformAsync();

app.UseForwardedHeadersFromKnownProxies();
app.UseHsts();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders(SecurityHeaders.OriginOf(app.Configuration["Map:BaseLayer:Url"]));
app.UseResponseCompression();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UsePasswordChangeGate();

app.MapHealth();
app.MapAuth();
app.MapOneMap();
var api = app.MapGroup("/api").RequireAntiforgeryHeader().CheckParameters();
api.MapResources();
api.MapDispatch();
api.MapAdmin();
api.MapAnalytics();
api.MapLinkageAdministration();
api.MapMqtt();
api.MapSensing();
api.MapSensingRisk();
api.MapSensingWarnings();
api.MapGb26875Commands();
app.MapLinkagePartnerApi();
app.MapDispatchHub();
app.MapApiReference();

await app.RunAsync();
return 0;

/// <summary>Entry point, public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
