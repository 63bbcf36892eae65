using FireCommand.Core.Data;
using FireCommand.Core.Dispatch;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Dispatch;

/// <summary>Incident reads; intake and dispatch actions arrive with the dispatch capability.</summary>
public static class IncidentEndpoints
{
    public sealed record IncidentDto(long Id, string Number, IncidentType Type, string? Subtype, int FireLevel,
        double Latitude, double Longitude, string? Address, IncidentState State, DateTimeOffset ReceivedAt,
        DateTimeOffset? DispatchedAt, DateTimeOffset? FirstArrivalAt, DateTimeOffset? ClosedAt, long JurisdictionId);

    public static RouteGroupBuilder MapDispatch(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/incidents").WithTags("Dispatch");
        g.MapGet("/", async (IncidentState? state, FireCommandDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Incidents.AsNoTracking().Where(i => state == null || i.State == state)
                .OrderByDescending(i => i.ReceivedAt).Take(500).Select(i => ToDto(i)).ToListAsync(ct)));
        g.MapGet("/{id:long}", async Task<Results<Ok<IncidentDto>, NotFound>> (long id, FireCommandDbContext db, CancellationToken ct) =>
            await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is { } i
                ? TypedResults.Ok(ToDto(i)) : TypedResults.NotFound());
        return api;
    }

    private static IncidentDto ToDto(Incident i) => new(i.Id, i.Number, i.Type, i.Subtype, i.FireLevel,
        i.Location.Y, i.Location.X, i.Address, i.State, i.ReceivedAt, i.DispatchedAt, i.FirstArrivalAt, i.ClosedAt,
        i.JurisdictionId);
}
