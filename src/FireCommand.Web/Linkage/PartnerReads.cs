using System.Security.Claims;
using FireCommand.Core.Data;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Linkage;
using FireCommand.Core.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Linkage;

/// <summary>
/// What a partner with <c>read-own</c> may read: the transfers it sent or received, and a summary of
/// those transfers' incidents. Nothing else exists for it; every other id answers 404.
/// </summary>
public static class PartnerReads
{
    public sealed record PartnerTransfer(long Id, TransferDirection Direction, long IncidentId, string IncidentNumber,
        string? CaseReference, TransferState State, string? Reason, DateTimeOffset CreatedAt, DateTimeOffset? AcknowledgedAt,
        DateTimeOffset? DecidedAt, string? AcknowledgedBy, string? AcknowledgementNote);

    /// <summary>A summary of an incident: no callers, no notes, no unit identities.</summary>
    public sealed record IncidentSummary(long Id, string Number, IncidentType Type, IncidentState State, int FireLevel,
        int UnitsDispatched, int UnitsArrived, DateTimeOffset ReceivedAt, DateTimeOffset? DispatchedAt,
        DateTimeOffset? FirstArrivalAt, DateTimeOffset? ClosedAt);

    public static async Task<Ok<List<PartnerTransfer>>> List(ClaimsPrincipal caller, FireCommandDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await Own(db, TransferIn.PartnerIdOf(caller), null).ToListAsync(ct));

    public static async Task<Results<Ok<PartnerTransfer>, NotFound>> One(long id, ClaimsPrincipal caller, FireCommandDbContext db,
        CancellationToken ct) =>
        await Own(db, TransferIn.PartnerIdOf(caller), id).FirstOrDefaultAsync(ct) is { } t
            ? TypedResults.Ok(t)
            : TypedResults.NotFound();

    public static async Task<Results<Ok<IncidentSummary>, NotFound>> Incident(long id, ClaimsPrincipal caller,
        FireCommandDbContext db, CancellationToken ct)
    {
        var partnerId = TransferIn.PartnerIdOf(caller);
        if (!await db.LinkageTransfers.IgnoreQueryFilters().AnyAsync(t => t.IncidentId == id && t.PartnerId == partnerId, ct))
            return TypedResults.NotFound();
        var i = await db.Incidents.IgnoreQueryFilters().AsNoTracking().FirstAsync(x => x.Id == id, ct);
        var assignments = await db.Assignments.IgnoreQueryFilters().AsNoTracking().Where(a => a.IncidentId == id)
            .Select(a => new { a.OnSceneAt }).ToListAsync(ct);
        return TypedResults.Ok(new IncidentSummary(i.Id, i.Number, i.Type, i.State, i.FireLevel, assignments.Count,
            assignments.Count(a => a.OnSceneAt != null), i.ReceivedAt, i.DispatchedAt, i.FirstArrivalAt, i.ClosedAt));
    }

    // The newest 200, or the one asked for; filtered and ordered before the projection, which the
    // database cannot look into.
    private static IQueryable<PartnerTransfer> Own(FireCommandDbContext db, long partnerId, long? id) =>
        db.LinkageTransfers.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.PartnerId == partnerId && (id == null || t.Id == id))
            .OrderByDescending(t => t.Id).Take(200)
            .Join(db.Incidents.IgnoreQueryFilters(), t => t.IncidentId, i => i.Id, (t, i) => new PartnerTransfer(t.Id, t.Direction,
                i.Id, i.Number, t.PartnerReference, t.State, t.Reason, t.CreatedAt, t.AcknowledgedAt, t.DecidedAt,
                t.AcknowledgedBy, t.AcknowledgementNote));
}
