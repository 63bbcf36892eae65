using FireCommand.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Shared;

/// <summary>Checks that need the database; they see only what the caller's jurisdiction allows.</summary>
public static class ValidationQueries
{
    public static async Task<Validation> VisibleJurisdiction(this Validation v, string field, long? id,
        FireCommandDbContext db, CancellationToken ct)
    {
        if (id is null) return v.Add(field, $"{field} is required.");
        if (!await db.Jurisdictions.AnyAsync(j => j.Id == id, ct))
            v.Add(field, $"{field} is not a jurisdiction you can see.");
        return v;
    }
}
