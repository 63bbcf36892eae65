using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FireCommand.Geo;
using FireCommand.Geo.Coordinates;
using FireCommand.Web.Tests.Infrastructure;
using static FireCommand.Web.Tests.Dispatch.DispatchTestData;
using static FireCommand.Web.Tests.Linkage.Partners;

namespace FireCommand.Web.Tests.Linkage;

/// <summary>
/// Transfers between the fire service and partner agencies: a 110 case becomes an alarm where it
/// lies, once however often it is sent; a bad one stores nothing; a transfer out reaches the
/// partner's inbox and its acknowledgement comes back; every step is in the audit trail.
/// </summary>
public abstract class TransferTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    [Fact]
    public async Task PoliceTransfer_BecomesAnAlarm_InTheJurisdictionWhereItLies_WithItsCaller()
    {
        using var admin = await Admin();
        var police = await RegisterAsync(admin, "Police110", await OwnJurisdictionAsync(admin), "transfer-in", "read-own");
        var (lat, lon, stationJurisdiction) = await SomewhereAsync(admin, 3);
        using var partner = Client(Host, police.Key);

        var answer = await JsonAsync(await TransferAsync(partner, lat, lon, "JJ-2026-0001", "李警官报警人", "13700001111"),
            HttpStatusCode.Created);
        Assert.False(answer["duplicate"]!.GetValue<bool>());
        Assert.Equal("Received", answer["state"]!.GetValue<string>());

        var incident = await admin.GetJsonAsync($"/api/incidents/{answer["incidentId"]}");
        Assert.Equal(answer["incidentNumber"]!.GetValue<string>(), incident["number"]!.GetValue<string>());
        Assert.Equal("Police110", incident["source"]!.GetValue<string>());
        Assert.Equal(stationJurisdiction, incident["jurisdictionId"]!.GetValue<long>());
        Assert.Equal(lat, incident["latitude"]!.GetValue<double>(), 6);
        var alarm = incident["alarms"]!.AsArray().Single()!;
        Assert.Equal("李警官报警人", alarm["callerName"]!.GetValue<string>());
        Assert.Equal("13700001111", alarm["callerNumber"]!.GetValue<string>());
        Assert.Equal("partner:" + police.Code, alarm["takenBy"]!.GetValue<string>());

        // The partner reads back what it sent, and the summary of its incident.
        var own = await JsonAsync(await partner.GetAsync($"/api/linkage/transfers/{answer["transferId"]}"), HttpStatusCode.OK);
        Assert.Equal("JJ-2026-0001", own["caseReference"]!.GetValue<string>());
        var summary = await JsonAsync(await partner.GetAsync($"/api/linkage/incidents/{answer["incidentId"]}"), HttpStatusCode.OK);
        Assert.Equal(0, summary["unitsDispatched"]!.GetValue<int>());
        Assert.Null(summary["alarms"]);
    }

    [Fact]
    public async Task Gcj02Transfer_LandsWhereItsWgs84TwinDoes()
    {
        using var admin = await Admin();
        var medical = await RegisterAsync(admin, "Medical120", await OwnJurisdictionAsync(admin), "transfer-in");
        var (lat, lon, _) = await SomewhereAsync(admin, 5);
        var gcj = ChinaCoordinates.Wgs84ToGcj02(new GeoPoint(lat, lon));
        Assert.True(Math.Abs(gcj.Latitude - lat) + Math.Abs(gcj.Longitude - lon) > 1e-4, "the demo province lies where GCJ-02 shifts");
        using var partner = Client(Host, medical.Key);
        var answer = await JsonAsync(await partner.PostAsJsonAsync("/api/linkage/transfers", new
        {
            caseReference = "120-" + Guid.NewGuid().ToString("N")[..8], type = "Rescue", latitude = gcj.Latitude,
            longitude = gcj.Longitude, coordinateSystem = "Gcj02",
        }), HttpStatusCode.Created);
        var incident = await admin.GetJsonAsync($"/api/incidents/{answer["incidentId"]}");
        Assert.Equal("Medical120", incident["source"]!.GetValue<string>());
        var metersNorth = (incident["latitude"]!.GetValue<double>() - lat) * 111_320;
        var metersEast = (incident["longitude"]!.GetValue<double>() - lon) * 111_320 * Math.Cos(lat * Math.PI / 180);
        Assert.True(Math.Sqrt(metersNorth * metersNorth + metersEast * metersEast) < 1, $"{metersNorth:F2} m N, {metersEast:F2} m E");
    }

    [Fact]
    public async Task Retry_OfTheSameCase_AnswersTheSameTransfer_AndNoSecondAlarm()
    {
        using var admin = await Admin();
        var police = await RegisterAsync(admin, "Police110", await OwnJurisdictionAsync(admin), "transfer-in", "read-own");
        var (lat, lon, _) = await SomewhereAsync(admin, 7);
        using var partner = Client(Host, police.Key);
        var reference = "JJ-" + Guid.NewGuid().ToString("N")[..8];

        var first = await JsonAsync(await TransferAsync(partner, lat, lon, reference), HttpStatusCode.Created);
        var again = await JsonAsync(await TransferAsync(partner, lat, lon, reference), HttpStatusCode.OK);
        Assert.True(again["duplicate"]!.GetValue<bool>());
        Assert.Equal(first["transferId"]!.GetValue<long>(), again["transferId"]!.GetValue<long>());
        Assert.Equal(first["incidentId"]!.GetValue<long>(), again["incidentId"]!.GetValue<long>());
        Assert.Single((await admin.GetJsonAsync($"/api/incidents/{first["incidentId"]}"))["alarms"]!.AsArray());
        var mine = await JsonAsync(await partner.GetAsync("/api/linkage/transfers"), HttpStatusCode.OK);
        Assert.Single(mine.AsArray(), t => t!["caseReference"]!.GetValue<string>() == reference);

        // The same reference from another partner is that partner's own case.
        var other = await RegisterAsync(admin, "Police110", await OwnJurisdictionAsync(admin), "transfer-in");
        using var otherClient = Client(Host, other.Key);
        var theirs = await JsonAsync(await TransferAsync(otherClient, lat, lon, reference), HttpStatusCode.Created);
        Assert.NotEqual(first["incidentId"]!.GetValue<long>(), theirs["incidentId"]!.GetValue<long>());
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"type":"Fire","latitude":28.2,"longitude":112.9}""", "caseReference" },
        { """{"caseReference":"A1","latitude":28.2,"longitude":112.9}""", "type" },
        { """{"caseReference":"A1","type":"Fire"}""", "latitude" },
        { """{"caseReference":"A1","type":"Fire","latitude":1.0,"longitude":1.0}""", "latitude" },
        { """{"caseReference":"A1","type":"Fire","latitude":"north","longitude":1.0}""", "latitude" },
        { """{"caseReference":"A\u001b1","type":"Fire","latitude":28.2,"longitude":112.9}""", "caseReference" },
        { """{"caseReference":"A1","type":"Fire","latitude":28.2,"longitude":112.9,"callerName":"王\u202e五"}""", "callerName" },
        { """{"caseReference":"A1","type":"Fire","latitude":28.2,"longitude":112.9,"receivedAt":"2099-01-01T00:00:00Z"}""", "receivedAt" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadTransfer_Is400NamingTheField_AndStoresNothing(string body, string field)
    {
        using var admin = await Admin();
        var police = await RegisterAsync(admin, "Police110", await OwnJurisdictionAsync(admin), "transfer-in", "read-own");
        // Where a body has a valid place, put it inside the province so that only the named field is wrong.
        var (lat, lon, _) = await SomewhereAsync(admin, 2);
        body = body.Replace("28.2", lat.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("112.9", lon.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var lastAlarm = await LastAuditIdAsync(admin, "Alarm");
        using var partner = Client(Host, police.Key);

        var response = await partner.PostAsync("/api/linkage/transfers", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]?[field]);
        Assert.Equal(lastAlarm, await LastAuditIdAsync(admin, "Alarm"));
        Assert.Empty((await JsonAsync(await partner.GetAsync("/api/linkage/transfers"), HttpStatusCode.OK)).AsArray());
    }

    [Fact]
    public async Task TransferOut_ReachesTheInbox_AndTheAcknowledgementComesBack_Audited()
    {
        using var admin = await Admin();
        using var dispatcher = await Demo("dispatcher");
        var medical = await RegisterAsync(admin, "Medical120", await OwnJurisdictionAsync(admin), "receive-transfers", "read-own");
        var (lat, lon, _) = await SomewhereAsync(dispatcher, 9);
        var incident = await TakeAlarmAsync(dispatcher, lat, lon, "联动测试路9号");
        var incidentId = incident["id"]!.GetValue<long>();

        var receivers = await dispatcher.GetJsonAsync("/api/partners/receivers");
        Assert.Contains(receivers.AsArray(), r => r!["id"]!.GetValue<long>() == medical.Id);
        var sent = await JsonAsync(await dispatcher.PostAsync($"/api/incidents/{incidentId}/transfers",
            new { partnerId = medical.Id, reason = "有人员受伤，请120派车" }), HttpStatusCode.Created);
        var transferId = sent["id"]!.GetValue<long>();
        Assert.Equal("Sent", sent["state"]!.GetValue<string>());

        using var partner = Client(Host, medical.Key);
        var inbox = (await JsonAsync(await partner.GetAsync("/api/linkage/inbox"), HttpStatusCode.OK)).AsArray();
        var item = inbox.Single(i => i!["transferId"]!.GetValue<long>() == transferId)!;
        Assert.Equal(incident["number"]!.GetValue<string>(), item["incidentNumber"]!.GetValue<string>());
        Assert.Equal("有人员受伤，请120派车", item["reason"]!.GetValue<string>());
        Assert.Equal(incident["number"]!.GetValue<string>(),
            item["eido"]!["incidentComponent"]![0]!["incidentIdentifier"]!.GetValue<string>());

        var received = await JsonAsync(await partner.PostAsJsonAsync($"/api/linkage/transfers/{transferId}/ack",
            new { @operator = "120调度张医生" }), HttpStatusCode.OK);
        Assert.Equal("Acknowledged", received["state"]!.GetValue<string>());
        // Acknowledged transfers leave the inbox.
        Assert.DoesNotContain((await JsonAsync(await partner.GetAsync("/api/linkage/inbox"), HttpStatusCode.OK)).AsArray(),
            i => i!["transferId"]!.GetValue<long>() == transferId);
        var decided = await JsonAsync(await partner.PostAsJsonAsync($"/api/linkage/transfers/{transferId}/ack",
            new { accepted = true, @operator = "120调度张医生", note = "已派急救车" }), HttpStatusCode.OK);
        Assert.Equal("Accepted", decided["state"]!.GetValue<string>());
        await ApiClient.AssertProblemAsync(await partner.PostAsJsonAsync($"/api/linkage/transfers/{transferId}/ack",
            new { accepted = false, @operator = "120调度张医生" }), HttpStatusCode.Conflict);

        var onConsole = (await dispatcher.GetJsonAsync($"/api/incidents/{incidentId}/transfers")).AsArray().Single()!;
        Assert.Equal("Accepted", onConsole["state"]!.GetValue<string>());
        Assert.Equal("已派急救车", onConsole["acknowledgementNote"]!.GetValue<string>());
        Assert.NotNull(onConsole["acknowledgedAt"]);
        Assert.NotNull(onConsole["decidedAt"]);

        var audit = (await admin.GetJsonAsync($"/api/audit?entity=LinkageTransfer&entityId={transferId}")).AsArray();
        Assert.Contains(audit, a => a!["action"]!.GetValue<string>() == "Added" && a["userName"]!.GetValue<string>() == "dispatcher");
        Assert.Equal(2, audit.Count(a => a!["action"]!.GetValue<string>() == "Modified"
                                         && a["userName"]!.GetValue<string>() == "partner:" + medical.Code));
    }

    [Fact]
    public async Task TransferOut_ToAPartnerThatDoesNotReceive_IsRefused_AndStoresNothing()
    {
        using var admin = await Admin();
        using var dispatcher = await Demo("dispatcher");
        var sender = await RegisterAsync(admin, "Police110", await OwnJurisdictionAsync(admin), "transfer-in");
        var (lat, lon, _) = await SomewhereAsync(dispatcher, 11);
        var incidentId = (await TakeAlarmAsync(dispatcher, lat, lon))["id"]!.GetValue<long>();
        foreach (var (body, field) in new (object, string)[]
                 {
                     (new { partnerId = sender.Id, reason = "转交" }, "partnerId"),
                     (new { partnerId = 999_999_999L, reason = "转交" }, "partnerId"),
                     (new { partnerId = sender.Id }, "reason"),
                 })
        {
            var problem = await ApiClient.AssertProblemAsync(await dispatcher.PostAsync($"/api/incidents/{incidentId}/transfers", body),
                HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]![field]);
        }
        Assert.Empty((await dispatcher.GetJsonAsync($"/api/incidents/{incidentId}/transfers")).AsArray());
        using var viewer = await Demo("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/incidents/{incidentId}/transfers",
            new { partnerId = sender.Id, reason = "转交" })).StatusCode);
    }

    private static async Task<long> LastAuditIdAsync(ApiClient admin, string entity) =>
        (await admin.GetJsonAsync($"/api/audit?entity={entity}&take=1")).AsArray().FirstOrDefault()?["id"]!.GetValue<long>() ?? 0;
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteTransferTests(SqliteHost host) : TransferTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresTransferTests(PostgresHost host) : TransferTests<PostgresHost>(host);
