using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using FireCommand.Core.Sensing.Gb26875;
using FireCommand.Web.Sensing.Gb26875;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd.DispatchConsole;

/// <summary>The platform with the GB/T 26875.3 gateway listening on a free loopback port.</summary>
public sealed class GatewayKestrelHost : KestrelHost
{
    protected override async Task<Dictionary<string, string?>?> PrepareAsync()
    {
        var settings = (await base.PrepareAsync())!;
        settings["Sensing:Gb26875:Enabled"] = "true";
        settings["Sensing:Gb26875:Address"] = "127.0.0.1";
        settings["Sensing:Gb26875:Port"] = "0";
        return settings;
    }

    public async Task<int> GatewayPortAsync() =>
        ((IPEndPoint)(await Services.GetRequiredService<Gb26875Gateway>().Listening)!).Port;
}

/// <summary>
/// A building's fire alarm reaches the dispatcher's console over real TCP: a transmission device sends
/// one detector's fire (pending verification: no incident), a second device's detector in the same zone
/// confirms it, and the incident appears on the open console by the live channel, at the key place,
/// with its sensing alarms and the GB 50440 timings in the incident panel and the command view.
/// </summary>
public sealed class SensingIncidentTests(GatewayKestrelHost host, ITestOutputHelper output) : IClassFixture<GatewayKestrelHost>
{
    private const byte FireAlarmSystem = 1, SmokeDetector = 40, ComponentStateAdu = 2;
    private static readonly Gb26875Address Centre = new(0);

    /// <summary>A device on its own TCP connection, framing with the codec as a real one does.</summary>
    private sealed class TransmissionDevice(Gb26875Address address, NetworkStream stream) : IAsyncDisposable
    {
        private ushort _serial;

        public static async Task<TransmissionDevice> ConnectAsync(Gb26875Address address, int port)
        {
            var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
            return new TransmissionDevice(address, client.GetStream());
        }

        /// <summary>Sends a detector's fire with the device's clock at <paramref name="deviceTime"/> (Beijing time) and waits for the centre's confirm.</summary>
        public async Task<Gb26875Frame> SendFireAsync(Gb26875ComponentAddress detector, string description, DateTime deviceTime)
        {
            var time = Gb26875Time.From(deviceTime);
            var state = new Gb26875ComponentState(FireAlarmSystem, 1, SmokeDetector, detector, 0x0003, // running, fire
                Gb26875Description.FromText(description), time);
            var frame = new Gb26875Frame(++_serial, 1, 0, time, address, Centre, Gb26875Command.SendData, Gb26875Adu.Of(ComponentStateAdu, state));
            await stream.WriteAsync(Gb26875FrameCodec.Encode(frame), TestContext.Current.CancellationToken);
            var header = new byte[Gb26875FrameCodec.HeaderLength];
            await stream.ReadExactlyAsync(header, TestContext.Current.CancellationToken);
            var answer = new byte[Gb26875FrameCodec.ReadHeader(header).FrameLength];
            header.CopyTo(answer, 0);
            await stream.ReadExactlyAsync(answer.AsMemory(header.Length), TestContext.Current.CancellationToken);
            var decoded = Gb26875FrameCodec.Decode(answer);
            Assert.True(decoded.IsValid, decoded.Error);
            return decoded.Frame!;
        }

        public ValueTask DisposeAsync() => stream.DisposeAsync();
    }

    private static Gb26875Address NewAddress() => new((ulong)Random.Shared.NextInt64(1, (long)Gb26875Address.MaxValue));

    private static DateTime BeijingNow() => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime;

    private static async Task<JsonNode> RegisterAsync(ApiClient admin, long placeId, Gb26875Address address, string name, Gb26875ComponentAddress detector,
        string description)
    {
        var response = await admin.PostAsync("/api/sensing/devices", new
        {
            deviceKey = Gb26875MessageMapper.DeviceKey(address), transport = "Gb26875", name, profileCode = "transmission-device",
            keyPlaceId = placeId, building = "1号楼", floor = "3F", zone = "3F-A",
            points = new object[]
            {
                new
                {
                    component = Gb26875MessageMapper.ComponentKey(FireAlarmSystem, 1, SmokeDetector, detector), kind = "Detector",
                    floor = "3F", zone = "3F-A", description,
                },
            },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await ApiClient.ReadJsonAsync(response);
    }

    /// <summary>The confirmed alarm once its incident is linked (the link follows the commit the device's confirm waited for).</summary>
    private static async Task<JsonNode> IncidentOfAsync(ApiClient admin, long alarmId)
    {
        for (var attempt = 0; ; attempt++)
        {
            var alarm = (await admin.GetJsonAsync($"/api/sensing/alarms/{alarmId}"))["alarm"]!;
            if (alarm["incidentId"] is not null || attempt == 300) return alarm;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task DetectorFire_WaitsForASecondDevice_ThenTheIncidentAppearsLive_WithItsAlarmsAndTimings()
    {
        host.RequireStarted();
        var port = await host.GatewayPortAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var session = await ConsoleSession.SignInAsync(chromium, host.BaseAddress, "dispatcher");
        var page = session.Page;
        var place = await session.KeyPlaceNearAStationAsync(3);
        var (placeId, placeName) = (place["id"]!.GetValue<long>(), place["name"]!.GetValue<string>());

        using var admin = await new ApiClient(new HttpClient { BaseAddress = host.BaseAddress })
            .SignedInAs(KestrelHost.AdminUserName, KestrelHost.AdminPassword);
        var (addressA, addressB) = (NewAddress(), NewAddress());
        var (detectorA, detectorB) = (Gb26875ComponentAddress.Of(3, 1), Gb26875ComponentAddress.Of(3, 2));
        var deviceA = await RegisterAsync(admin, placeId, addressA, "1号楼 火灾报警控制器", detectorA, "301 感烟");
        var deviceB = await RegisterAsync(admin, placeId, addressB, "1号楼 3F 独立感烟系统", detectorB, "302 感烟");

        await session.OpenConsoleAsync();
        var rows = page.Locator("#queue-list .fc-queue__row");
        var before = await rows.CountAsync();

        // One detector: stored and confirmed to the device, pending verification, no incident anywhere.
        await using var a = await TransmissionDevice.ConnectAsync(addressA, port);
        var firstAt = BeijingNow();
        Assert.Equal(Gb26875Command.Confirm, (await a.SendFireAsync(detectorA, "301 感烟", firstAt)).Command);
        var pending = (await admin.GetJsonAsync($"/api/sensing/alarms?state=recent&keyPlaceId={placeId}")).AsArray()
            .Single(x => x!["deviceId"]!.GetValue<long>() == deviceA["id"]!.GetValue<long>() && x["type"]!.GetValue<string>() == "fire")!;
        Assert.Equal("PendingVerification", pending["state"]!.GetValue<string>());
        Assert.Null(pending["incidentId"]);
        await Expect(rows).ToHaveCountAsync(before);

        // A second, independent device's detector in zone 3F-A confirms it: the incident comes to the open console.
        await using var b = await TransmissionDevice.ConnectAsync(addressB, port);
        Assert.Equal(Gb26875Command.Confirm, (await b.SendFireAsync(detectorB, "302 感烟", BeijingNow())).Command);
        var alarm = await IncidentOfAsync(admin, pending["id"]!.GetValue<long>());
        Assert.Equal("second_detector", alarm["confirmedBy"]!.GetValue<string>());
        var incidentId = alarm["incidentId"]!.GetValue<long>();
        var row = page.Locator($"#incident-row-{incidentId}");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(rows).ToHaveCountAsync(before + 1);
        await Expect(row.Locator(".fc-queue__source")).ToHaveTextAsync("自动报警");
        await Expect(row.Locator(".fc-queue__address")).ToContainTextAsync("3F-A");

        // Opened: the place with its plan link, both alarms and what confirmed the fire, and the timeline.
        await row.ClickAsync();
        var sensing = page.Locator("#incident-sensing");
        await Expect(sensing.Locator("#sensing-place")).ToContainTextAsync(placeName);
        await Expect(sensing.Locator("#sensing-plan-link")).ToHaveAttributeAsync("href", $"/incident.html?id={incidentId}#key-place");
        var alarms = sensing.Locator(".fc-sensing__alarm");
        await Expect(alarms).ToHaveCountAsync(2);
        await Expect(alarms.First).ToHaveAttributeAsync("data-alarm-id", pending["id"]!.ToString());
        await Expect(alarms.First).ToContainTextAsync("1号楼 火灾报警控制器");
        await Expect(alarms.First).ToContainTextAsync("探测器 301 感烟");
        await Expect(alarms.First).ToContainTextAsync("1号楼 · 3F · 报警区域 3F-A");
        await Expect(alarms.First.Locator(".fc-sensing__confirmed")).ToHaveTextAsync("确认方式：同区第二只独立探测器");
        await Expect(alarms.Nth(1)).ToContainTextAsync("1号楼 3F 独立感烟系统");

        var view = await session.GetAsync($"/api/incidents/{incidentId}/sensing");
        var timeline = view["timeline"]!;
        // The device's own clock of the first frame, as sent (whole seconds, Beijing time), read back in UTC.
        var sent = new DateTimeOffset(firstAt.AddTicks(-(firstAt.Ticks % TimeSpan.TicksPerSecond)), TimeSpan.FromHours(8));
        Assert.Equal(sent, timeline["deviceTime"]!.GetValue<DateTimeOffset>());
        await Expect(sensing.Locator("[data-step='deviceTime']")).ToHaveTextAsync(sent.ToString("HH:mm:ss"));
        foreach (var step in new[] { "received", "confirmed", "incident" })
            await Expect(sensing.Locator($"[data-step='{step}']")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{2}:\d{2}:\d{2}$"));
        await Expect(sensing.Locator("#sensing-device-to-centre")).ToHaveAttributeAsync("data-state",
            timeline["deviceToCentreMet"]!.GetValue<bool>() ? "met" : "missed");
        await Expect(sensing.Locator("#sensing-confirmed-to-incident")).ToHaveAttributeAsync("data-state",
            timeline["confirmedToIncidentMet"]!.GetValue<bool>() ? "met" : "missed");
        await Expect(sensing.Locator("#sensing-device-to-centre")).ToContainTextAsync("标准 ≤ 20 秒");
        await Expect(sensing.Locator("#sensing-confirmed-to-incident")).ToContainTextAsync("标准 ≤ 3 秒");
        await page.EvaluateAsync("() => document.activeElement?.blur()");
        await Screenshots.SaveAsync(page, "console-sensing-incident-zh", output);

        // In English the same, with no raw codes on screen.
        await page.ClickAsync("button[data-lang='en']");
        await Expect(sensing.Locator(".fc-section__title")).ToHaveTextAsync("Automatic alarm");
        await Expect(alarms.First.Locator(".fc-sensing__confirmed")).ToHaveTextAsync("Confirmed by a second independent detector in the zone");
        await Expect(alarms.First).ToContainTextAsync("Detector 301 感烟");
        await Expect(sensing.Locator("#sensing-device-to-centre")).ToContainTextAsync("target ≤ 20 s");
        var text = await sensing.InnerTextAsync();
        foreach (var code in new[] { "second_detector", "PendingVerification", "ManualCallPoint", "console.sensing" })
            Assert.DoesNotContain(code, text, StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "console-sensing-incident-en", output);

        // The command view shows the same section, its place link pointing at the place card on the page.
        await page.GotoAsync($"/incident.html?id={incidentId}");
        var card = page.Locator("#incident-sensing");
        await Expect(card.Locator(".fc-sensing__alarm")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Expect(card.Locator("#sensing-plan-link")).ToHaveAttributeAsync("href", "#key-place");
        await Expect(page.Locator("#key-place-name")).ToHaveTextAsync(placeName, new() { Timeout = 60_000 });
        session.Problems.AssertNone();
    }
}
