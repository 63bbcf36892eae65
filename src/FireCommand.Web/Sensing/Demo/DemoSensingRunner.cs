using System.Net;
using FireCommand.Core.Demo.Sensing;
using FireCommand.Core.Sensing.Gb26875;
using FireCommand.Core.Shared;
using FireCommand.Web.Hosting;
using FireCommand.Web.Sensing.Gb26875;
using FireCommand.Web.Sensing.Mqtt;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Sensing.Demo;

/// <summary>
/// Brings the demo's sensing side alive: registers the simulated devices, writes their history on the
/// first start, connects them over loopback (transmission devices to the GB/T 26875.3 gateway, sensors
/// to the embedded MQTT broker) and plays the seeded script of false alarms, fires, faults, shielded zones
/// and outages. What the devices send takes the same path as a real device's: codec, gateway or broker,
/// sink, rules, alarms and, for a confirmed fire, the dispatcher's incident. Demo mode only.
/// </summary>
public sealed partial class DemoSensingRunner(DemoDeviceRegistry registry, DemoSensingHistoryWriter history, IServiceProvider services,
    IOptions<DemoSensingOptions> options, DemoTransportNotes notes, ILogger<DemoSensingRunner> log) : BackgroundService
{
    private readonly List<SimulatedTransmissionDevice> _transmission = [];
    private readonly List<SimulatedMqttSensor> _sensors = [];

    /// <summary>Transmission devices connected to the gateway now.</summary>
    public int TransmissionConnected => _transmission.Count(d => d.Connected);

    /// <summary>Sensors connected to the broker now.</summary>
    public int SensorsConnected => _sensors.Count(s => s.Connected);

    /// <summary>Set once the devices are registered and started.</summary>
    public Task<DemoRegistration> Started => _started.Task;

    private readonly TaskCompletionSource<DemoRegistration> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        // Registration reads and writes the database; the host's start does not wait for it.
        await Task.Yield();
        foreach (var note in notes.All) DemoSensingLog.TransportOff(log, note);
        var o = options.Value;
        var demo = services.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (!demo.Enabled || !o.Enabled)
        {
            _started.TrySetCanceled(ct);
            return;
        }
        var clock = services.GetRequiredService<TimeProvider>();
        var calendar = services.GetRequiredService<CorpsCalendar>();
        DemoRegistration registration;
        try
        {
            registration = await registry.EnsureAsync(ct);
            if (registration.Added > 0) await history.WriteAsync(registration.Devices, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            DemoSensingLog.RegistrationFailed(log, e);
            _started.TrySetException(e);
            return;
        }

        var gateway = services.GetService<Gb26875Gateway>() is { } g ? await Listening(g) : null;
        var mqtt = services.GetRequiredService<IOptions<MqttOptions>>().Value;
        var broker = mqtt.Mode is MqttMode.Embedded ? (Host(mqtt.Embedded.BindAddress), mqtt.Embedded.Port) : ((string, int)?)null;
        foreach (var d in registration.Devices)
        {
            if (d.IsGb26875 && gateway is not null)
                _transmission.Add(new SimulatedTransmissionDevice(d, gateway, o, calendar, clock, log));
            else if (!d.IsGb26875 && broker is { } b && registration.Passwords.TryGetValue(d.MqttId!, out var password))
                _sensors.Add(new SimulatedMqttSensor(d, password, b, o, clock, log));
        }
        DemoSensingLog.Started(log, registration.Devices.Count, registration.Added, _transmission.Count, _sensors.Count);
        _started.TrySetResult(registration);

        var running = new List<Task>(_transmission.Count + _sensors.Count);
        var pace = TimeSpan.FromSeconds(1.0 / o.ConnectsPerSecond);
        foreach (var run in _transmission.Select(d => (Func<Task>)(() => d.RunAsync(ct)))
                     .Concat(_sensors.Select(s => (Func<Task>)(() => s.RunAsync(ct)))))
        {
            running.Add(Task.Run(run, ct));
            await Task.Delay(pace, clock, ct);
        }
        try
        {
            await PlayAsync(registration.Devices, demo.Seed, o, clock, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        await Task.WhenAll(running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    /// <summary>Plays the seeded script until the host stops.</summary>
    private async Task PlayAsync(IReadOnlyList<DemoDevice> devices, int seed, DemoSensingOptions o, TimeProvider clock, CancellationToken ct)
    {
        var scenario = new DemoSensingScenario(seed, o.Rates, devices);
        var gb = _transmission.ToDictionary(d => d.Plan.Index);
        var mqtt = _sensors.ToDictionary(s => s.Plan.Index);
        while (scenario.Next() is { } h)
        {
            await Task.Delay(h.After, clock, ct);
            if (gb.TryGetValue(h.Device, out var device)) Happen(device, h, clock, ct);
            else if (mqtt.TryGetValue(h.Device, out var sensor)) Happen(sensor, h, clock, ct);
        }
    }

    private static void Happen(SimulatedTransmissionDevice device, DemoHappening h, TimeProvider clock, CancellationToken ct)
    {
        var point = device.Plan.Points[Math.Min(h.Point, device.Plan.Points.Count - 1)];
        switch (h.Kind)
        {
            case DemoHappeningKind.FalseAlarm:
                device.Report(State(device, point, 0x0003));
                // Staff look, find steam or dust, and reset the panel inside the window.
                Later(clock, h.Lasting, ct, () =>
                {
                    device.Report(Gb26875Adu.Of(24, new Gb26875DeviceOperation(0x01, 1, device.Now())));
                    device.Report(State(device, point, 0x0001));
                });
                break;
            case DemoHappeningKind.Fire:
                device.Report(State(device, point, 0x0003));
                var confirming = device.Plan.Points[Math.Min(h.Confirmation, device.Plan.Points.Count - 1)];
                // Water flow reports as started; a detector or a manual call point as a fire.
                var status = confirming.ComponentType == DemoDevicePlanner.WaterFlowIndicator ? (ushort)0x0021 : (ushort)0x0003;
                Later(clock, h.Lasting, ct, () => device.Report(State(device, confirming, status)));
                break;
            case DemoHappeningKind.Fault or DemoHappeningKind.Shielded:
                device.Report(State(device, point, h.Kind == DemoHappeningKind.Fault ? (ushort)0x0004 : (ushort)0x0008));
                Later(clock, h.Lasting, ct, () => device.Report(State(device, point, 0x0001)));
                break;
            case DemoHappeningKind.Offline:
                device.GoOffline(h.Lasting, ct);
                break;
        }
    }

    private static void Happen(SimulatedMqttSensor sensor, DemoHappening h, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        switch (h.Kind)
        {
            case DemoHappeningKind.FalseAlarm or DemoHappeningKind.Fire:
                sensor.Excursion(now + h.Lasting);
                break;
            case DemoHappeningKind.Fault or DemoHappeningKind.Shielded:
                sensor.Event("fault");
                Later(clock, h.Lasting, ct, () => sensor.Event("normal"));
                break;
            case DemoHappeningKind.Offline:
                sensor.GoOffline(now + h.Lasting);
                break;
        }
    }

    private static Gb26875Adu State(SimulatedTransmissionDevice device, DemoPoint p, ushort status) =>
        Gb26875Adu.Of(2, new Gb26875ComponentState(DemoDevicePlanner.SystemType, DemoDevicePlanner.SystemAddress, p.ComponentType,
            Gb26875ComponentAddress.Of(p.ZoneNumber, p.PointNumber), status, Gb26875Description.FromText(p.Description), device.Now()));

    private static void Later(TimeProvider clock, TimeSpan after, CancellationToken ct, Action action) =>
        _ = Task.Delay(after, clock, ct).ContinueWith(t => { if (!t.IsCanceled) action(); }, TaskScheduler.Default);

    private static async Task<EndPoint?> Listening(Gb26875Gateway gateway)
    {
        try
        {
            return await gateway.Listening is IPEndPoint ep
                ? new IPEndPoint(ep.Address.Equals(IPAddress.Any) ? IPAddress.Loopback : ep.Address, ep.Port)
                : null;
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException)
        {
            return null;
        }
    }

    private static string Host(string bindAddress) => bindAddress is "0.0.0.0" ? "127.0.0.1" : bindAddress;
}
