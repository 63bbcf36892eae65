using System.Net;
using System.Xml.Linq;
using FireCommand.Core.Resources;
using FireCommand.Core.Sensing.Rules;
using FireCommand.Web.Tests.Infrastructure;
using static FireCommand.Web.Tests.Sensing.SensingTestData;

namespace FireCommand.Web.Tests.Sensing.Warnings;

/// <summary>CAP 1.2 documents and the Atom feed of current warnings, read back as XML.</summary>
public abstract class WarningEndpointTests<THost>(THost host) : SensingPlatformTest<THost>(host) where THost : DatabaseHost
{
    private static readonly XNamespace Cap = "urn:oasis:names:tc:emergency:cap:1.2";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static async Task<XDocument> XmlAsync(ApiClient client, string url, string mediaType)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static string Text(XElement parent, string name) => parent.Element(Cap + name)?.Value ?? throw new Xunit.Sdk.XunitException($"no {name}");

    [Fact]
    public async Task Feed_HoldsOnlyTheCitysOwnCurrentWarnings()
    {
        using var dispatcher = await Demo("dispatcher1");
        var (own, foreign) = await JurisdictionsAsync(dispatcher);
        var place = await StorePlaceAsync(Host, "预警测试大厦", KeyPlaceCategory.HighRise, own);
        var device = await StoreDeviceAsync(Host, place, own);
        var fire = await StoreAlarmAsync(Host, device, "fire", "1-1/1-0301", AlarmSeverity.Critical);
        var fault = await StoreAlarmAsync(Host, device, "fault", "1-1/1-0302");
        var gas = await StoreAlarmAsync(Host, device, "gas_high", "gas-1", AlarmSeverity.Critical);
        var elsewhere = await StorePlaceAsync(Host, "外市预警测试仓库", KeyPlaceCategory.LargeComplex, foreign);
        var foreignFire = await StoreAlarmAsync(Host, await StoreDeviceAsync(Host, elsewhere, foreign), "fire",
            "1-1/1-0001", AlarmSeverity.Critical, confirmedBy: "second_detector");

        var feed = await XmlAsync(dispatcher, "/api/sensing/warnings.atom", "application/atom+xml");
        Assert.Equal(Atom + "feed", feed.Root!.Name);
        var alerts = feed.Root.Elements(Atom + "entry").Select(e => e.Element(Atom + "content")!.Element(Cap + "alert")!).ToList();
        var identifiers = alerts.Select(a => Text(a, "identifier")).ToList();
        Assert.Contains($"sensing-alarm-{fire}", identifiers);
        Assert.Contains($"sensing-alarm-{gas}", identifiers);
        Assert.DoesNotContain($"sensing-alarm-{fault}", identifiers); // a warning-level fault is not a warning to others
        Assert.DoesNotContain(identifiers, i => i.StartsWith($"sensing-alarm-{foreignFire}", StringComparison.Ordinal));
        // Every entry the city sees lies in the city: its key place is one the city's dispatcher may read.
        var visiblePlaces = (await dispatcher.GetJsonAsync("/api/key-places")).AsArray().Select(k => k!["id"]!.GetValue<long>().ToString()).ToHashSet();
        Assert.All(alerts, a => Assert.Contains(a.Element(Cap + "info")!.Elements(Cap + "parameter")
            .Single(p => Text(p, "valueName") == "keyPlaceId").Element(Cap + "value")!.Value, visiblePlaces));
        var entry = feed.Root.Elements(Atom + "entry").Single(e => e.Element(Atom + "id")!.Value.EndsWith($":sensing-alarm-{fire}", StringComparison.Ordinal));
        var link = entry.Element(Atom + "link")!;
        Assert.Equal("application/cap+xml", link.Attribute("type")!.Value);
        Assert.EndsWith($"/api/sensing/warnings/{fire}.cap", link.Attribute("href")!.Value, StringComparison.Ordinal);

        using var admin = await Admin();
        var all = await XmlAsync(admin, "/api/sensing/warnings.atom", "application/atom+xml");
        Assert.Contains(all.Descendants(Cap + "identifier"), i => i.Value == $"sensing-alarm-{foreignFire}");
    }

    [Fact]
    public async Task PendingFire_IsAPossibleRestrictedExercise_AtThePlacesPoint()
    {
        using var dispatcher = await Demo("dispatcher1");
        var (own, _) = await JurisdictionsAsync(dispatcher);
        var place = await StorePlaceAsync(Host, "CAP测试酒店", KeyPlaceCategory.Crowded, own);
        var device = await StoreDeviceAsync(Host, place, own);
        var fire = await StoreAlarmAsync(Host, device, "fire", "1-1/1-0401", AlarmSeverity.Critical);
        var placeJson = await dispatcher.GetJsonAsync($"/api/key-places/{place}");

        var alert = (await XmlAsync(dispatcher, $"/api/sensing/warnings/{fire}.cap", "application/cap+xml")).Root!;
        Assert.Equal(Cap + "alert", alert.Name);
        Assert.Equal($"sensing-alarm-{fire}", Text(alert, "identifier"));
        Assert.Equal("firecommand@119.local", Text(alert, "sender"));
        Assert.EndsWith("+08:00", Text(alert, "sent"), StringComparison.Ordinal); // the corps' clock (Asia/Shanghai)
        Assert.Equal("Exercise", Text(alert, "status")); // the test host runs in demo mode
        Assert.Equal("Alert", Text(alert, "msgType"));
        Assert.Equal("Restricted", Text(alert, "scope"));
        Assert.Null(alert.Element(Cap + "references"));
        var infos = alert.Elements(Cap + "info").ToList();
        Assert.Equal(["zh-CN", "en"], infos.Select(i => Text(i, "language")));
        Assert.All(infos, i => Assert.Equal("Possible", Text(i, "certainty")));
        Assert.Contains("CAP测试酒店", Text(infos[0], "headline"));
        Assert.Contains("火警", Text(infos[0], "headline"));
        Assert.Contains("Fire alarm", Text(infos[1], "headline"));
        var parameters = infos[0].Elements(Cap + "parameter").ToDictionary(p => Text(p, "valueName"), p => Text(p, "value"));
        Assert.Equal("3F", parameters["floor"]);
        Assert.Equal("3层东区", parameters["zone"]);
        Assert.StartsWith("mqtt:test-", parameters["device"], StringComparison.Ordinal);
        var circle = Text(infos[0].Element(Cap + "area")!, "circle").Split(' ');
        var centre = circle[0].Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(placeJson["latitude"]!.GetValue<double>(), centre[0], 1e-6); // CAP writes six decimals
        Assert.Equal(placeJson["longitude"]!.GetValue<double>(), centre[1], 1e-6);
    }

    [Fact]
    public async Task FireConfirmedLater_IsAnObservedUpdate_ReferencingTheFirstAlert()
    {
        using var dispatcher = await Demo("dispatcher1");
        var (own, _) = await JurisdictionsAsync(dispatcher);
        var place = await StorePlaceAsync(Host, "CAP更新测试商场", KeyPlaceCategory.Crowded, own);
        var device = await StoreDeviceAsync(Host, place, own);
        var raisedAt = DateTimeOffset.UtcNow.AddMinutes(-2);
        var fire = await StoreAlarmAsync(Host, device, "fire", "1-1/1-0501", AlarmSeverity.Critical, at: raisedAt);
        await WriteAsync(Host, async db =>
        {
            var alarm = await db.SensingAlarms.FindAsync([fire], TestContext.Current.CancellationToken);
            alarm!.Confirm(raisedAt.AddSeconds(40), "person");
            return alarm;
        });

        var alert = (await XmlAsync(dispatcher, $"/api/sensing/warnings/{fire}.cap", "application/cap+xml")).Root!;
        Assert.Equal("Update", Text(alert, "msgType"));
        Assert.StartsWith($"sensing-alarm-{fire}-", Text(alert, "identifier"), StringComparison.Ordinal);
        var reference = Text(alert, "references").Split(',');
        Assert.Equal(["firecommand@119.local", $"sensing-alarm-{fire}"], reference[..2]);
        Assert.Equal(DateTimeOffset.Parse(reference[2], System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds(), raisedAt.ToUnixTimeSeconds());
        Assert.All(alert.Elements(Cap + "info"), i => Assert.Equal("Observed", Text(i, "certainty")));
    }

    [Fact]
    public async Task AnotherCitysAlarm_IsNotFound()
    {
        using var dispatcher = await Demo("dispatcher1");
        var (_, foreign) = await JurisdictionsAsync(dispatcher);
        var place = await StorePlaceAsync(Host, "外市CAP测试点", KeyPlaceCategory.Crowded, foreign);
        var fire = await StoreAlarmAsync(Host, await StoreDeviceAsync(Host, place, foreign), "fire", "1-1/1-0601");
        Assert.Equal(HttpStatusCode.NotFound, (await dispatcher.GetAsync($"/api/sensing/warnings/{fire}.cap")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dispatcher.GetAsync("/api/sensing/warnings/999999999.cap")).StatusCode);
        using var admin = await Admin();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/sensing/warnings/{fire}.cap")).StatusCode);
        using var anonymous = Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/sensing/warnings.atom")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteWarningEndpointTests(SqliteHost host) : WarningEndpointTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresWarningEndpointTests(PostgresHost host) : WarningEndpointTests<PostgresHost>(host);
