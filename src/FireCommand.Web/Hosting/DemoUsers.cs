using FireCommand.Core.Data;
using FireCommand.Core.Resources;
using FireCommand.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Hosting;

/// <summary>
/// Demo accounts, one per role at province level plus a dispatcher per detachment and a station
/// officer in one brigade, so jurisdiction scoping can be seen. Created only in demo mode.
/// </summary>
public static class DemoUsers
{
    public static async Task EnsureAsync(UserManager<AppUser> users, FireCommandDbContext db, string password, CancellationToken ct)
    {
        var tree = await db.Jurisdictions.IgnoreQueryFilters().AsNoTracking().OrderBy(j => j.Id).ToListAsync(ct);
        var root = tree.First(j => j.ParentId == null);
        var detachments = tree.Where(j => j.Level == JurisdictionLevel.Detachment).ToList();
        var brigade = tree.FirstOrDefault(j => j.Level == JurisdictionLevel.Brigade);

        await EnsureUser(users, "commander", "总队值班指挥员", Roles.Commander, root.Id, password);
        await EnsureUser(users, "dispatcher", "总队调度员", Roles.Dispatcher, root.Id, password);
        await EnsureUser(users, "inspector", "总队监督员", Roles.Inspector, root.Id, password);
        await EnsureUser(users, "viewer", "只读用户", Roles.Viewer, root.Id, password);
        for (var i = 0; i < detachments.Count; i++)
            await EnsureUser(users, $"dispatcher{i + 1}", $"{detachments[i].Name}调度员", Roles.Dispatcher, detachments[i].Id, password);
        if (brigade is not null)
            await EnsureUser(users, "officer", $"{brigade.Name}站长", Roles.StationOfficer, brigade.Id, password);
    }

    private static async Task EnsureUser(UserManager<AppUser> users, string userName, string displayName, string role,
        long jurisdictionId, string password)
    {
        if (await users.FindByNameAsync(userName) is not null) return;
        var user = new AppUser { UserName = userName, DisplayName = displayName, JurisdictionId = jurisdictionId };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Cannot create demo user {userName}: " +
                                                string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
    }
}
