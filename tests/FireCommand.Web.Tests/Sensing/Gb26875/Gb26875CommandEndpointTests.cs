using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using FireCommand.Core.Sensing.Gb26875;
using FireCommand.Web.Sensing.Gb26875;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static FireCommand.Web.Tests.Sensing.SensingTestData;

namespace FireCommand.Web.Tests.Sensing.Gb26875;

/// <summary>The demo platform on SQLite with the GB/T 26875.3 gateway listening on a free loopback port.</summary>
public sealed class Gb26875GatewayHost : DatabaseHost
{
    public override string ProviderName => "Sqlite";

    protected override Task<Dictionary<string, string?>?> PrepareAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        var s = PlatformFactory.Defaults(DataDirectory);
        s["Database:Provider"] = "Sqlite";
        s["Sensing:Gb26875:Enabled"] = "true";
        s["Sensing:Gb26875:Address"] = "127.0.0.1";
        s["Sensing:Gb26875:Port"] = "0";
        s["Sensing:Gb26875:AnswerTimeoutSeconds"] = "1";
        s["Sensing:Gb26875:OfflineGraceSeconds"] = "1";
        return Task.FromResult<Dictionary<string, string?>?>(s);
    }

    public async Task<int> GatewayPortAsync() =>
        ((IPEndPoint)(await Factory.Services.GetRequiredService<Gb26875Gateway>().Listening)!).Port;
}

/// <summary>
/// Downstream commands through the HTTP API to a fake transmission device on real loopback TCP: the answer
/// matched by serial and source comes back decoded; no answer is a 504, no connection a 409; roles,
/// jurisdiction, bad input and the audit. Also the device's connection seen as online and offline.
/// </summary>
public sealed class Gb26875CommandEndpointTests(Gb26875GatewayHost host) : PlatformTest<Gb26875GatewayHost>(host),
    IClassFixture<Gb26875GatewayHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private async Task<(long Id, Gb26875Address Address, long PlaceId)> RegisteredDeviceAsync(ApiClient admin)
    {
        var placeId = (await KeyPlaceAsync(admin))["id"]!.GetValue<long>();
        var device = await RegisterAsync(admin, placeId);
        Assert.True(Gb26875Address.TryParse(device["deviceKey"]!.GetValue<string>()["gb26875:".Length..], out var address));
        return (device["id"]!.GetValue<long>(), address, placeId);
    }

    /// <summary>Connects as the device and sends a heartbeat, so the gateway knows where to reach it.</summary>
    private async Task<(TcpClient Client, NetworkStream Stream)> ConnectAsync(Gb26875Address device)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, await Host.GatewayPortAsync(), TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        var heartbeat = new Gb26875Frame(1, 1, 1, new Gb26875Time(0, 0, 12, 3, 12, 26), device, new Gb26875Address(0), Gb26875Command.SendData, null);
        await stream.WriteAsync(Gb26875FrameCodec.Encode(heartbeat), TestContext.Current.CancellationToken);
        Assert.Equal(Gb26875Command.Confirm, (await Gb26875GatewayTests.ReadFrame(stream)).Command);
        return (client, stream);
    }

    private static Task<Gb26875Frame> NextRequest(NetworkStream stream) =>
        Gb26875GatewayTests.ReadFrame(stream).WaitAsync(Patience, TestContext.Current.CancellationToken);

    private static async Task Send(NetworkStream stream, Gb26875Frame frame) =>
        await stream.WriteAsync(Gb26875FrameCodec.Encode(frame), TestContext.Current.CancellationToken);

    [Fact]
    public async Task ReadComponentState_IsAnsweredByThatDevice_AndComesBackDecoded_AndAudited()
    {
        using var admin = await Admin();
        var (id, address, _) = await RegisteredDeviceAsync(admin);
        var (client, stream) = await ConnectAsync(address);
        using var _ = client;

        var call = admin.PostAsync($"/api/sensing/devices/{id}/gb26875/read",
            new { what = "component_state", systemType = 1, systemAddress = 1, zone = 10, point = 2 });
        var request = await NextRequest(stream);
        Assert.Equal((Gb26875Command.Request, (byte)62, address), (request.Command, request.Adu!.Type, request.Destination));
        Assert.Equal(new Gb26875ComponentQuery(1, 1, Gb26875ComponentAddress.Of(10, 2)), Assert.Single(request.Adu.Objects));

        var state = Gb26875Adu.Of(2, new Gb26875ComponentState(1, 1, 40, Gb26875ComponentAddress.Of(10, 2), 0x0000,
            Gb26875Description.FromText(""), new Gb26875Time(5, 4, 12, 3, 12, 26)));
        // Same serial, another device on the same connection: not the answer asked for.
        var other = new Gb26875Address(address.Value ^ 0x1);
        await Send(stream, new Gb26875Frame(request.Serial, 1, 1, request.TimeLabel, other, request.Source, Gb26875Command.Reply,
            Gb26875Adu.Of(2, new Gb26875ComponentState(9, 9, 40, Gb26875ComponentAddress.Of(1, 1), 0, Gb26875Description.FromText(""),
                new Gb26875Time(5, 4, 12, 3, 12, 26)))));
        await Send(stream, new Gb26875Frame(request.Serial, 1, 1, request.TimeLabel, address, request.Source, Gb26875Command.Reply, state));

        var response = await call.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ApiClient.ReadJsonAsync(response);
        Assert.Equal(("answered", (int)request.Serial, 62), (body["outcome"]!.GetValue<string>(), body["serial"]!.GetValue<int>(),
            body["aduType"]!.GetValue<int>()));
        var answer = body["answer"]!;
        Assert.Equal(address.Value, answer["source"]!.GetValue<ulong>());
        Assert.Equal("response", answer["command_name"]!.GetValue<string>());
        var component = answer["adu"]!["objects"]![0]!;
        Assert.Equal((1, 40, 10, 2), (component["system_type"]!.GetValue<int>(), component["component_type"]!.GetValue<int>(),
            component["component_address"]!["zone"]!.GetValue<int>(), component["component_address"]!["point"]!.GetValue<int>()));

        var audit = (await admin.GetJsonAsync($"/api/audit?entity=MonitoredDevice&entityId={id}")).AsArray();
        var entry = audit.Single(a => a!["action"]!.GetValue<string>() == "Command");
        Assert.Contains("read component_state", entry!["changes"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("answered", entry["changes"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(PlatformFactory.AdminUserName, entry["userName"]!.GetValue<string>());
    }

    [Fact]
    public async Task SyncClock_SendsTheCorpsWallClock_AndReturnsTheConfirm()
    {
        using var admin = await Admin();
        var (id, address, _) = await RegisteredDeviceAsync(admin);
        var (client, stream) = await ConnectAsync(address);
        using var _ = client;

        var call = admin.PostAsync($"/api/sensing/devices/{id}/gb26875/sync-clock", new { });
        var request = await NextRequest(stream);
        Assert.Equal((Gb26875Command.Control, (byte)90), (request.Command, request.Adu!.Type));
        var sent = Assert.IsType<Gb26875TimeObject>(Assert.Single(request.Adu.Objects)).Time.ToDateTime();
        // The corps' clock (Asia/Shanghai, UTC+8 without daylight saving), computed here independently.
        var shanghai = DateTime.UtcNow.AddHours(8);
        Assert.True(sent is { } t && Math.Abs((t - shanghai).TotalMinutes) < 5, $"device clock set to {sent}, corps time is {shanghai}");
        await Send(stream, request.Answer(Gb26875Command.Confirm, request.TimeLabel));

        var body = await ApiClient.ReadJsonAsync(await call.WaitAsync(Patience, TestContext.Current.CancellationToken));
        Assert.Equal(("confirmed", "sync_uitd_clock"), (body["outcome"]!.GetValue<string>(), body["aduTypeName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task DutyCheck_CarriesTheAnswerMinutes_AndADenyIsReported()
    {
        using var dispatcher = await Admin();
        var (id, address, _) = await RegisteredDeviceAsync(dispatcher);
        var (client, stream) = await ConnectAsync(address);
        using var _ = client;

        var call = dispatcher.PostAsync($"/api/sensing/devices/{id}/gb26875/duty-check", new { answerMinutes = 15 });
        var request = await NextRequest(stream);
        Assert.Equal((Gb26875Command.Control, (byte)91), (request.Command, request.Adu!.Type));
        Assert.Equal(new Gb26875Reserved(15), Assert.Single(request.Adu.Objects));
        await Send(stream, request.Answer(Gb26875Command.Deny, request.TimeLabel));

        var body = await ApiClient.ReadJsonAsync(await call.WaitAsync(Patience, TestContext.Current.CancellationToken));
        Assert.Equal("denied", body["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeviceThatDoesNotAnswer_Is504_AndAudited()
    {
        using var admin = await Admin();
        var (id, address, _) = await RegisteredDeviceAsync(admin);
        var (client, stream) = await ConnectAsync(address);
        using var _ = client;

        var call = admin.PostAsync($"/api/sensing/devices/{id}/gb26875/read", new { what = "device_state" });
        var request = await NextRequest(stream); // read, never answered
        Assert.Equal((byte)81, request.Adu!.Type);
        var problem = await ApiClient.AssertProblemAsync(await call.WaitAsync(Patience, TestContext.Current.CancellationToken),
            HttpStatusCode.GatewayTimeout);
        Assert.Contains("did not answer", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var audit = (await admin.GetJsonAsync($"/api/audit?entity=MonitoredDevice&entityId={id}")).ToJsonString();
        Assert.Contains("no_answer", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotConnected_Is409_UnknownIs404_AndBadInputIsNamed()
    {
        using var admin = await Admin();
        var (id, _, _) = await RegisteredDeviceAsync(admin);
        var refused = await ApiClient.AssertProblemAsync(await admin.PostAsync($"/api/sensing/devices/{id}/gb26875/sync-clock", new { }),
            HttpStatusCode.Conflict);
        Assert.Contains("not connected", refused["title"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/sensing/devices/987654321/gb26875/sync-clock", new { })).StatusCode);

        foreach (var (url, payload, field) in new (string, object, string)[]
        {
            ("read", new { what = "everything" }, "what"),
            ("read", new { what = "component_state", systemType = 1, systemAddress = 1 }, "zone"),
            ("read", new { what = "system_state", systemType = 256, systemAddress = 1 }, "systemType"),
            ("duty-check", new { answerMinutes = 0 }, "answerMinutes"),
        })
        {
            var problem = await ApiClient.AssertProblemAsync(await admin.PostAsync($"/api/sensing/devices/{id}/gb26875/{url}", payload),
                HttpStatusCode.BadRequest);
            Assert.True(problem["errors"]?[field] is not null, $"expected an error for {field}: {problem.ToJsonString()}");
        }
    }

    [Fact]
    public async Task OnlyDispatchRoles_WithinTheirJurisdiction_MayCommand()
    {
        using var admin = await Admin();
        using var local = await Demo("dispatcher1");
        var visible = (await local.GetJsonAsync("/api/key-places")).AsArray().Select(k => k!["id"]!.GetValue<long>()).ToHashSet();
        var elsewhere = (await admin.GetJsonAsync("/api/key-places")).AsArray().First(k => !visible.Contains(k!["id"]!.GetValue<long>()))!;
        var device = await RegisterAsync(admin, elsewhere["id"]!.GetValue<long>());
        var url = $"/api/sensing/devices/{device["id"]!.GetValue<long>()}/gb26875/sync-clock";

        Assert.Equal(HttpStatusCode.NotFound, (await local.PostAsync(url, new { })).StatusCode);
        using var viewer = await Demo("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(url, new { })).StatusCode);
        using var anonymous = Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Http.PostAsync(url, null)).StatusCode);
    }

    [Fact]
    public async Task Connection_MarksTheDeviceOnline_AndItsCloseOfflineAsAWeaknessOfThePlace()
    {
        using var admin = await Admin();
        var (id, address, placeId) = await RegisteredDeviceAsync(admin);
        var (client, _) = await ConnectAsync(address);
        // The online report is committed before the first frame is confirmed.
        Assert.True((await admin.GetJsonAsync($"/api/sensing/devices/{id}"))["online"]!.GetValue<bool>());

        client.Dispose();
        JsonNode device;
        var attempts = 0;
        while ((device = await admin.GetJsonAsync($"/api/sensing/devices/{id}"))["online"]!.GetValue<bool>())
        {
            Assert.True(++attempts < 300, "the device stayed online after its connection closed");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.False(device["online"]!.GetValue<bool>());
        var log = (await admin.GetJsonAsync($"/api/sensing/devices/{id}/messages")).AsArray();
        Assert.Equal(["offline", "online"], log.Where(m => m!["kind"]!.GetValue<string>() == "Status").Select(m => m!["type"]!.GetValue<string>()));
        var weaknesses = await admin.GetJsonAsync($"/api/sensing/places/{placeId}/weaknesses");
        Assert.Contains(weaknesses["items"]!.AsArray(), w => w!["type"]!.GetValue<string>() == "offline" && w["deviceId"]!.GetValue<long>() == id);
    }
}
