using System.Net;
using FireCommand.Web.Tests.Infrastructure;

namespace FireCommand.Web.Tests.Hosting;

/// <summary>
/// The built program, started from another working directory, reads its own appsettings.json and
/// serves its own UI. Runs the Web project's build output (built before this test project), so no
/// extra build or publish is needed.
/// </summary>
public sealed class BuiltProgramTests : IAsyncLifetime
{
    private readonly BuiltProgram _program = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _program.DisposeAsync();

    [Fact]
    public async Task StartedFromAnotherFolder_ItUsesItsOwnSettings_AndServesTheUi()
    {
        await _program.StartAsync();

        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() })
        {
            BaseAddress = _program.BaseAddress,
        };
        var login = await http.GetAsync("/login.html");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("auth/login.js", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The npm-installed vendor files came along with the build output.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/lib/leaflet/leaflet.js")).StatusCode);

        // appsettings.json of the program's folder is in effect: demo mode on, so its users exist …
        using var viewer = new ApiClient(http);
        var signedIn = await viewer.LoginAsync("viewer", "FireDemo#2026");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        // … and EF Core's SQL is not logged at Information.
        Assert.DoesNotContain("Executed DbCommand", _program.Output(), StringComparison.Ordinal);
    }
}
