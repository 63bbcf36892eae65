using FireCommand.Core.Data;
using FireCommand.Core.Linkage;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Linkage;

/// <summary>
/// Demo mode registers the province's 110 and 120 centres, so the registry has content. They get
/// no key: an admin issues one (POST /api/partners/{id}/key) when a partner system is to connect.
/// </summary>
public static class DemoPartners
{
    public static async Task EnsureAsync(FireCommandDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Partners.IgnoreQueryFilters().AnyAsync(ct)) return;
        var root = await db.Jurisdictions.IgnoreQueryFilters().AsNoTracking().FirstAsync(j => j.ParentId == null, ct);
        // "潇湘省消防救援总队" → "潇湘省": the province the centres serve.
        var province = root.Name.Split("消防", 2)[0];
        const PartnerScopes all = PartnerScopes.TransferIn | PartnerScopes.ReceiveTransfers | PartnerScopes.ReadOwn;
        db.Partners.Add(new Partner
        {
            Code = "110-" + root.Code, Name = province + "公安厅110指挥中心", Kind = PartnerKind.Police110,
            JurisdictionId = root.Id, Scopes = all, CreatedAt = now,
        });
        db.Partners.Add(new Partner
        {
            Code = "120-" + root.Code, Name = province + "120急救指挥中心", Kind = PartnerKind.Medical120,
            JurisdictionId = root.Id, Scopes = all, CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
    }
}
