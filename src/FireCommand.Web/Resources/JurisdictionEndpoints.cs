using FireCommand.Core.Data;
using FireCommand.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Resources;

/// <summary>The jurisdiction tree as the caller may see it (their own node and everything below).</summary>
public static class JurisdictionEndpoints
{
    public sealed record JurisdictionDto(long Id, string Name, string Code, JurisdictionLevel Level, long? ParentId);

    public static RouteGroupBuilder MapJurisdictions(this RouteGroupBuilder api)
    {
        api.MapGet("/jurisdictions", async (FireCommandDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Jurisdictions.AsNoTracking().OrderBy(j => j.Level).ThenBy(j => j.Code)
                .Select(j => new JurisdictionDto(j.Id, j.Name, j.Code, j.Level, j.ParentId)).ToListAsync(ct)))
            .WithTags("Resources");
        return api;
    }
}
