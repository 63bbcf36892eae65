using FireCommand.Core.Data;
using FireCommand.Web.Admin;
using FireCommand.Web.Dispatch;
using FireCommand.Web.Hosting;
using FireCommand.Web.Map;
using FireCommand.Web.Resources;
using FireCommand.Web.Security;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--demo-seed"] = "Demo:Seed",
    ["--data-dir"] = "Database:DataDirectory",
});

builder.Services.AddFireCommandData(builder.Configuration, builder.Environment.ContentRootPath);
builder.AddPlatformSecurity();
builder.AddPlatformApi();

var app = builder.Build();
await app.InitialisePlatformAsync();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();
app.UseResponseCompression();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealth();
app.MapAuth();
app.MapOneMap();
var api = app.MapGroup("/api").RequireAntiforgeryHeader();
api.MapResources();
api.MapDispatch();
api.MapAdmin();
app.MapApiReference();

app.Run();

/// <summary>Entry point, public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
