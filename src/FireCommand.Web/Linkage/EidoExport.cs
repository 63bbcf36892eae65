using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using FireCommand.Core.Data;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Linkage;

/// <summary>
/// An incident as a NENA EIDO-style JSON document (NENA-STA-021 EIDO, conveyed per NENA-STA-024):
/// the incident, call, location, person (caller), agency, vehicle (assigned units) and notes
/// components, linked by <c>$id</c>/<c>$ref</c>. "Style" because only the components and fields the
/// platform holds are written; docs/linkage.md lists the mapping.
/// </summary>
public static class EidoExport
{
    public const string Version = "1.0";
    private const string Issuer = "firecommand";

    /// <summary>GET /api/incidents/{id}/eido: any signed-in user who may see the incident.</summary>
    public static async Task<Results<Ok<JsonObject>, NotFound>> ForUser(long id, FireCommandDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        return incident is null ? TypedResults.NotFound() : TypedResults.Ok(await BuildAsync(db, incident, clock.GetUtcNow(), ct));
    }

    /// <summary>The document of an incident the caller was already allowed to see (its scope is not applied again).</summary>
    public static async Task<JsonObject> BuildAsync(FireCommandDbContext db, Incident i, DateTimeOffset now, CancellationToken ct)
    {
        var alarms = await db.Alarms.IgnoreQueryFilters().AsNoTracking().Where(a => a.IncidentId == i.Id).OrderBy(a => a.Id).ToListAsync(ct);
        var units = await db.Assignments.IgnoreQueryFilters().AsNoTracking().Where(a => a.IncidentId == i.Id)
            .Join(db.Units.IgnoreQueryFilters(), a => a.UnitId, u => u.Id, (a, u) => new { a, u.CallSign, u.PlateNumber, u.Type, u.Status })
            .OrderBy(x => x.a.Id).ToListAsync(ct);
        var agency = await db.Jurisdictions.IgnoreQueryFilters().AsNoTracking().Where(j => j.Id == i.JurisdictionId)
            .Select(j => new { j.Id, j.Name, j.Code }).FirstAsync(ct);

        var incidentId = $"urn:emergency:uid:incidentid:{i.Number}:{Issuer}";
        var agencyId = $"agency:{agency.Code}";
        var locationId = $"location:incident:{i.Id}";
        JsonObject Component(string id, DateTimeOffset updated) => new()
        {
            ["$id"] = id,
            ["lastUpdateTimeStamp"] = Time(updated),
            ["updatedByAgencyReference"] = Ref(agencyId),
        };

        var calls = new JsonArray();
        var persons = new JsonArray();
        foreach (var a in alarms)
        {
            var call = Component($"call:{a.Id}", a.ReceivedAt);
            call["direction"] = "incoming";
            call["callStartTimestamp"] = Time(a.ReceivedAt);
            call["callSourceInternalText"] = a.Source.ToString();
            call["locationReference"] = new JsonArray(Ref(locationId));
            if (a.CallerName is not null || a.CallerNumber is not null)
            {
                var person = Component($"person:caller:{a.Id}", a.ReceivedAt);
                person["personIncidentRoleRegistryText"] = new JsonArray("Caller");
                person["callIdentifier"] = new JsonArray($"call:{a.Id}");
                if (a.CallerName is not null) person["personFullName"] = a.CallerName;
                if (a.CallerNumber is not null) person["callBackInformationUri"] = new JsonArray("tel:" + a.CallerNumber);
                persons.Add(person);
                call["personReference"] = new JsonArray(Ref($"person:caller:{a.Id}"));
            }
            calls.Add(call);
        }

        var incident = Component($"incident:{i.Id}", now);
        incident["incidentTrackingIdentifier"] = incidentId;
        incident["incidentIdentifier"] = i.Number;
        incident["incidentTypeInternalCode"] = i.Type.ToString();
        incident["incidentTypeInternalText"] = i.Subtype ?? i.Type.ToString();
        incident["incidentStatusInternalText"] = new JsonArray(i.State.ToString());
        incident["incidentCommonPriorityNumber"] = i.FireLevel;
        incident["incidentPriorityInternalText"] = $"fire level {i.FireLevel}";
        incident["incidentCreationTimestamp"] = Time(i.ReceivedAt);
        if (i.DispatchedAt is { } d) incident["incidentDispatchTimestamp"] = Time(d);
        if (i.FirstArrivalAt is { } f) incident["incidentFirstArrivalTimestamp"] = Time(f);
        if (i.ClosedAt is { } c) incident["incidentClosedTimestamp"] = Time(c);
        incident["locationReference"] = new JsonArray(Ref(locationId));

        var location = Component(locationId, i.ReceivedAt);
        location["locationTypeDescriptionRegistryText"] = "IncidentLocation";
        location["locationByValue"] = Pidf(i.Location.Y, i.Location.X, i.Address);

        var owner = Component(agencyId, now);
        owner["organizationIdentification"] = agency.Code;
        owner["agencyName"] = agency.Name;
        owner["agencyType"] = new JsonArray("Fire");
        owner["agencyRoleDescriptionRegistryText"] = new JsonArray("Dispatch");
        owner["incidentOwningAgencyIndicator"] = true;

        var vehicles = new JsonArray();
        foreach (var x in units)
        {
            var v = Component($"vehicle:{x.a.UnitId}:{x.a.Id}", x.a.ClearedAt ?? x.a.OnSceneAt ?? x.a.DispatchedAt);
            v["vehicleIdentification"] = x.CallSign;
            if (x.PlateNumber is not null) v["vehicleLicensePlateText"] = x.PlateNumber;
            v["vehicleTypeInternalText"] = x.Type.ToString();
            v["vehicleStatusInternalText"] = x.Status.Code().ToString(CultureInfo.InvariantCulture);
            v["dispatchTimestamp"] = Time(x.a.DispatchedAt);
            if (x.a.OnSceneAt is { } on) v["onSceneTimestamp"] = Time(on);
            if (x.a.ClearedAt is { } cl) v["clearedTimestamp"] = Time(cl);
            v["agencyReference"] = Ref(agencyId);
            vehicles.Add(v);
        }

        var notes = new JsonArray();
        if (i.Description is not null) notes.Add(Note($"note:description:{i.Id}", i.ReceivedAt, i.Description));
        if (i.Outcome is not null) notes.Add(Note($"note:outcome:{i.Id}", i.ClosedAt ?? now, i.Outcome));

        return new JsonObject
        {
            ["$id"] = incidentId,
            ["eidoVersion"] = Version,
            ["lastUpdateTimeStamp"] = Time(now),
            ["issuingElementIdentification"] = Issuer,
            ["incidentTrackingIdentifier"] = incidentId,
            ["updatedByAgencyReference"] = Ref(agencyId),
            ["incidentComponent"] = new JsonArray(incident),
            ["callComponent"] = calls,
            ["locationComponent"] = new JsonArray(location),
            ["personComponent"] = persons,
            ["agencyComponent"] = new JsonArray(owner),
            ["vehicleComponent"] = vehicles,
            ["notesComponent"] = notes,
        };

        JsonObject Note(string id, DateTimeOffset at, string text)
        {
            var n = Component(id, at);
            n["noteDateTimeStamp"] = Time(at);
            n["noteText"] = text;
            return n;
        }
    }

    private static JsonObject Ref(string id) => new() { ["$ref"] = id };

    private static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The location by value as PIDF-LO (RFC 4119/5491), as EIDO carries it: a GML point in WGS-84
    /// ("latitude longitude", EPSG:4326) and the address as free text in the civic address.
    /// </summary>
    private static string Pidf(double latitude, double longitude, string? address)
    {
        XNamespace pidf = "urn:ietf:params:xml:ns:pidf", gp = "urn:ietf:params:xml:ns:pidf:geopriv10",
            gml = "http://www.opengis.net/gml", ca = "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr";
        var info = new XElement(gp + "location-info",
            new XElement(gml + "Point", new XAttribute("srsName", "urn:ogc:def:crs:EPSG::4326"),
                new XElement(gml + "pos", string.Create(CultureInfo.InvariantCulture, $"{latitude:F7} {longitude:F7}"))));
        if (address is not null) info.Add(new XElement(ca + "civicAddress", new XElement(ca + "country", "CN"), new XElement(ca + "LOC", address)));
        var doc = new XElement(pidf + "presence", new XAttribute("entity", "pres:incident@" + Issuer),
            new XAttribute(XNamespace.Xmlns + "gp", gp), new XAttribute(XNamespace.Xmlns + "gml", gml),
            new XElement(pidf + "tuple", new XAttribute("id", "incident"),
                new XElement(pidf + "status", new XElement(gp + "geopriv", info))));
        return doc.ToString(SaveOptions.DisableFormatting);
    }
}
