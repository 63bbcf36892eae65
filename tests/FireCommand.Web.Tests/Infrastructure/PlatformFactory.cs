using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FireCommand.Web.Tests.Infrastructure;

/// <summary>
/// Boots the real host (Program) with the demo province on the given database. Configuration goes
/// in through the same keys an operator uses.
/// </summary>
public sealed class PlatformFactory(IReadOnlyDictionary<string, string?> settings,
    Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public const string AdminUserName = "admin";
    public const string AdminPassword = "Admin#Test-2026";
    public const string DemoPassword = "Demo#Test-2026";

    public static Dictionary<string, string?> Defaults(string dataDirectory) => new()
    {
        ["Database:DataDirectory"] = dataDirectory,
        ["Security:KeysDirectory"] = Path.Combine(dataDirectory, "keys"),
        ["Security:AdminPassword"] = AdminPassword,
        ["Security:LoginAttemptsPerMinute"] = "10000",
        ["Demo:Enabled"] = "true",
        ["Demo:Seed"] = "1",
        // Tests make their own calls; simulated ones would race them for units.
        ["Demo:Simulate"] = "false",
        ["Demo:UserPassword"] = DemoPassword,
        // Demo mode turns the device transports and simulated devices on at fixed ports; test hosts run
        // side by side, so each test that needs them asks with ports of its own.
        ["Demo:Sensing:Enabled"] = "false",
        ["Sensing:Gb26875:Enabled"] = "false",
        ["Sensing:Mqtt:Mode"] = "Off",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureServices(services);
    }
}
