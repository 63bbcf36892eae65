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
    public sealed record UserDto(string Id, string UserName, string DisplayName, long JurisdictionId, IReadOnlyList<string> Roles);

    public static RouteGroupBuilder MapAdmin(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/admin/users").WithTags("Admin").RequireAuthorization(Policies.ManageUsers);
        g.MapGet("/", List);
        g.MapPost("/", Create);
        api.MapGet("/audit", ReadAudit).WithTags("Admin").RequireAuthorization(Policies.ReadAudit);
        return api;
    }

    private static async Task<Ok<List<UserDto>>> List(UserManager<AppUser> users, IJurisdictionScope scope, CancellationToken ct)
    {
        var visible = await users.Users.Where(u => scope.SeesAll || scope.VisibleIds.Contains(u.JurisdictionId))
            .OrderBy(u => u.UserName).ToListAsync(ct);
        var result = new List<UserDto>();
        foreach (var u in visible)
            result.Add(new UserDto(u.Id, u.UserName!, u.DisplayName, u.JurisdictionId, [.. await users.GetRolesAsync(u)]));
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
