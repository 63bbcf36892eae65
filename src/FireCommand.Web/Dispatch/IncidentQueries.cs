using FireCommand.Core.Data;
using FireCommand.Core.Dispatch;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Dispatch;

/// <summary>Incident lists and details, inside the caller's jurisdiction.</summary>
public static class IncidentQueries
{
    public sealed record IncidentSummary(long Id, string Number, IncidentType Type, int FireLevel, double Latitude,
        double Longitude, string? Address, IncidentState State, DateTimeOffset ReceivedAt, DateTimeOffset? DispatchedAt,
        DateTimeOffset? FirstArrivalAt, long JurisdictionId, AlarmSource Source);

    public static RouteGroupBuilder MapIncidentQueries(this RouteGroupBuilder g)
    {
        g.MapGet("/", async (IncidentState? state, bool? active, FireCommandDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Incidents.AsNoTracking()
                .Where(i => state == null || i.State == state)
                .Where(i => active != true || i.State != IncidentState.Closed)
                .OrderByDescending(i => i.Id).Take(500)
                .Select(i => new IncidentSummary(i.Id, i.Number, i.Type, i.FireLevel, i.Location.Y, i.Location.X, i.Address,
                    i.State, i.ReceivedAt, i.DispatchedAt, i.FirstArrivalAt, i.JurisdictionId, i.Source))
                .ToListAsync(ct)));
        g.MapGet("/{id:long}", async Task<Results<Ok<IncidentViews.IncidentView>, NotFound>> (long id, FireCommandDbContext db,
            CancellationToken ct) =>
            await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is { } i
                ? TypedResults.Ok(await IncidentViews.LoadAsync(db, i, ct)) : TypedResults.NotFound());
        return g;
    }
}
