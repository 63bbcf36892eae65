using FireCommand.Core.Audit;
using FireCommand.Core.Data;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Linkage;
using FireCommand.Web.Dispatch;
using FireCommand.Web.Security;
using FireCommand.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Linkage;

/// <summary>
/// A dispatcher hands an incident to a partner (e.g. a traffic accident with injured to 120), and
/// the console follows the partner's acknowledgement. Dispatch roles, within the incident's
/// jurisdiction, like every other incident action.
/// </summary>
public static class TransferOut
{
    public sealed record TransferOutRequest(long? PartnerId, string? Reason);

    /// <summary>What the console shows of a transfer, in either direction.</summary>
    public sealed record TransferView(long Id, long IncidentId, TransferDirection Direction, long PartnerId, string PartnerCode,
        string PartnerName, PartnerKind PartnerKind, string? PartnerReference, TransferState State, string? Reason,
        DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? AcknowledgedAt, DateTimeOffset? DecidedAt,
        string? AcknowledgedBy, string? AcknowledgementNote);

    public static RouteGroupBuilder MapTransfersOut(this RouteGroupBuilder api)
    {
        api.MapPost("/incidents/{id:long}/transfers", Send).WithTags("Linkage").RequireAuthorization(Policies.Dispatch);
        api.MapGet("/incidents/{id:long}/transfers", List).WithTags("Linkage");
        return api;
    }

    private static async Task<Results<Created<TransferView>, NotFound, ValidationProblem, ProblemHttpResult>> Send(long id,
        TransferOutRequest r, FireCommandDbContext db, IAuditActor actor, TimeProvider clock, ConsoleNotifier notifier,
        CancellationToken ct)
    {
        var v = new Validation().Required("reason", r.Reason, 500, multiLine: true);
        if (r.PartnerId is null) v.Add("partnerId", "partnerId is required.");
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null) return TypedResults.NotFound();
        // Any enabled partner that receives transfers, also one registered by another city: a
        // handover often crosses the border of a jurisdiction.
        var partner = r.PartnerId is { } pid
            ? await db.Partners.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct)
            : null;
        if (r.PartnerId is not null && (partner is null || !partner.Enabled || !partner.Has(PartnerScopes.ReceiveTransfers)))
            v.Add("partnerId", "partnerId is not an enabled partner that receives transfers.");
        if (!v.IsValid) return v.Problem();
        if (incident.State is IncidentState.Closed)
            return TypedResults.Problem(statusCode: 409, title: "Incident closed", detail: $"{incident.Number} is closed.");

        var transfer = LinkageTransfer.Outgoing(partner!.Id, incident.Id, incident.JurisdictionId, r.Reason!.Trim(),
            clock.GetUtcNow(), actor.UserName);
        db.LinkageTransfers.Add(transfer);
        await db.SaveChangesAsync(ct);
        await TransferEvents.PublishAsync(notifier, transfer, partner, ct);
        return TypedResults.Created($"/api/incidents/{id}/transfers", ToView(transfer, partner));
    }

    private static async Task<Results<Ok<List<TransferView>>, NotFound>> List(long id, FireCommandDbContext db, CancellationToken ct)
    {
        if (!await db.Incidents.AnyAsync(i => i.Id == id, ct)) return TypedResults.NotFound();
        return TypedResults.Ok(await ViewsAsync(db, id, ct));
    }

    public static async Task<List<TransferView>> ViewsAsync(FireCommandDbContext db, long incidentId, CancellationToken ct)
    {
        var rows = await db.LinkageTransfers.IgnoreQueryFilters().AsNoTracking().Where(t => t.IncidentId == incidentId)
            .Join(db.Partners.IgnoreQueryFilters(), t => t.PartnerId, p => p.Id, (t, p) => new { t, p })
            .OrderBy(x => x.t.Id).ToListAsync(ct);
        return [.. rows.Select(x => ToView(x.t, x.p))];
    }

    public static TransferView ToView(LinkageTransfer t, Partner p) => new(t.Id, t.IncidentId, t.Direction, p.Id, p.Code, p.Name,
        p.Kind, t.PartnerReference, t.State, t.Reason, t.CreatedAt, t.CreatedBy, t.AcknowledgedAt, t.DecidedAt,
        t.AcknowledgedBy, t.AcknowledgementNote);
}

/// <summary>Pushes a committed transfer change to the consoles of the incident's jurisdiction.</summary>
public static class TransferEvents
{
    public const string TransferChanged = "transferChanged";

    public static Task PublishAsync(ConsoleNotifier notifier, LinkageTransfer t, Partner p, CancellationToken ct) =>
        notifier.PublishAsync(TransferChanged, t.JurisdictionId, TransferOut.ToView(t, p), ct);
}
