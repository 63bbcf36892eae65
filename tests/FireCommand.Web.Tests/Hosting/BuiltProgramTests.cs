using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FireCommand.Web.Tests.Infrastructure;

namespace FireCommand.Web.Tests.Hosting;

/// <summary>
/// The built program, started from another working directory, reads its own appsettings.json and
/// serves its own UI. Runs the Web project's build output (built before this test project), so no
/// extra build or publish is needed.
/// </summary>
public sealed class BuiltProgramTests : IAsyncLifetime
{
    private readonly string _workDir = Path.Combine(Path.GetTempPath(), "fc-cwd-" + Guid.NewGuid().ToString("N"));
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "fc-data-" + Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _output = new();
    private Process? _process;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_workDir);
        return ValueTask.CompletedTask;
    }

    /// <summary>src/FireCommand.Web/bin/&lt;configuration&gt;/&lt;tfm&gt;/firecommand.dll, for this test's configuration.</summary>
    private static string ProgramPath()
    {
        var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (tfm, configuration) = (own.Name, own.Parent!.Name);
        var root = own;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "FireCommand.slnx"))) root = root.Parent;
        Assert.NotNull(root);
        var path = Path.Combine(root.FullName, "src", "FireCommand.Web", "bin", configuration, tfm, "firecommand.dll");
        Assert.True(File.Exists(path), $"{path} is missing; the Web project is built before its tests");
        return path;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task StartedFromAnotherFolder_ItUsesItsOwnSettings_AndServesTheUi()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { ProgramPath(), "--urls", $"http://127.0.0.1:{port}", "--data-dir", _dataDir }) start.ArgumentList.Add(a);
        foreach (var v in new[] { "ASPNETCORE_CONTENTROOT", "DOTNET_CONTENTROOT", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" })
            start.Environment.Remove(v);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };
        await WaitUntilReadyAsync(http);

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
        lock (_output) Assert.DoesNotContain("Executed DbCommand", _output.ToString(), StringComparison.Ordinal);
    }

    private async Task WaitUntilReadyAsync(HttpClient http)
    {
        // First start seeds the demo province; allow a slow, busy machine plenty of time.
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            Assert.False(_process!.HasExited, "the program stopped:\n" + Output());
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
        Assert.Fail("the program did not answer /health:\n" + Output());
    }

    private string Output()
    {
        lock (_output) return _output.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            // This process and its children only, by its id.
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        foreach (var dir in new[] { _workDir, _dataDir })
            try { Directory.Delete(dir, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}
