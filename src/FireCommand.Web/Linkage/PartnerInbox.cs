using System.Security.Claims;
using System.Text.Json.Nodes;
using FireCommand.Core.Audit;
using FireCommand.Core.Data;
using FireCommand.Core.Linkage;
using FireCommand.Web.Dispatch;
using FireCommand.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Linkage;

/// <summary>
/// A partner's inbox of transfers out to it and its acknowledgement (签收/接受/拒绝). The partner
/// polls; each answer is recorded (audited as the partner) and pushed to the consoles.
/// </summary>
public static class PartnerInbox
{
    public sealed record InboxItem(long TransferId, long IncidentId, string IncidentNumber, string? Reason, DateTimeOffset SentAt,
        string SentBy, JsonObject Eido);

    public sealed record AckRequest(bool? Accepted, string? Operator, string? Note);

    public sealed record AckAnswer(long TransferId, TransferState State, DateTimeOffset? AcknowledgedAt, DateTimeOffset? DecidedAt);

    // An inbox answer holds whole incident documents; a partner that fell behind pages through it.
    private const int InboxPage = 50;

    public static async Task<Ok<List<InboxItem>>> Inbox(ClaimsPrincipal caller, FireCommandDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var partnerId = TransferIn.PartnerIdOf(caller);
        var waiting = await db.LinkageTransfers.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.PartnerId == partnerId && t.Direction == TransferDirection.Out && t.State == TransferState.Sent)
            .Join(db.Incidents.IgnoreQueryFilters(), t => t.IncidentId, i => i.Id, (t, i) => new { t, i })
            .OrderBy(x => x.t.Id).Take(InboxPage).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var items = new List<InboxItem>();
        foreach (var x in waiting)
            items.Add(new InboxItem(x.t.Id, x.i.Id, x.i.Number, x.t.Reason, x.t.CreatedAt, x.t.CreatedBy,
                await EidoExport.BuildAsync(db, x.i, now, ct)));
        return TypedResults.Ok(items);
    }

    public static async Task<Results<Ok<AckAnswer>, NotFound, ValidationProblem, ProblemHttpResult>> Acknowledge(long id,
        AckRequest r, ClaimsPrincipal caller, FireCommandDbContext db, TimeProvider clock, ConsoleNotifier notifier,
        CancellationToken ct)
    {
        var partnerId = TransferIn.PartnerIdOf(caller);
        // Another partner's transfer is not there at all for this key: 404, never 403.
        var transfer = await db.LinkageTransfers.IgnoreQueryFilters()
            .FirstOrDefaultAsync(t => t.Id == id && t.PartnerId == partnerId && t.Direction == TransferDirection.Out, ct);
        if (transfer is null) return TypedResults.NotFound();
        var v = new Validation()
            .Required("operator", r.Operator, 50)
            .Optional("note", r.Note, 500, multiLine: true);
        if (!v.IsValid) return v.Problem();
        try
        {
            transfer.Acknowledge(r.Accepted, r.Operator!.Trim(), r.Note, clock.GetUtcNow());
        }
        catch (IllegalTransferChangeException e)
        {
            return TypedResults.Problem(statusCode: 409, title: "Illegal transfer change", detail: e.Message);
        }
        // The incident may lie outside the area the partner covers; it answers only this transfer.
        db.AllowChangeOutsideScope(transfer);
        await db.SaveChangesAsync(ct);
        var partner = await db.Partners.IgnoreQueryFilters().AsNoTracking().FirstAsync(p => p.Id == partnerId, ct);
        await TransferEvents.PublishAsync(notifier, transfer, partner, ct);
        return TypedResults.Ok(new AckAnswer(transfer.Id, transfer.State, transfer.AcknowledgedAt, transfer.DecidedAt));
    }
}
