using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FireCommand.Bench.Load;
using FireCommand.Core.Sensing.Gb26875;
using Microsoft.Data.Sqlite;

namespace FireCommand.Bench.Sensing;

/// <summary>
/// Device ingest throughput and latency against the real built host (SQLite in a fresh folder, the demo
/// province, the embedded MQTT broker and the GB/T 26875.3 gateway on loopback). Registers the devices
/// through the API, then runs two phases of warm-up plus S measured seconds each:
/// MQTT (QoS 1 publishers, a window of unacknowledged publishes each) and GB/T 26875.3 (one TCP connection
/// per transmission device, a window of unconfirmed frames each; every Nth frame raises or clears a fault,
/// and now and then a manual call point reports a fire at a place of its own). Messages/s are read from
/// the database (rows at the start and the end of the window), not from the clients; the totals acked and
/// stored are compared at the end. Alarm decision latency is fault frame sent → its confirm, which the
/// gateway sends only after the commit holding the alarm; fire → console is manual call point frame sent →
/// the incident heard on a SignalR console connection. With <c>--mosquitto PORT</c> it runs the same
/// MQTT load through that broker alone to one QoS 1 subscriber instead: the broker's own ceiling.
/// </summary>
internal static class IngestDriver
{
    public sealed record Settings(string? WebDll, int? MosquittoPort, int MqttDevices, int GbDevices, int Seconds, int WarmupSeconds,
        int Window, int AlarmEvery, int Fires);

    public static async Task<int> RunAsync(string[] args)
    {
        var s = Parse(args);
        if (s is null)
        {
            Console.Error.WriteLine("driver ingest (--web <firecommand.dll> | --mosquitto <port>) [--mqtt-devices N] [--gb-devices N] " +
                                    "[--seconds S] [--warmup S] [--window N] [--alarm-every N] [--fires N]");
            return 2;
        }
        return s.MosquittoPort is { } port ? await MosquittoAloneAsync(port, s) : await PlatformAsync(s);
    }

    private static async Task<int> MosquittoAloneAsync(int port, Settings s)
    {
        var publishers = Enumerable.Range(0, s.MqttDevices).Select(i => new MqttPublisher($"bench-m{i}", null)).ToList();
        await using var subscriber = await MqttPublisher.SubscribeAsync("127.0.0.1", port);
        var rate = await MeasureAsync(s, "mosquitto_alone", async ct =>
            await Task.WhenAll(publishers.Select(p => p.RunAsync("127.0.0.1", port, s.Window, ct))),
            () => Task.FromResult(subscriber.Received), () => publishers.Sum(p => p.Acked));
        Console.WriteLine($"mosquitto_alone_msgs_per_s={rate:F0}");
        return 0;
    }

    private static async Task<int> PlatformAsync(Settings s)
    {
        var data = Directory.CreateTempSubdirectory("firecommand-ingest-");
        int mqttPort = FreePort(), gbPort = FreePort();
        var password = $"Bench#{Environment.ProcessId}-{DateTime.UtcNow.Ticks % 1_000_000}x";
        using var host = HostProcess.Start(s.WebDll!, data.FullName, simulate: false, new Dictionary<string, string>
        {
            ["Security__AdminPassword"] = password,
            ["Security__KeysDirectory"] = Path.Combine(data.FullName, "keys"),
            // The demo's own simulated devices stay off: the load measured is the driver's alone.
            ["Demo__Sensing__Enabled"] = "false",
            ["Sensing__Mqtt__Mode"] = "Embedded",
            ["Sensing__Mqtt__Embedded__Port"] = mqttPort.ToString(CultureInfo.InvariantCulture),
            ["Sensing__Gb26875__Enabled"] = "true",
            ["Sensing__Gb26875__Address"] = "127.0.0.1",
            ["Sensing__Gb26875__Port"] = gbPort.ToString(CultureInfo.InvariantCulture),
            // One address (loopback) carries every simulated device here; in the field each has its own.
            ["Sensing__Gb26875__MaxConnectionsPerAddress"] = (s.GbDevices + 10).ToString(CultureInfo.InvariantCulture),
            ["Sensing__Gb26875__MaxConnections"] = (s.GbDevices + 10).ToString(CultureInfo.InvariantCulture),
        });
        try
        {
            using (await host.WaitReadyAsync(TimeSpan.FromMinutes(8))) { }
            var cookies = new CookieContainer();
            using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, MaxConnectionsPerServer = 16 })
                { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(120) };
            await LoadClient.SignInAsync(http, "admin", password);
            var db = $"Data Source={Path.Combine(data.FullName, "firecommand.db")};Mode=ReadOnly;Pooling=False";

            var registry = await DeviceRegistry.CreateAsync(http);
            var clock = Stopwatch.StartNew();
            var gbDevices = await registry.RegisterGbAsync(s.GbDevices);
            var mqttDevices = await registry.RegisterMqttAsync(s.MqttDevices);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"# host ready in {host.ReadySeconds:F1} s (pid {host.Id}); {s.GbDevices} GB/T 26875.3 and {s.MqttDevices} MQTT devices " +
                $"registered in {clock.Elapsed.TotalSeconds:F0} s on {registry.Places.Count} key places; seconds={s.Seconds} warmup={s.WarmupSeconds} " +
                $"window={s.Window} alarm_every={s.AlarmEvery}"));

            await using var console = await ConsoleWatch.StartAsync(host.Address, cookies);

            // MQTT: telemetry through the embedded broker into the sink, rules evaluated per sample.
            var publishers = mqttDevices.Select(d => new MqttPublisher(d.Id, d.Password)).ToList();
            var hostCpu = host.CpuTime;
            var mqttRate = await MeasureAsync(s, "mqtt", async ct =>
                    await Task.WhenAll(publishers.Select(p => p.RunAsync("127.0.0.1", mqttPort, s.Window, ct))),
                () => CountAsync(db, "mqtt:%"), () => publishers.Sum(p => p.Acked));
            var mqttCpu = host.CpuTime - hostCpu;
            Console.WriteLine($"mqtt_msgs_per_s={mqttRate:F0}");

            // GB/T 26875.3: one connection per device, faults raised and cleared, fires now and then.
            var fires = new FireSchedule(Math.Min(s.Fires, Math.Min(registry.Places.Count, s.GbDevices)), console);
            var connections = gbDevices.Select((d, i) => new GbConnection(d, i < fires.Count ? fires : null, i, s.AlarmEvery)).ToList();
            var gateway = new IPEndPoint(IPAddress.Loopback, gbPort);
            hostCpu = host.CpuTime;
            var gbRate = await MeasureAsync(s, "gb26875", async ct =>
                {
                    var fireLoop = fires.RunAsync(TimeSpan.FromSeconds(s.WarmupSeconds), TimeSpan.FromSeconds(s.Seconds), ct);
                    await Task.WhenAll(connections.Select(c => c.RunAsync(gateway, s.Window, ct)));
                    await fireLoop;
                },
                () => CountAsync(db, "gb26875:%"), () => connections.Sum(c => c.Acked));
            var gbCpu = host.CpuTime - hostCpu;
            Console.WriteLine($"gb26875_frames_per_s={gbRate:F0}");

            await Task.Delay(TimeSpan.FromSeconds(3)); // the last fires' incidents
            Print("alarm_decision_ms", [.. connections.SelectMany(c => c.AlarmLatenciesMs)]);
            Print("fire_to_console_ms", fires.LatenciesMs());
            Console.WriteLine($"fires_sent={fires.SentCount} fires_on_console={fires.LatenciesMs().Count}");

            long mqttAcked = publishers.Sum(p => p.Acked), gbAcked = connections.Sum(c => c.Acked);
            long mqttStored = await CountAsync(db, "mqtt:%"), gbStored = await CountAsync(db, "gb26875:%");
            Console.WriteLine($"mqtt_acked_total={mqttAcked} mqtt_stored_total={mqttStored} gb26875_acked_total={gbAcked} gb26875_stored_total={gbStored}");
            Console.WriteLine($"acked_not_stored={Math.Max(0, mqttAcked - mqttStored) + Math.Max(0, gbAcked - gbStored)} " +
                              $"fault_alarms_stored={await ScalarAsync(db, "SELECT COUNT(*) FROM \"SensingAlarms\" WHERE \"Type\" = 'fault'")}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"host_cpu_us_per_msg_mqtt={mqttCpu.TotalMicroseconds / Math.Max(1, mqttAcked):F1} " +
                $"host_cpu_us_per_msg_gb26875={gbCpu.TotalMicroseconds / Math.Max(1, gbAcked):F1} " +
                $"load_avg_1min={File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
            host.PrintErrors();
            return mqttAcked > mqttStored || gbAcked > gbStored ? 1 : 0;
        }
        finally
        {
            host.Stop();
            try { data.Delete(recursive: true); } catch (IOException) { /* the host may still hold the file for a moment */ }
        }
    }

    /// <summary>
    /// Runs <paramref name="load"/> for warm-up plus the measured seconds and returns the rate of
    /// <paramref name="count"/> over the measured window; prints the clients' acknowledged rate beside it.
    /// </summary>
    private static async Task<double> MeasureAsync(Settings s, string name, Func<CancellationToken, Task> load,
        Func<Task<long>> count, Func<long> acked)
    {
        using var stop = new CancellationTokenSource();
        var running = load(stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(s.WarmupSeconds));
        if (running.IsFaulted) await running;
        long from = await count(), ackedFrom = acked();
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(s.Seconds));
        long to = await count(), ackedTo = acked();
        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await running;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}_window_s={seconds:F1} {name}_counted={to - from} {name}_acked_per_s={(ackedTo - ackedFrom) / seconds:F0}"));
        return (to - from) / seconds;
    }

    private static Task<long> CountAsync(string db, string keyPattern) =>
        ScalarAsync(db, $"SELECT COUNT(*) FROM \"DeviceMessages\" WHERE \"DeviceKey\" LIKE '{keyPattern}'");

    private static async Task<long> ScalarAsync(string db, string sql)
    {
        await using var connection = new SqliteConnection(db);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static void Print(string name, List<double> samples)
    {
        if (samples.Count == 0)
        {
            Console.WriteLine($"{name}_n=0");
            return;
        }
        var (p50, p99, _) = Drivers.Percentiles(samples);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}_n={samples.Count} {name}_p50={p50:F1} {name}_p99={p99:F1} {name}_max={samples.Max():F1}"));
    }

    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static Settings? Parse(string[] args)
    {
        var map = new Dictionary<string, string>();
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) return null;
            map[args[i][2..]] = args[i + 1];
        }
        int Int(string key, int fallback) => map.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var web = map.GetValueOrDefault("web");
        int? mosquitto = map.ContainsKey("mosquitto") ? Int("mosquitto", 0) : null;
        if (mosquitto is null && (web is null || !File.Exists(web))) return null;
        return new Settings(web is null ? null : Path.GetFullPath(web), mosquitto, Int("mqtt-devices", 200), Int("gb-devices", 1000),
            Int("seconds", 30), Int("warmup", 10), Int("window", 8), Int("alarm-every", 100), Int("fires", 20));
    }
}

/// <summary>Registers the benchmark's devices through the API, spread over the demo province's key places.</summary>
internal sealed class DeviceRegistry(HttpClient http, List<long> places, long root)
{
    public sealed record GbDevice(Gb26875Address Address, long KeyPlaceId);

    public sealed record MqttDevice(string Id, string Password);

    public List<long> Places { get; } = places;

    public static async Task<DeviceRegistry> CreateAsync(HttpClient http)
    {
        var places = (await http.GetFromJsonAsync<JsonArray>("/api/key-places"))!.Select(p => p!["id"]!.GetValue<long>()).ToList();
        var root = (await http.GetFromJsonAsync<JsonArray>("/api/jurisdictions"))![0]!["id"]!.GetValue<long>();
        if (places.Count == 0) throw new InvalidOperationException("the demo province has no key places");
        return new DeviceRegistry(http, places, root);
    }

    /// <summary>Device i sits at key place i (mod the places), so the first devices each have a place of their own.</summary>
    public async Task<List<GbDevice>> RegisterGbAsync(int count)
    {
        var devices = Enumerable.Range(0, count).Select(i => new GbDevice(new Gb26875Address(0x0B_0000_0000UL + (ulong)i), Places[i % Places.Count])).ToList();
        await Parallel.ForEachAsync(devices, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (d, ct) =>
            await PostAsync("/api/sensing/devices", new
            {
                deviceKey = Gb26875MessageMapper.DeviceKey(d.Address), transport = "Gb26875", name = $"bench {d.Address}",
                profileCode = "transmission-device", keyPlaceId = d.KeyPlaceId, building = "1", floor = "1F", zone = "1F-A",
                points = Array.Empty<object>(),
            }, ct));
        return devices;
    }

    public async Task<List<MqttDevice>> RegisterMqttAsync(int count)
    {
        var devices = new MqttDevice[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var id = $"bench-m{i}";
            await PostAsync("/api/sensing/devices", new
            {
                deviceKey = "mqtt:" + id, transport = "Mqtt", name = "bench " + id, profileCode = "water-pressure",
                keyPlaceId = Places[i % Places.Count], building = "1", floor = "B1", zone = "pump room", points = Array.Empty<object>(),
            }, ct);
            var issued = await PostAsync($"/api/sensing/mqtt/devices/{id}/credentials", new { jurisdictionId = root }, ct);
            devices[i] = new MqttDevice(id, issued["password"]!.GetValue<string>());
        });
        return [.. devices];
    }

    private async Task<JsonNode> PostAsync(string path, object body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(path, body, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
