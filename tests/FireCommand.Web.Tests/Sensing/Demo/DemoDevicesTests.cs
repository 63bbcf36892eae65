using System.Globalization;
using System.Net;
using System.Net.Sockets;
using FireCommand.Core.Data;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Sensing;
using FireCommand.Core.Sensing.Alarms;
using FireCommand.Core.Sensing.Gb26875;
using FireCommand.Web.Sensing.Demo;
using FireCommand.Web.Sensing.Gb26875;
using FireCommand.Web.Tests.Infrastructure;
using FireCommand.Web.Tests.Sensing.Mqtt;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FireCommand.Web.Tests.Sensing.Demo;

/// <summary>
/// The demo host with its simulated devices, on SQLite: transmission devices connect to the gateway over
/// TCP and sensors to the embedded broker over MQTT with their own credentials, what they send is stored,
/// a fire (here at a high rate) becomes an incident through the ordinary path, and a restart registers
/// nothing twice, also when a transport's port is taken.
/// </summary>
public sealed class DemoDevicesTests : IDisposable
{
    private const int Devices = 24;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "fc-test-" + Guid.NewGuid().ToString("N"));

    private Dictionary<string, string?> Settings(int mqttPort)
    {
        var s = PlatformFactory.Defaults(_data);
        s["Database:Provider"] = "Sqlite";
        s["Demo:Sensing:Enabled"] = "true";
        s["Demo:Sensing:Devices"] = Devices.ToString(CultureInfo.InvariantCulture);
        s["Demo:Sensing:HeartbeatSeconds"] = "5";
        s["Demo:Sensing:TelemetrySeconds"] = "5";
        s["Demo:Sensing:FiresPerHour"] = "600";
        s["Demo:Sensing:FalseAlarmsPerHour"] = "0";
        s["Demo:Sensing:FaultsPerHour"] = "0";
        s["Demo:Sensing:ShieldsPerHour"] = "0";
        s["Demo:Sensing:OfflinePerHour"] = "0";
        s["Sensing:Gb26875:Enabled"] = "true";
        s["Sensing:Gb26875:Port"] = "0";
        s["Sensing:Mqtt:Mode"] = "Embedded";
        s["Sensing:Mqtt:Embedded:Port"] = mqttPort.ToString(CultureInfo.InvariantCulture);
        return s;
    }

    [Fact]
    public async Task DevicesConnectOverTcpAndMqtt_TheirMessagesAreStored_AFireBecomesAnIncident_AndARestartRegistersNothingTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        var started = DateTimeOffset.UtcNow;
        var settings = Settings(MqttDevice.FreePort());
        long pastAlarms;
        using (var factory = new PlatformFactory(settings))
        {
            _ = factory.Server;
            var registration = await factory.Services.GetRequiredService<DemoSensingRunner>().Started.WaitAsync(Patience, ct);
            Assert.Equal(Devices, registration.Added);

            // The registry holds what was registered; the gateway and the stored messages say who got through.
            var (gb, mqtt) = await Registered(factory, ct);
            Assert.Equal(Devices, gb.Count + mqtt.Count);
            Assert.NotEmpty(gb);
            Assert.NotEmpty(mqtt);
            var expected = gb.Select(k => k["gb26875:".Length..]).ToHashSet();
            var commands = factory.Services.GetRequiredService<Gb26875Commands>();
            await Until(() => Task.FromResult(expected.IsSubsetOf(commands.Connected.Select(a => a.ToString()))), ct);

            // Each sensor signed in with its own credentials and published: its online status and a reading are stored.
            await Until(async () => await Count(factory, db => db.DeviceMessages.IgnoreQueryFilters()
                .Where(m => m.Transport == DeviceTransport.Mqtt && m.Type == "online").Select(m => m.DeviceKey).Distinct().CountAsync(ct)) == mqtt.Count, ct);
            await Until(async () => await Count(factory, db => db.DeviceMessages.IgnoreQueryFilters()
                .Where(m => m.Transport == DeviceTransport.Mqtt && m.Kind == DeviceMessageKind.Telemetry)
                .Select(m => m.DeviceKey).Distinct().CountAsync(ct)) == mqtt.Count, ct);
            // Each transmission device's clock report came over TCP, was confirmed and stored.
            await Until(async () => await Count(factory, db => db.DeviceMessages.IgnoreQueryFilters()
                .Where(m => m.Transport == DeviceTransport.Gb26875 && m.Type == "clock").Select(m => m.DeviceKey).Distinct().CountAsync(ct)) == gb.Count, ct);

            // A fire: a detector, then a confirming report in its zone; the incident names the place and links back.
            (long Incident, long Place, string By)? fire = null;
            await Until(async () => (fire = await ConfirmedFire(factory, started, ct)) is not null, ct);
            Assert.Contains(fire!.Value.By, new[] { "second_detector", "manual_call_point", "water_flow" });
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
                var incident = await db.Incidents.IgnoreQueryFilters().SingleAsync(i => i.Id == fire.Value.Incident, ct);
                Assert.Equal(AlarmSource.AutomaticFireAlarm, incident.Source);
                Assert.Equal(IncidentType.Fire, incident.Type);
                Assert.Equal(fire.Value.Place, incident.KeyPlaceId);
                // The history the first start wrote: past detector alarms, most of them false.
                var pastFire = db.SensingAlarms.IgnoreQueryFilters().Where(a => a.Type == "fire" && a.CreatedAt < started);
                Assert.True(await pastFire.CountAsync(a => a.ConfirmedAt == null, ct) > await pastFire.CountAsync(a => a.ConfirmedAt != null, ct));
                pastAlarms = await db.SensingAlarms.IgnoreQueryFilters().CountAsync(a => a.CreatedAt < started, ct);
                Assert.True(pastAlarms > 0);
            }
        }

        // Again on the same database, with the gateway's port held by another program.
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        settings["Sensing:Gb26875:Port"] = ((IPEndPoint)squatter.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
        settings["Sensing:Mqtt:Embedded:Port"] = MqttDevice.FreePort().ToString(CultureInfo.InvariantCulture);
        using (var again = new PlatformFactory(settings))
        {
            _ = again.Server;
            var registration = await again.Services.GetRequiredService<DemoSensingRunner>().Started.WaitAsync(Patience, ct);
            Assert.Equal(0, registration.Added);
            Assert.Null(again.Services.GetService<Gb26875Gateway>());
            Assert.Contains(again.Services.GetRequiredService<DemoTransportNotes>().All,
                n => n.Contains(squatter.LocalEndpoint.ToString()!, StringComparison.Ordinal));
            var (gb, mqtt) = await Registered(again, ct);
            Assert.Equal(Devices, gb.Count + mqtt.Count);
            Assert.Equal(mqtt.Count, await Count(again, db => db.MqttDeviceCredentials.IgnoreQueryFilters().CountAsync(ct)));
            Assert.Equal(pastAlarms, await Count(again, db => db.SensingAlarms.IgnoreQueryFilters().CountAsync(a => a.CreatedAt < started, ct)));
        }
    }

    private static async Task<(List<string> Gb, List<string> Mqtt)> Registered(PlatformFactory factory, CancellationToken ct)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
        var all = await db.MonitoredDevices.IgnoreQueryFilters().Select(d => new { d.DeviceKey, d.Transport }).ToListAsync(ct);
        return ([.. all.Where(d => d.Transport == DeviceTransport.Gb26875).Select(d => d.DeviceKey)],
            [.. all.Where(d => d.Transport == DeviceTransport.Mqtt).Select(d => d.DeviceKey)]);
    }

    private static async Task<(long, long, string)?> ConfirmedFire(PlatformFactory factory, DateTimeOffset since, CancellationToken ct)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
        var alarms = await db.SensingAlarms.IgnoreQueryFilters()
            .Where(a => a.Type == "fire" && a.State == SensingAlarmState.Confirmed && a.IncidentId != null).ToListAsync(ct);
        var live = alarms.Where(a => a.CreatedAt >= since).OrderBy(a => a.Id).FirstOrDefault();
        return live is null ? null : (live.IncidentId!.Value, live.KeyPlaceId, live.ConfirmedBy!);
    }

    private static async Task<T> Count<T>(PlatformFactory factory, Func<FireCommandDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<FireCommandDbContext>());
    }

    /// <summary>Waits for a condition the devices bring about; fails after <see cref="Patience"/>.</summary>
    private static async Task Until(Func<Task<bool>> condition, CancellationToken ct)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
        patience.CancelAfter(Patience);
        while (!await condition())
        {
            if (patience.IsCancellationRequested) Assert.Fail("the demo devices did not get there in time");
            await Task.Delay(250, ct);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}
