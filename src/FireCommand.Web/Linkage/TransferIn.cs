using System.Security.Claims;
using FireCommand.Core.Audit;
using FireCommand.Core.Data;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Linkage;
using FireCommand.Core.Security;
using FireCommand.Core.Shared;
using FireCommand.Geo.Coordinates;
using FireCommand.Web.Dispatch;
using FireCommand.Web.Map;
using FireCommand.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Linkage;

/// <summary>
/// A partner hands an incident to the fire service (110/120 → 119). It is taken through the same
/// intake as a call-taker's alarm (<see cref="TakeAlarm"/>): the same validation, the same
/// jurisdiction check (the partner files within the area it covers), the same repeat detection and
/// the same push to the consoles. A retry of the same case reference answers the same transfer.
/// </summary>
public static class TransferIn
{
    public sealed record TransferInRequest(string? CaseReference, IncidentType? Type, string? Subtype, string? Description,
        string? Address, double? Latitude, double? Longitude, CoordinateSystem? CoordinateSystem, string? CallerNumber,
        string? CallerName, DateTimeOffset? ReceivedAt, int? Trapped, int? Injured);

    public sealed record TransferAnswer(long TransferId, long IncidentId, string IncidentNumber, TransferState State,
        bool Duplicate);

    // A partner's clock may run a little ahead; a time further in the future is a wrong field.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static async Task<Results<Created<TransferAnswer>, Ok<TransferAnswer>, ValidationProblem>> Handle(
        TransferInRequest r, ClaimsPrincipal caller, FireCommandDbContext db, ProvinceGeography geography,
        IJurisdictionScope scope, IAuditActor actor, TimeProvider clock, ConsoleNotifier notifier, CorpsCalendar calendar,
        CancellationToken ct)
    {
        var partnerId = PartnerIdOf(caller);
        var v = new Validation()
            .Required("caseReference", r.CaseReference, 60)
            .Defined("type", r.Type)
            .Range("latitude", r.Latitude, -90, 90)
            .Range("longitude", r.Longitude, -180, 180)
            .When(r.ReceivedAt is { } at && at > clock.GetUtcNow() + ClockSkew, "receivedAt", "receivedAt lies in the future.");
        if (!v.IsValid) return v.Problem();
        var reference = r.CaseReference!.Trim();

        if (await FindAsync(db, partnerId, reference, ct) is { } earlier) return TypedResults.Ok(earlier);

        var partner = await db.Partners.IgnoreQueryFilters().AsNoTracking().FirstAsync(p => p.Id == partnerId, ct);
        var alarm = new TakeAlarm.AlarmRequest(
            Source: partner.Kind == PartnerKind.Medical120 ? AlarmSource.Medical120 : AlarmSource.Police110,
            r.CallerNumber, r.CallerName, r.Latitude, r.Longitude, r.CoordinateSystem, r.Address, r.Type, r.Subtype,
            r.Description, r.Trapped, r.Injured, KeyPlaceId: null, FireLevel: null, MergeIntoIncidentId: null,
            // The intake recognises a repeated delivery by this id even if the transfer row below was
            // never written (a crash between the two commits): the retry then finds the same alarm.
            ExternalId: $"{partner.Code}:{reference}");
        var taken = (await TakeAlarm.Handle(alarm, db, geography, scope, actor, clock, notifier, calendar, ct)).Result;
        var result = taken switch
        {
            Created<TakeAlarm.AlarmTaken> c => c.Value!,
            Ok<TakeAlarm.AlarmTaken> o => o.Value!,
            ValidationProblem p => null,
            _ => throw new InvalidOperationException("Unexpected intake answer."),
        };
        if (result is null) return (ValidationProblem)taken;

        db.ChangeTracker.Clear();
        var transfer = LinkageTransfer.Incoming(partnerId, reference, result.Incident.Id, result.AlarmId,
            result.Incident.JurisdictionId, clock.GetUtcNow(), actor.UserName, r.ReceivedAt?.ToUniversalTime());
        db.LinkageTransfers.Add(transfer);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // The same case arrived twice at once and the other copy committed first.
            db.ChangeTracker.Clear();
            if (await FindAsync(db, partnerId, reference, ct) is { } first) return TypedResults.Ok(first);
            throw;
        }
        var answer = new TransferAnswer(transfer.Id, result.Incident.Id, result.Incident.Number, transfer.State, false);
        await TransferEvents.PublishAsync(notifier, transfer, partner, ct);
        return TypedResults.Created($"/api/linkage/transfers/{transfer.Id}", answer);
    }

    public static long PartnerIdOf(ClaimsPrincipal caller) =>
        long.Parse(caller.FindFirstValue(PartnerClaims.PartnerId)!, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<TransferAnswer?> FindAsync(FireCommandDbContext db, long partnerId, string reference,
        CancellationToken ct) =>
        await db.LinkageTransfers.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.PartnerId == partnerId && t.PartnerReference == reference)
            .Join(db.Incidents.IgnoreQueryFilters(), t => t.IncidentId, i => i.Id,
                (t, i) => new TransferAnswer(t.Id, i.Id, i.Number, t.State, true))
            .FirstOrDefaultAsync(ct);
}
