using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using FireCommand.Web.Tests.Infrastructure;
using static FireCommand.Web.Tests.Dispatch.DispatchTestData;
using static FireCommand.Web.Tests.Linkage.Partners;

namespace FireCommand.Web.Tests.Linkage;

/// <summary>The EIDO document of an incident, and the One Map layers as GeoJSON downloads.</summary>
public abstract class ExportTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    [Fact]
    public async Task Eido_CarriesTheIncident_ItsCallers_Place_Agency_AndUnits()
    {
        using var admin = await Admin();
        using var dispatcher = await Demo("dispatcher");
        var police = await RegisterAsync(admin, "Police110", await OwnJurisdictionAsync(admin), "transfer-in");
        var (lat, lon, _) = await SomewhereAsync(dispatcher, 13);
        using var partner = Client(Host, police.Key);
        var transfer = await JsonAsync(await TransferAsync(partner, lat, lon, "EIDO-" + Guid.NewGuid().ToString("N")[..6],
            "赵报警人", "13611112222"), HttpStatusCode.Created);
        var id = transfer["incidentId"]!.GetValue<long>();
        var units = await AvailableUnitsAsync(dispatcher, 2);
        var dispatched = await dispatcher.PostAsync($"/api/incidents/{id}/dispatch",
            new { units = units.Select(u => new { unitId = u }).ToArray() });
        Assert.Equal(HttpStatusCode.OK, dispatched.StatusCode);

        var incident = await dispatcher.GetJsonAsync($"/api/incidents/{id}");
        var eido = await dispatcher.GetJsonAsync($"/api/incidents/{id}/eido");
        Assert.Equal("1.0", eido["eidoVersion"]!.GetValue<string>());
        var component = eido["incidentComponent"]!.AsArray().Single()!;
        Assert.Equal(incident["number"]!.GetValue<string>(), component["incidentIdentifier"]!.GetValue<string>());
        Assert.Equal(incident["fireLevel"]!.GetValue<int>(), component["incidentCommonPriorityNumber"]!.GetValue<int>());
        Assert.Equal("Rescue", component["incidentTypeInternalCode"]!.GetValue<string>());
        Assert.Equal("交通事故", component["incidentTypeInternalText"]!.GetValue<string>());

        // Every reference names a component of the document.
        var ids = new HashSet<string>(AllValues(eido, "$id"));
        foreach (var reference in AllValues(eido, "$ref")) Assert.Contains(reference, ids);

        var call = eido["callComponent"]!.AsArray().Single()!;
        var person = eido["personComponent"]!.AsArray().Single()!;
        Assert.Equal(person["$id"]!.GetValue<string>(), call["personReference"]![0]!["$ref"]!.GetValue<string>());
        Assert.Equal("赵报警人", person["personFullName"]!.GetValue<string>());
        Assert.Equal("tel:13611112222", person["callBackInformationUri"]![0]!.GetValue<string>());
        Assert.Equal("Caller", person["personIncidentRoleRegistryText"]![0]!.GetValue<string>());

        // The location by value is PIDF-LO: a GML point "latitude longitude" in WGS-84.
        var pidf = XDocument.Parse(eido["locationComponent"]![0]!["locationByValue"]!.GetValue<string>());
        var pos = pidf.Descendants(XName.Get("pos", "http://www.opengis.net/gml")).Single().Value.Split(' ');
        Assert.Equal(lat, double.Parse(pos[0], CultureInfo.InvariantCulture), 6);
        Assert.Equal(lon, double.Parse(pos[1], CultureInfo.InvariantCulture), 6);
        Assert.Equal("测试大道与联动路口", pidf.Descendants(XName.Get("LOC", "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr")).Single().Value);

        var callSigns = (await dispatcher.GetJsonAsync("/api/units")).AsArray()
            .Where(u => units.Contains(u!["id"]!.GetValue<long>())).Select(u => u!["callSign"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(callSigns, eido["vehicleComponent"]!.AsArray().Select(v => v!["vehicleIdentification"]!.GetValue<string>()).Order().ToList());
        var agency = eido["agencyComponent"]!.AsArray().Single()!;
        Assert.True(agency["incidentOwningAgencyIndicator"]!.GetValue<bool>());
        var jurisdiction = (await dispatcher.GetJsonAsync("/api/jurisdictions")).AsArray()
            .Single(j => j!["id"]!.GetValue<long>() == incident["jurisdictionId"]!.GetValue<long>())!;
        Assert.Equal(jurisdiction["name"]!.GetValue<string>(), agency["agencyName"]!.GetValue<string>());
        Assert.Equal("两车相撞，一人被困", eido["notesComponent"]![0]!["noteText"]!.GetValue<string>());
    }

    [Fact]
    public async Task Eido_OfAnIncidentOutsideTheJurisdiction_Is404()
    {
        using var corps = await Demo("dispatcher");
        using var city1 = await Demo("dispatcher1");
        var visible = (await city1.GetJsonAsync("/api/jurisdictions")).AsArray().Select(j => j!["id"]!.GetValue<long>()).ToHashSet();
        var stations = (await corps.GetJsonAsync("/api/stations")).AsArray();
        var elsewhere = stations.First(s => !visible.Contains(s!["jurisdictionId"]!.GetValue<long>()))!;
        var incident = await TakeAlarmAsync(corps, elsewhere["latitude"]!.GetValue<double>() + 0.002, elsewhere["longitude"]!.GetValue<double>() + 0.002);
        Assert.Equal(HttpStatusCode.NotFound, (await city1.GetAsync($"/api/incidents/{incident["id"]}/eido")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await corps.GetAsync($"/api/incidents/{incident["id"]}/eido")).StatusCode);
    }

    [Theory]
    [InlineData("stations")]
    [InlineData("water-sources")]
    [InlineData("key-places")]
    [InlineData("jurisdictions")]
    [InlineData("incidents")]
    public async Task Layer_DownloadsAsGeoJson_NamedByLayerAndCorpsDay(string layer)
    {
        using var city1 = await Demo("dispatcher1");
        static string CorpsDay() => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))
            .ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var dayBefore = CorpsDay();
        var response = await city1.GetAsync($"/api/map/{layer}?download=true");
        var dayAfter = CorpsDay();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition ?? System.Net.Http.Headers.ContentDispositionHeaderValue.Parse(
            response.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal("attachment", disposition.DispositionType);
        // The corps' date (Asia/Shanghai), not UTC's; the request may straddle midnight.
        Assert.Contains(disposition.FileName, new[] { $"{layer}-{dayBefore}.geojson", $"{layer}-{dayAfter}.geojson" });
        var collection = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("FeatureCollection", collection["type"]!.GetValue<string>());

        // The same features as the map shows this user, so within their jurisdiction.
        var shown = JsonNode.Parse(await (await city1.GetAsync($"/api/map/{layer}")).Content.ReadAsStringAsync())!;
        Assert.Equal(shown["features"]!.AsArray().Count, collection["features"]!.AsArray().Count);
    }

    [Fact]
    public async Task Download_OfALayerNotOffered_Is400()
    {
        using var city1 = await Demo("dispatcher1");
        var problem = await ApiClient.AssertProblemAsync(await city1.GetAsync("/api/map/roads?download=true"), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["download"]);
    }

    private static IEnumerable<string> AllValues(JsonNode? node, string name) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == name && p.Value is JsonValue v ? [v.GetValue<string>()] : AllValues(p.Value, name)),
        JsonArray a => a.SelectMany(x => AllValues(x, name)),
        _ => [],
    };
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteExportTests(SqliteHost host) : ExportTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresExportTests(PostgresHost host) : ExportTests<PostgresHost>(host);
