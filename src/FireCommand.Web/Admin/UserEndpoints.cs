using System.Security.Claims;
using FireCommand.Core.Data;
using FireCommand.Core.Security;
using FireCommand.Web.Security;
using FireCommand.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Admin;

/// <summary>User accounts: an admin creates users inside their own jurisdiction only.</summary>
public static class UserEndpoints
{
    public sealed record UserRequest(string? UserName, string? DisplayName, string? Role, long? JurisdictionId, string? Password);
    public sealed record UserDto(string Id, string UserName, string DisplayName, long JurisdictionId, IReadOnlyList<string> Roles,
        bool Enabled = true);
    /// <summary>A change of role and/or of whether the account may sign in; either may be omitted.</summary>
    public sealed record UserUpdate(string? Role, bool? Enabled);

    public static RouteGroupBuilder MapAdmin(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/admin/users").WithTags("Admin").RequireAuthorization(Policies.ManageUsers);
        g.MapGet("/", List);
        g.MapPost("/", Create);
        g.MapPut("/{id}", Update);
        api.MapGet("/audit", ReadAudit).WithTags("Admin").RequireAuthorization(Policies.ReadAudit);
        return api;
    }

    private static async Task<Ok<List<UserDto>>> List(UserManager<AppUser> users, IJurisdictionScope scope, CancellationToken ct)
    {
        var visible = await users.Users.Where(u => scope.SeesAll || scope.VisibleIds.Contains(u.JurisdictionId))
            .OrderBy(u => u.UserName).ToListAsync(ct);
        var result = new List<UserDto>();
        foreach (var u in visible)
            result.Add(new UserDto(u.Id, u.UserName!, u.DisplayName, u.JurisdictionId, [.. await users.GetRolesAsync(u)],
                !await users.IsLockedOutAsync(u)));
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Created<UserDto>, ValidationProblem>> Create(UserRequest r,
        UserManager<AppUser> users, FireCommandDbContext db, CancellationToken ct)
    {
        var v = new Validation()
            .Required("userName", r.UserName, 64)
            .Required("displayName", r.DisplayName, 100)
            .Required("password", r.Password, 128)
            .When(r.Role is not null && !Roles.All.Contains(r.Role), "role", $"role must be one of {string.Join(", ", Roles.All)}.")
            .When(r.Role is null, "role", "role is required.");
        await v.VisibleJurisdiction("jurisdictionId", r.JurisdictionId, db, ct);
        if (!v.IsValid) return v.Problem();

        var user = new AppUser { UserName = r.UserName!.Trim(), DisplayName = r.DisplayName!.Trim(), JurisdictionId = r.JurisdictionId!.Value };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, r.Password!);
        if (!created.Succeeded) return IdentityProblem(created);
        var role = await users.AddToRoleAsync(user, r.Role!);
        if (!role.Succeeded) return IdentityProblem(role);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/admin/users/{user.Id}",
            new UserDto(user.Id, user.UserName, user.DisplayName, user.JurisdictionId, [r.Role!]));
    }

    /// <summary>
    /// Changes a user's role or disables/enables the account, and ends all of the user's sessions:
    /// a new role takes effect at the next login, and a disabled user is signed out everywhere.
    /// </summary>
    private static async Task<Results<Ok<UserDto>, ValidationProblem, NotFound>> Update(string id, UserUpdate r,
        ClaimsPrincipal caller, UserManager<AppUser> users, SessionRegistry sessions, IJurisdictionScope scope,
        FireCommandDbContext db, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || !(scope.SeesAll || scope.VisibleIds.Contains(user.JurisdictionId))) return TypedResults.NotFound();
        var v = new Validation()
            .When(r.Role is null && r.Enabled is null, "role", "role or enabled is required.")
            .When(r.Role is not null && !Roles.All.Contains(r.Role), "role", $"role must be one of {string.Join(", ", Roles.All)}.")
            .When(user.Id == users.GetUserId(caller) && (r.Enabled == false || (r.Role is not null && r.Role != Roles.Admin)),
                "enabled", "An admin cannot disable their own account or take away their own admin role.");
        if (!v.IsValid) return v.Problem();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (r.Role is not null)
        {
            var current = await users.GetRolesAsync(user);
            var removed = await users.RemoveFromRolesAsync(user, current);
            if (!removed.Succeeded) return IdentityProblem(removed);
            var added = await users.AddToRoleAsync(user, r.Role);
            if (!added.Succeeded) return IdentityProblem(added);
        }
        if (r.Enabled is { } enabled)
        {
            // Identity's lockout end is the switch: far in the future = disabled (see LoginCheck).
            await users.SetLockoutEnabledAsync(user, true);
            var set = await users.SetLockoutEndDateAsync(user, enabled ? null : DateTimeOffset.MaxValue);
            if (!set.Succeeded) return IdentityProblem(set);
        }
        await sessions.EndAllAsync(user);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(new UserDto(user.Id, user.UserName!, user.DisplayName, user.JurisdictionId,
            [.. await users.GetRolesAsync(user)], !await users.IsLockedOutAsync(user)));
    }

    private static ValidationProblem IdentityProblem(IdentityResult result)
    {
        var v = new Validation();
        foreach (var e in result.Errors)
            v.Add(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                : e.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : "user", e.Description);
        return v.Problem();
    }

    private static async Task<Ok<List<Core.Audit.AuditEntry>>> ReadAudit(string? entity, string? entityId, int? take,
        FireCommandDbContext db, IJurisdictionScope scope, CancellationToken ct) =>
        TypedResults.Ok(await db.AuditEntries.AsNoTracking()
            .Where(a => scope.SeesAll || (a.JurisdictionId != null && scope.VisibleIds.Contains(a.JurisdictionId.Value)))
            .Where(a => entity == null || a.Entity == entity)
            .Where(a => entityId == null || a.EntityId == entityId)
            .OrderByDescending(a => a.Id).Take(Math.Clamp(take ?? 100, 1, 1000)).ToListAsync(ct));
}
