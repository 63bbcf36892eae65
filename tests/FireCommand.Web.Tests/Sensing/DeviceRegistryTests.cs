using System.Net;
using FireCommand.Web.Tests.Infrastructure;
using static FireCommand.Web.Tests.Sensing.SensingTestData;

namespace FireCommand.Web.Tests.Sensing;

/// <summary>The device registry's API: its fields, its checks, roles, jurisdiction and audit, on every database.</summary>
public abstract class DeviceRegistryTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    [Fact]
    public async Task Device_CreateReadUpdate_TakesTheJurisdictionOfItsPlace_AndIsAudited()
    {
        using var admin = await Admin();
        var place = await KeyPlaceAsync(admin, 3);
        var placeId = place["id"]!.GetValue<long>();
        var created = await RegisterAsync(admin, placeId);
        var id = created["id"]!.GetValue<long>();
        Assert.Equal(place["jurisdictionId"]!.GetValue<long>(), created["jurisdictionId"]!.GetValue<long>());
        Assert.Equal(5, created["points"]!.AsArray().Count);
        Assert.False(created["online"]!.GetValue<bool>());

        var read = await admin.GetJsonAsync($"/api/sensing/devices/{id}");
        Assert.Equal("3F-B", read["points"]!.AsArray().Single(p => p!["component"]!.GetValue<string>() == "1-1/1-0003")!["zone"]!.GetValue<string>());
        Assert.Contains((await admin.GetJsonAsync($"/api/sensing/devices?keyPlaceId={placeId}")).AsArray(),
            d => d!["id"]!.GetValue<long>() == id);

        var updated = await admin.PutAsync($"/api/sensing/devices/{id}", new
        {
            deviceKey = created["deviceKey"]!.GetValue<string>(), transport = "Gb26875", name = "改名", profileCode = "transmission-device",
            keyPlaceId = placeId, zone = "1F",
            points = new[] { new { component = "1-1/1-0001", kind = "Detector", zone = "1F-东" } },
        });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = await admin.GetJsonAsync($"/api/sensing/devices/{id}");
        Assert.Equal("改名", after["name"]!.GetValue<string>());
        Assert.Equal("1F-东", after["points"]!.AsArray().Single()!["zone"]!.GetValue<string>());

        var audit = (await admin.GetJsonAsync($"/api/audit?entity=MonitoredDevice&entityId={id}")).ToJsonString();
        Assert.Contains("Added", audit, StringComparison.Ordinal);
        Assert.Contains("Modified", audit, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadDevices => new()
    {
        { """{"deviceKey":"gb26875:12345","transport":"Gb26875","name":"x","profileCode":"transmission-device","keyPlaceId":PLACE}""", "deviceKey" },
        { """{"deviceKey":"mqtt:abc","transport":"Gb26875","name":"x","profileCode":"transmission-device","keyPlaceId":PLACE}""", "deviceKey" },
        { """{"deviceKey":"mqtt:abc def","transport":"Mqtt","name":"x","profileCode":"smoke","keyPlaceId":PLACE}""", "deviceKey" },
        { """{"deviceKey":"mqtt:ok-1","transport":"Mqtt","name":"x","profileCode":"no-such","keyPlaceId":PLACE}""", "profileCode" },
        { """{"deviceKey":"mqtt:ok-1","transport":"Mqtt","name":"x","profileCode":"smoke","keyPlaceId":999999999}""", "keyPlaceId" },
        { """{"deviceKey":"mqtt:ok-1","transport":"Mqtt","name":"","profileCode":"smoke","keyPlaceId":PLACE}""", "name" },
        { """{"deviceKey":"mqtt:ok-1","transport":"Pigeon","name":"x","profileCode":"smoke","keyPlaceId":PLACE}""", "transport" },
        { """{"deviceKey":"mqtt:ok-1","transport":"Mqtt","name":"x","profileCode":"smoke","keyPlaceId":PLACE,"points":[{"component":"a"},{"component":"a"}]}""", "points" },
        { """{"deviceKey":"mqtt:ok-1","transport":"Mqtt","name":"x","profileCode":"smoke","keyPlaceId":PLACE,"points":[{"component":""}]}""", "points[0].component" },
    };

    [Theory]
    [MemberData(nameof(BadDevices))]
    public async Task Device_WithBadInput_IsNamedAndNothingIsWritten(string json, string field)
    {
        using var admin = await Admin();
        var place = (await KeyPlaceAsync(admin))["id"]!.GetValue<long>();
        var before = (await admin.GetJsonAsync("/api/sensing/devices")).AsArray().Count;
        var response = await admin.Http.PostAsync("/api/sensing/devices", new StringContent(
            json.Replace("PLACE", place.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            System.Text.Encoding.UTF8, "application/json"));
        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]?[field] is not null, $"expected an error for {field}: {problem.ToJsonString()}");
        Assert.Equal(before, (await admin.GetJsonAsync("/api/sensing/devices")).AsArray().Count);
    }

    [Fact]
    public async Task Device_KeyRegisteredTwice_IsRefused()
    {
        using var admin = await Admin();
        var place = (await KeyPlaceAsync(admin))["id"]!.GetValue<long>();
        var key = (await RegisterAsync(admin, place))["deviceKey"]!.GetValue<string>();
        var again = await admin.PostAsync("/api/sensing/devices", new
            { deviceKey = key, transport = "Gb26875", name = "x", profileCode = "transmission-device", keyPlaceId = place });
        var problem = await ApiClient.AssertProblemAsync(again, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]?["deviceKey"]);
    }

    [Fact]
    public async Task Device_OutsideTheCallersJurisdiction_IsNotFound_AndAViewerCannotCreate()
    {
        using var admin = await Admin();
        using var local = await Demo("dispatcher1");
        var visible = (await local.GetJsonAsync("/api/key-places")).AsArray().Select(k => k!["id"]!.GetValue<long>()).ToHashSet();
        var elsewhere = (await admin.GetJsonAsync("/api/key-places")).AsArray().First(k => !visible.Contains(k!["id"]!.GetValue<long>()))!;
        var device = await RegisterAsync(admin, elsewhere["id"]!.GetValue<long>());
        var id = device["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.NotFound, (await local.GetAsync($"/api/sensing/devices/{id}")).StatusCode);
        Assert.DoesNotContain((await local.GetJsonAsync("/api/sensing/devices")).AsArray(), d => d!["id"]!.GetValue<long>() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await local.GetAsync($"/api/sensing/devices/{id}/messages")).StatusCode);

        using var viewer = await Demo("viewer");
        var refused = await viewer.PostAsync("/api/sensing/devices", new
            { deviceKey = NewGbKey(), transport = "Gb26875", name = "x", profileCode = "transmission-device", keyPlaceId = elsewhere["id"]!.GetValue<long>() });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var anonymous = Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/sensing/devices")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteDeviceRegistryTests(SqliteHost host) : DeviceRegistryTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresDeviceRegistryTests(PostgresHost host) : DeviceRegistryTests<PostgresHost>(host);
