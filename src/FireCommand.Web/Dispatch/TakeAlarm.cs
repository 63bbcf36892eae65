using FireCommand.Core.Audit;
using FireCommand.Core.Data;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Security;
using FireCommand.Core.Shared;
using FireCommand.Geo;
using FireCommand.Geo.Coordinates;
using FireCommand.Web.Map;
using FireCommand.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace FireCommand.Web.Dispatch;

/// <summary>
/// Alarm intake (接警): a call, an automatic alarm or a linked agency's report becomes a new
/// incident, or joins an existing one when the call-taker merges it. The answer is sent only after
/// the commit, so an acknowledged alarm is never lost.
/// </summary>
public static class TakeAlarm
{
    public sealed record AlarmRequest(AlarmSource? Source, string? CallerNumber, string? CallerName, double? Latitude,
        double? Longitude, CoordinateSystem? CoordinateSystem, string? Address, IncidentType? Type, string? Subtype,
        string? Description, int? Trapped, int? Injured, long? KeyPlaceId, int? FireLevel, long? MergeIntoIncidentId,
        string? ExternalId);

    public sealed record AlarmTaken(long AlarmId, bool Duplicate, IncidentViews.IncidentView Incident);

    /// <summary>The located, validated alarm, ready to store.</summary>
    internal sealed record Located(Point Location, long JurisdictionId, Core.Resources.KeyPlace? KeyPlace);

    public static async Task<Results<Created<AlarmTaken>, Ok<AlarmTaken>, ValidationProblem>> Handle(AlarmRequest r,
        FireCommandDbContext db, ProvinceGeography geography, IJurisdictionScope scope, IAuditActor actor, TimeProvider clock,
        ConsoleNotifier notifier, CorpsCalendar calendar, CancellationToken ct)
    {
        var (validation, located) = await ValidateAsync(r, db, geography, scope, ct);
        if (!validation.IsValid) return validation.Problem();
        // Whole milliseconds, which both databases keep exactly (SQLite's stored form holds 0.1 ms,
        // PostgreSQL 1 µs): the answer is built from what was written and must equal a later read.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));

        var source = r.Source ?? AlarmSource.Call119;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var mergeInto = r.MergeIntoIncidentId is { } target ? await db.Incidents.FirstAsync(i => i.Id == target, ct) : null;
        // A repeated delivery is recognised within the jurisdiction the alarm is filed in, which the
        // caller may see: another city's device with the same id neither hides this alarm nor shows
        // that city's incident.
        var filedIn = mergeInto?.JurisdictionId ?? located!.JurisdictionId;
        if (r.ExternalId is not null && await RepeatAsync(db, source, filedIn, r.ExternalId, ct) is { } repeat)
            return TypedResults.Ok(repeat);

        Incident incident;
        if (mergeInto is not null) incident = mergeInto;
        else
        {
            incident = new Incident
            {
                Number = "tmp-" + Guid.NewGuid().ToString("N")[..24], Type = r.Type!.Value, Subtype = r.Subtype,
                Location = located!.Location, Address = r.Address ?? located.KeyPlace?.Address, Description = r.Description,
                Trapped = r.Trapped ?? 0, Injured = r.Injured ?? 0, KeyPlaceId = located.KeyPlace?.Id,
                JurisdictionId = located.JurisdictionId, ReceivedAt = now, Source = source,
            };
            // The call-taker's level wins; without one, the suggestion from type, people and place.
            incident.SetFireLevel(r.FireLevel ?? PreviewAlarm.SuggestLevel(r, located.KeyPlace?.Categories ?? Core.Resources.KeyPlaceCategory.None).Level);
            db.Incidents.Add(incident);
            await db.SaveChangesAsync(ct);
            // Numbers read well on the radio: the day and the incident's sequence, e.g. 20261128-00042.
            incident.Number = IncidentNumber.For(now, incident.Id, calendar);
        }
        var alarm = new Alarm
        {
            IncidentId = incident.Id, Source = source, CallerNumber = r.CallerNumber,
            CallerName = r.CallerName, ReportedLocation = r.Latitude is null ? null : located!.Location,
            ReportedCoordinateSystem = r.Latitude is null ? null : r.CoordinateSystem ?? CoordinateSystem.Wgs84,
            AddressText = r.Address, Type = r.Type!.Value, Subtype = r.Subtype, Description = r.Description,
            Trapped = r.Trapped ?? 0, Injured = r.Injured ?? 0, KeyPlaceId = located!.KeyPlace?.Id, ExternalId = r.ExternalId,
            ReceivedAt = now, TakenBy = actor.UserName, JurisdictionId = incident.JurisdictionId,
        };
        db.Alarms.Add(alarm);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (r.ExternalId is not null && DatabaseErrors.IsUniqueViolation(e))
        {
            // The same delivery arrived twice at once and the other copy committed first: answer as
            // its repeat, with nothing of this copy written.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await RepeatAsync(db, source, filedIn, r.ExternalId, ct) is { } first) return TypedResults.Ok(first);
            throw;
        }

        // A new incident has nothing but this alarm, and no one else could reach it before the commit:
        // its view is what this request wrote. A merge reads the incident's units and callers back.
        var view = mergeInto is null
            ? IncidentViews.ToView(incident, [], [alarm])
            : await IncidentViews.LoadAsync(db, incident, ct);
        await notifier.PublishAsync(ConsoleNotifier.IncidentChanged, incident.JurisdictionId, view, ct);
        var taken = new AlarmTaken(alarm.Id, r.MergeIntoIncidentId is not null, view);
        return r.MergeIntoIncidentId is null
            ? TypedResults.Created($"/api/incidents/{incident.Id}", taken)
            : TypedResults.Ok(taken);
    }

    /// <summary>The alarm already filed under this sending system's id in this jurisdiction, if any.</summary>
    private static async Task<AlarmTaken?> RepeatAsync(FireCommandDbContext db, AlarmSource source, long jurisdictionId,
        string externalId, CancellationToken ct)
    {
        var seen = await db.Alarms.AsNoTracking().FirstOrDefaultAsync(
            a => a.Source == source && a.JurisdictionId == jurisdictionId && a.ExternalId == externalId, ct);
        if (seen is null) return null;
        var known = await db.Incidents.FirstAsync(i => i.Id == seen.IncidentId, ct);
        return new AlarmTaken(seen.Id, true, await IncidentViews.LoadAsync(db, known, ct));
    }

    internal static async Task<(Validation, Located?)> ValidateAsync(AlarmRequest r, FireCommandDbContext db,
        ProvinceGeography geography, IJurisdictionScope scope, CancellationToken ct)
    {
        var v = new Validation()
            .Defined("type", r.Type)
            .Optional("callerNumber", r.CallerNumber, 30)
            .Optional("callerName", r.CallerName, 50)
            .Optional("address", r.Address, 200)
            .Optional("subtype", r.Subtype, 50)
            .Optional("description", r.Description, 2000, multiLine: true)
            .Optional("externalId", r.ExternalId, 100)
            .When(r.ExternalId is not null && string.IsNullOrWhiteSpace(r.ExternalId), "externalId",
                "externalId must not be blank; leave it out when the sending system gives no id.")
            .OptionalRange("trapped", r.Trapped, 0, 100_000)
            .OptionalRange("injured", r.Injured, 0, 100_000)
            .OptionalRange("fireLevel", r.FireLevel, Incident.MinFireLevel, Incident.MaxFireLevel)
            .When(r.Source is { } s && !Enum.IsDefined(s), "source", $"source has an unknown value {r.Source}.")
            .When(r.CoordinateSystem is { } c && !Enum.IsDefined(c), "coordinateSystem", "coordinateSystem must be Wgs84, Gcj02 or Bd09.")
            .When(r.Type == IncidentType.FalseAlarm, "type", "a new alarm cannot be taken as a false alarm; close the incident as false instead.");

        Core.Resources.KeyPlace? place = null;
        if (r.KeyPlaceId is { } placeId && (place = await db.KeyPlaces.AsNoTracking().FirstOrDefaultAsync(k => k.Id == placeId, ct)) is null)
            v.Add("keyPlaceId", "keyPlaceId is not a key place you can see.");
        if (r.MergeIntoIncidentId is { } mergeId &&
            !await db.Incidents.AnyAsync(i => i.Id == mergeId && i.State != IncidentState.Closed, ct))
            v.Add("mergeIntoIncidentId", "mergeIntoIncidentId is not an open incident you can see.");

        Point? location = null;
        if (r.Latitude is null != r.Longitude is null)
            v.Add(r.Latitude is null ? "latitude" : "longitude", "latitude and longitude come together.");
        else if (r.Latitude is { } lat && r.Longitude is { } lon)
        {
            v.Location("", lat, lon);
            if (Validation.IsOnGlobe(lat, lon))
            {
                var wgs = ChinaCoordinates.Convert(new GeoPoint(lat, lon), r.CoordinateSystem ?? CoordinateSystem.Wgs84, CoordinateSystem.Wgs84);
                location = Geography.Point(wgs.Latitude, wgs.Longitude);
                if (!geography.Current.Jurisdictions.IsInsideProvince(location))
                    v.Add("latitude", "The location lies outside the province; transfer the call to the neighbouring centre.");
            }
        }
        else if (place is not null) location = (Point)place.Location.Copy();
        else if (r.KeyPlaceId is null)
            v.Add("latitude", "A location is required: coordinates, a map pin, or a key place.");

        if (!v.IsValid || location is null) return (v, null);
        var jurisdiction = geography.Current.Jurisdictions.Locate(location) ?? place?.JurisdictionId;
        if (jurisdiction is null || !(scope.SeesAll || scope.VisibleIds.Contains(jurisdiction.Value)))
            return (v.Add("latitude", "The location is outside your jurisdiction; transfer the call to the responsible centre."), null);
        return (v, new Located(location, jurisdiction.Value, place));
    }
}
