using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FireCommand.Bench.Load;

/// <summary>
/// Call-surge benchmark over the real HTTP API: starts the built host as its own process on
/// 127.0.0.1 with a fresh data folder and the demo province, signs in as the corps dispatcher, and
/// drives alarm intake → recommendation → (a fraction of the time) dispatch of the first pick.
/// Closed loop: N clients back to back, for the highest throughput. Open loop: pairs start on a
/// fixed schedule, and each latency counts from the scheduled start, so a stall shows as the
/// queue it builds instead of hiding as fewer requests. Bounded in pairs and seconds; stops itself.
/// </summary>
internal static class LoadDriver
{
    private sealed record Settings(string WebDll, string Mode, int Clients, double Rate, int Seconds, int MaxPairs,
        double DispatchFraction, int WarmupPairs, int Seed, bool Simulate);

    public static async Task<int> RunAsync(string[] args)
    {
        var s = Parse(args);
        if (s is null)
        {
            Console.Error.WriteLine("driver load --web <firecommand.dll> [--mode closed|open] [--clients N] [--rate pairs/s] " +
                                    "[--seconds S] [--max-pairs N] [--dispatch-fraction F] [--warmup N] [--seed N] [--simulate on|off]");
            return 2;
        }
        var data = Directory.CreateTempSubdirectory("firecommand-load-");
        using var host = HostProcess.Start(s.WebDll, data.FullName, s.Simulate);
        try
        {
            // A busy machine can take minutes to start the host (seeding the demo province); only a host that
            // never answers is a failure.
            using var http = await host.WaitReadyAsync(TimeSpan.FromMinutes(10));
            var api = await LoadClient.SignInAsync(http, "dispatcher", "FireDemo#2026");
            var sites = await api.AlarmSitesAsync();
            Console.WriteLine($"# host ready in {host.ReadySeconds:F1} s (pid {host.Id}); {sites.Count} stations as alarm sites; mode={s.Mode} " +
                              $"clients={s.Clients} rate={s.Rate} seconds={s.Seconds} max_pairs={s.MaxPairs} " +
                              $"dispatch_fraction={s.DispatchFraction} simulate={(s.Simulate ? "on" : "off")}");

            var warmClock = Stopwatch.StartNew();
            await WarmUpAsync(api, sites, s);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"# warmed up with {s.WarmupPairs} pairs in {warmClock.Elapsed.TotalSeconds:F1} s; measuring"));

            // What the host spends with no calls (the demo simulation, timers), to read the per-pair figure against.
            var idleFrom = host.CpuTime;
            await Task.Delay(TimeSpan.FromSeconds(5));
            var idleCpuPercent = (host.CpuTime - idleFrom).TotalMilliseconds / 50;

            var rec = new Recorder();
            var hostCpu = host.CpuTime;
            var ownCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            if (s.Mode == "open") await OpenLoopAsync(api, sites, rec, s);
            else await ClosedLoopAsync(api, sites, rec, s);
            var seconds = clock.Elapsed.TotalSeconds;
            rec.Print(s.Mode, seconds);
            // CPU time per pair does not depend on what else the machine runs, unlike the latencies.
            var pairs = Math.Max(1, rec.Pairs);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"host_cpu_ms_per_pair={(host.CpuTime - hostCpu).TotalMilliseconds / pairs:F2} host_idle_cpu_pct={idleCpuPercent:F0} " +
                $"client_cpu_ms_per_pair={(Process.GetCurrentProcess().TotalProcessorTime - ownCpu).TotalMilliseconds / pairs:F2} " +
                $"load_avg_1min={File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
            host.PrintErrors();
            return rec.Errors > rec.Pairs / 100 ? 1 : 0;
        }
        finally
        {
            host.Stop();
            try { data.Delete(recursive: true); } catch (IOException) { /* the host may still hold the file for a moment */ }
        }
    }

    /// <summary>
    /// Pairs before the measurement, from all clients at once, until the runtime has compiled the hot
    /// paths at their final tier: a freshly started host spends much of its CPU in the JIT for its
    /// first thousand or so requests, which is not a cost per call. Dispatches stay few (enough to
    /// compile that path too), so the warm-up does not use up the province's units before the run.
    /// </summary>
    private static async Task WarmUpAsync(LoadClient api, AlarmSites sites, Settings s)
    {
        var warm = new Recorder();
        int started = 0, dispatchBudget = 60;
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, s.Clients)).Select(c => Task.Run(async () =>
        {
            var rng = new Random(s.Seed * 7919 + c);
            while (Interlocked.Increment(ref started) <= s.WarmupPairs)
            {
                var fraction = Volatile.Read(ref dispatchBudget) > 0 ? s.DispatchFraction : 0;
                if (await api.PairAsync(sites, warm, rng, fraction, Stopwatch.GetTimestamp())) Interlocked.Decrement(ref dispatchBudget);
            }
        })));
    }

    private static async Task ClosedLoopAsync(LoadClient api, AlarmSites sites, Recorder rec, Settings s)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(s.Seconds * Stopwatch.Frequency);
        int started = 0;
        await Task.WhenAll(Enumerable.Range(0, s.Clients).Select(c => Task.Run(async () =>
        {
            var rng = new Random(s.Seed * 1000 + c);
            while (Stopwatch.GetTimestamp() < deadline && Interlocked.Increment(ref started) <= s.MaxPairs)
                await api.PairAsync(sites, rec, rng, s.DispatchFraction, Stopwatch.GetTimestamp());
        })));
    }

    private static async Task OpenLoopAsync(LoadClient api, AlarmSites sites, Recorder rec, Settings s)
    {
        var total = Math.Min(s.MaxPairs, (int)(s.Rate * s.Seconds));
        var interval = Stopwatch.Frequency / s.Rate;
        var start = Stopwatch.GetTimestamp();
        var running = new List<Task>(total);
        var rng = new Random(s.Seed);
        for (int i = 0; i < total; i++)
        {
            var due = start + (long)(i * interval);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var pairRng = new Random(rng.Next());
            running.Add(Task.Run(() => api.PairAsync(sites, rec, pairRng, s.DispatchFraction, due)));
        }
        await Task.WhenAll(running);
    }

    private static Settings? Parse(string[] args)
    {
        var map = new Dictionary<string, string>();
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) return null;
            map[args[i][2..]] = args[i + 1];
        }
        if (!map.TryGetValue("web", out var web) || !File.Exists(web)) return null;
        string Get(string key, string fallback) => map.GetValueOrDefault(key, fallback);
        var mode = Get("mode", "closed");
        if (mode is not ("closed" or "open")) return null;
        var simulate = Get("simulate", "on");
        if (simulate is not ("on" or "off")) return null;
        return new Settings(Path.GetFullPath(web), mode, int.Parse(Get("clients", "4"), CultureInfo.InvariantCulture),
            double.Parse(Get("rate", "50"), CultureInfo.InvariantCulture), int.Parse(Get("seconds", "30"), CultureInfo.InvariantCulture),
            int.Parse(Get("max-pairs", "20000"), CultureInfo.InvariantCulture),
            double.Parse(Get("dispatch-fraction", "0.1"), CultureInfo.InvariantCulture),
            int.Parse(Get("warmup", "2000"), CultureInfo.InvariantCulture), int.Parse(Get("seed", "1"), CultureInfo.InvariantCulture),
            simulate == "on");
    }
}

/// <summary>The host under test as a child process; stopped (killed) when the run ends.</summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _log;
    private readonly long _started = Stopwatch.GetTimestamp();

    private HostProcess(Process process, string log, Uri address)
    {
        _process = process; _log = log; Address = address;
    }

    public Uri Address { get; }

    /// <summary>The host's process id, for a profiler to attach to.</summary>
    public int Id => _process.Id;

    /// <summary>CPU time the host has used so far (all its threads).</summary>
    public TimeSpan CpuTime
    {
        get { _process.Refresh(); return _process.TotalProcessorTime; }
    }
    public double ReadySeconds { get; private set; }

    /// <summary>
    /// Starts the host on the demo province; <paramref name="simulate"/> runs the demo's background simulation too,
    /// <paramref name="environment"/> adds settings (the device gateways, say).
    /// </summary>
    public static HostProcess Start(string webDll, string dataDirectory, bool simulate, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var log = Path.Combine(dataDirectory, "host.log");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.ArgumentList.Add(webDll);
        info.Environment["ASPNETCORE_URLS"] = address.ToString();
        info.Environment["Urls"] = address.ToString();
        info.Environment["Database__Provider"] = "Sqlite";
        info.Environment["Database__DataDirectory"] = dataDirectory;
        info.Environment["Demo__Enabled"] = "true";
        info.Environment["Demo__Simulate"] = simulate ? "true" : "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start the host");
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new HostProcess(process, log, address);
    }

    public async Task<HttpClient> WaitReadyAsync(TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(), UseCookies = true, MaxConnectionsPerServer = 512,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        var http = new HttpClient(handler) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the host exited with {_process.ExitCode}; see {_log}");
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    ReadySeconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
                    return http;
                }
            }
            catch (HttpRequestException) { /* not listening yet */ }
            await Task.Delay(250);
        }
        throw new TimeoutException($"the host did not answer /health within {timeout}; see {_log}");
    }

    /// <summary>Server-side errors logged during the run (exceptions, failed requests).</summary>
    public void PrintErrors()
    {
        var lines = File.ReadAllLines(_log).Where(l => l.Contains("fail:", StringComparison.Ordinal) ||
                                                          l.Contains("Exception", StringComparison.Ordinal)).ToList();
        Console.WriteLine($"host_error_lines={lines.Count}");
        foreach (var line in lines.Take(5)) Console.WriteLine("# " + line);
    }

    public void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>One signed-in console session shared by every simulated call-taker.</summary>
internal sealed class LoadClient(HttpClient http)
{
    public static async Task<LoadClient> SignInAsync(HttpClient http, string user, string password)
    {
        await RefreshTokenAsync(http);
        var login = await http.PostAsJsonAsync("/api/auth/login", new { userName = user, password });
        if (!login.IsSuccessStatusCode)
            throw new InvalidOperationException($"login as {user}: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        await RefreshTokenAsync(http);
        return new LoadClient(http);
    }

    private static async Task RefreshTokenAsync(HttpClient http)
    {
        var token = await http.GetFromJsonAsync<JsonObject>("/api/auth/antiforgery");
        http.DefaultRequestHeaders.Remove("X-XSRF-TOKEN");
        http.DefaultRequestHeaders.Add("X-XSRF-TOKEN", token!["token"]!.GetValue<string>());
    }

    /// <summary>Alarm sites around the stations, kept inside the province's outline.</summary>
    public async Task<AlarmSites> AlarmSitesAsync()
    {
        var stations = await http.GetFromJsonAsync<JsonArray>("/api/stations");
        var jurisdictions = await http.GetFromJsonAsync<JsonObject>("/api/map/jurisdictions");
        return new AlarmSites([.. stations!.Select(s => (s!["latitude"]!.GetValue<double>(), s["longitude"]!.GetValue<double>()))],
            AlarmSites.ProvinceOf(jurisdictions!));
    }

    /// <summary>Alarm, recommendation and perhaps dispatch of the first pick; latencies count from
    /// <paramref name="due"/> (the scheduled start in the open loop). True when a dispatch was sent.</summary>
    public async Task<bool> PairAsync(AlarmSites sites, Recorder rec, Random rng, double dispatchFraction, long due)
    {
        var (lat, lon) = sites.Pick(rng);
        bool dispatch = rng.NextDouble() < dispatchFraction;
        try
        {
            var alarm = await http.PostAsJsonAsync("/api/alarms", new
            {
                source = "Call119", callerNumber = "13800000000", latitude = lat, longitude = lon, type = "Fire",
                description = "load test", trapped = 0,
            });
            var afterAlarm = Stopwatch.GetTimestamp();
            rec.Add(Recorder.Intake, due, afterAlarm);
            if (alarm.StatusCode != HttpStatusCode.Created) { await rec.ErrorAsync("alarm", alarm); return false; }
            var id = (await alarm.Content.ReadFromJsonAsync<JsonObject>())!["incident"]!["id"]!.GetValue<long>();

            var recommendation = await http.GetAsync($"/api/incidents/{id}/recommendation");
            var afterRecommendation = Stopwatch.GetTimestamp();
            rec.Add(Recorder.Recommendation, afterAlarm, afterRecommendation);
            rec.Add(Recorder.Pair, due, afterRecommendation);
            if (!recommendation.IsSuccessStatusCode) { await rec.ErrorAsync("recommendation", recommendation); return false; }
            if (!dispatch) return false;

            var body = (await recommendation.Content.ReadFromJsonAsync<JsonObject>())!;
            var first = body["recommendation"]?["units"]?.AsArray().FirstOrDefault();
            if (first?["unitId"] is not { } unitId) { rec.Skipped(); return false; }
            var sent = await http.PostAsJsonAsync($"/api/incidents/{id}/dispatch",
                new { units = new[] { new { unitId = unitId.GetValue<long>() } } });
            rec.Add(Recorder.Dispatch, afterRecommendation, Stopwatch.GetTimestamp());
            if (sent.StatusCode == HttpStatusCode.Conflict) rec.Conflict();
            else if (!sent.IsSuccessStatusCode) await rec.ErrorAsync("dispatch", sent);
            return true;
        }
        catch (HttpRequestException e) { rec.Error("transport", e.Message); }
        catch (TaskCanceledException e) { rec.Error("timeout", e.Message); }
        return false;
    }
}

/// <summary>Raw latency samples per step; percentiles by nearest rank over the raw samples.</summary>
internal sealed class Recorder
{
    public const int Intake = 0, Recommendation = 1, Dispatch = 2, Pair = 3;
    private static readonly string[] Names = ["intake", "recommendation", "dispatch", "pair"];
    private readonly List<double>[] _samples = [[], [], [], []];
    private int _errors, _conflicts, _skipped;
    private string? _firstError;

    public int Errors => _errors;
    public int Pairs { get { lock (_samples) return _samples[Pair].Count; } }

    public void Add(int step, long from, long to)
    {
        var ms = Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
        lock (_samples) _samples[step].Add(ms);
    }

    public void Conflict() => Interlocked.Increment(ref _conflicts);
    public void Skipped() => Interlocked.Increment(ref _skipped);

    public void Error(string step, string message)
    {
        Interlocked.Increment(ref _errors);
        Interlocked.CompareExchange(ref _firstError, $"{step}: {message}", null);
    }

    public async Task ErrorAsync(string step, HttpResponseMessage response) =>
        Error(step, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");

    public void Print(string mode, double seconds)
    {
        lock (_samples)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"mode={mode} seconds={seconds:F1} pairs={_samples[Pair].Count} pairs_per_s={_samples[Pair].Count / seconds:F1} " +
                $"dispatches={_samples[Dispatch].Count} dispatch_conflicts={_conflicts} no_pick={_skipped} errors={_errors}"));
            for (int step = 0; step < Names.Length; step++)
            {
                var s = _samples[step].Order().ToArray();
                if (s.Length == 0) continue;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Names[step]}_ms n={s.Length} p50={Rank(s, 0.50):F1} p90={Rank(s, 0.90):F1} p99={Rank(s, 0.99):F1} max={s[^1]:F1}"));
            }
            if (_firstError is not null) Console.WriteLine("# first error: " + _firstError[..Math.Min(300, _firstError.Length)]);
        }
    }

    private static double Rank(double[] sorted, double q) => sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
