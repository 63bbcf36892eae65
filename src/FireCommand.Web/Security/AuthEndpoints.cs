using System.Security.Claims;
using FireCommand.Core.Security;
using FireCommand.Web.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace FireCommand.Web.Security;

/// <summary>Login, logout, the current user, and the anti-forgery token for writes.</summary>
public static class AuthEndpoints
{
    public sealed record LoginRequest(string? UserName, string? Password);
    public sealed record JurisdictionRef(long Id, string Name, string Level);
    public sealed record CurrentUser(string UserName, string DisplayName, IReadOnlyList<string> Roles, JurisdictionRef Jurisdiction,
        bool MustChangePassword);
    public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
    public sealed record AntiforgeryToken(string Token, string HeaderName);

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth").RequireAntiforgeryHeader();
        group.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(SecuritySetup.LoginRateLimit);
        group.MapPost("/logout", Logout);
        group.MapGet("/me", Me);
        group.MapPost("/password", ChangePassword);
        group.MapGet("/antiforgery", Token).AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<CurrentUser>, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request, SignInManager<AppUser> signIn, JurisdictionDirectory directory, ILoggerFactory logs)
    {
        var errors = new Validation()
            .Required("userName", request.UserName, 256)
            .Required("password", request.Password, 256);
        if (!errors.IsValid) return errors.Problem();

        var result = await signIn.PasswordSignInAsync(request.UserName!, request.Password!, isPersistent: false, lockoutOnFailure: true);
        var log = logs.CreateLogger("FireCommand.Security");
        if (result.IsLockedOut)
        {
            Log.LoginLockedOut(log, request.UserName!);
            return TypedResults.Problem(statusCode: 423, title: "Account locked",
                detail: "Too many failed attempts; try again in a few minutes.");
        }
        if (!result.Succeeded)
        {
            Log.LoginFailed(log, request.UserName!);
            return TypedResults.Problem(statusCode: 401, title: "Wrong user name or password");
        }
        var user = await signIn.UserManager.FindByNameAsync(request.UserName!);
        Log.LoginSucceeded(log, request.UserName!);
        return TypedResults.Ok(await Describe(user!, signIn.UserManager, directory));
    }

    private static async Task<NoContent> Logout(SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<CurrentUser>, UnauthorizedHttpResult>> Me(ClaimsPrincipal principal,
        UserManager<AppUser> users, JurisdictionDirectory directory)
    {
        var user = await users.GetUserAsync(principal);
        return user is null ? TypedResults.Unauthorized() : TypedResults.Ok(await Describe(user, users, directory));
    }

    /// <summary>Replaces the password; clears the one-time flag of a generated password.</summary>
    private static async Task<Results<NoContent, ValidationProblem, UnauthorizedHttpResult>> ChangePassword(
        ChangePasswordRequest request, ClaimsPrincipal principal, SignInManager<AppUser> signIn)
    {
        var v = new Validation()
            .Required("currentPassword", request.CurrentPassword, 256)
            .Required("newPassword", request.NewPassword, 256)
            .When(request.NewPassword is not null && request.NewPassword == request.CurrentPassword,
                "newPassword", "newPassword must differ from the current password.");
        if (!v.IsValid) return v.Problem();
        var user = await signIn.UserManager.GetUserAsync(principal);
        if (user is null) return TypedResults.Unauthorized();
        var result = await signIn.UserManager.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                v.Add(e.Code == "PasswordMismatch" ? "currentPassword" : "newPassword", e.Description);
            return v.Problem();
        }
        user.MustChangePassword = false;
        await signIn.UserManager.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        return TypedResults.NoContent();
    }

    private static Ok<AntiforgeryToken> Token(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return TypedResults.Ok(new AntiforgeryToken(tokens.RequestToken!, tokens.HeaderName!));
    }

    private static async Task<CurrentUser> Describe(AppUser user, UserManager<AppUser> users, JurisdictionDirectory directory)
    {
        var roles = await users.GetRolesAsync(user);
        var j = directory.Find(user.JurisdictionId);
        return new CurrentUser(user.UserName!, user.DisplayName, [.. roles],
            new JurisdictionRef(user.JurisdictionId, j?.Name ?? "", j?.Level.ToString() ?? ""), user.MustChangePassword);
    }
}
