using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;

namespace FireCommand.Web.Tests.Infrastructure;

/// <summary>
/// The built program (src/FireCommand.Web/bin/&lt;configuration&gt;/&lt;tfm&gt;/firecommand.dll) run as a process of
/// its own, started from a working folder that is not its own, on a data folder of its own, with its output kept
/// for failure messages. It can be killed and started again on the same data. Only this process (and its
/// children) is ever ended, by its id.
/// </summary>
public sealed class BuiltProgram : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private Process? _process;

    public string WorkDir { get; } = Path.Combine(Path.GetTempPath(), "fc-cwd-" + Guid.NewGuid().ToString("N"));

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "fc-data-" + Guid.NewGuid().ToString("N"));

    public int HttpPort { get; } = FreePort();

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}");

    public BuiltProgram() => Directory.CreateDirectory(WorkDir);

    /// <summary>
    /// Starts the program with <paramref name="environment"/> added to its environment and waits until it answers
    /// /health and <paramref name="ready"/> (if given) holds; a program that stops or never comes up fails the test
    /// with its output.
    /// </summary>
    public async Task StartAsync(IReadOnlyDictionary<string, string>? environment = null, Func<Task<bool>>? ready = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = WorkDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { ProgramPath(), "--urls", BaseAddress.ToString().TrimEnd('/'), "--data-dir", DataDir }) start.ArgumentList.Add(a);
        foreach (var v in new[] { "ASPNETCORE_CONTENTROOT", "DOTNET_CONTENTROOT", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" })
            start.Environment.Remove(v);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = _process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // A first start seeds its data; allow a slow, busy machine plenty of time.
        using var http = new HttpClient { BaseAddress = BaseAddress };
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            Assert.False(process.HasExited, "the program stopped:\n" + Output());
            try
            {
                if ((await http.GetAsync("/health", TestContext.Current.CancellationToken)).IsSuccessStatusCode
                    && (ready is null || await ready())) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
        Assert.Fail("the program did not come up:\n" + Output());
    }

    /// <summary>SIGKILL to this program (and its children), by its id: no shutdown, no flush.</summary>
    public async Task KillAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _process = null;
    }

    public string Output()
    {
        lock (_output) return _output.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        SqliteConnection.ClearAllPools();
        foreach (var dir in new[] { WorkDir, DataDir })
            try { Directory.Delete(dir, recursive: true); } catch (DirectoryNotFoundException) { }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>src/FireCommand.Web/bin/&lt;configuration&gt;/&lt;tfm&gt;/firecommand.dll, for this test's configuration.</summary>
    public static string ProgramPath()
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
}
