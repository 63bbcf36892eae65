using System.Globalization;
using System.Security.Claims;
using FireCommand.Core.Security;
using FireCommand.Core.Shared;
using FireCommand.Web.Hosting;
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
    /// <summary>The signed-in user, with the corps' time zone (an IANA id) that every screen writes clock times in.</summary>
    public sealed record CurrentUser(string UserName, string DisplayName, IReadOnlyList<string> Roles, JurisdictionRef Jurisdiction,
        bool MustChangePassword, string TimeZone);
    public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
    public sealed record AntiforgeryToken(string Token, string HeaderName);
    /// <summary>Whether the caller has a live session, and whose; <c>User</c> is null without one.</summary>
    public sealed record SessionState(bool SignedIn, CurrentUser? User);

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth").RequireAntiforgeryHeader();
        group.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(SecuritySetup.LoginRateLimit);
        group.MapPost("/logout", Logout);
        group.MapGet("/me", Me);
        group.MapGet("/session", Session).AllowAnonymous();
        group.MapPost("/password", ChangePassword);
        group.MapGet("/antiforgery", Token).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// One answer for an unknown name, a wrong password and a disabled account (401, same body);
    /// a client that keeps failing for one account is told to wait (429 with Retry-After), whether
    /// or not the account exists. See <see cref="LoginThrottle"/>.
    /// </summary>
    private static async Task<Results<Ok<CurrentUser>, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request, HttpContext http, SignInManager<AppUser> signIn, LoginCheck check, LoginThrottle throttle,
        SessionRegistry sessions, JurisdictionDirectory directory, CorpsCalendar calendar, ILoggerFactory logs)
    {
        var errors = new Validation()
            .Required("userName", request.UserName, 256)
            .Required("password", request.Password, 256);
        if (!errors.IsValid) return errors.Problem();

        var log = logs.CreateLogger("FireCommand.Security");
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "local";
        var wait = throttle.RetryAfter(request.UserName!, client);
        if (wait > TimeSpan.Zero)
        {
            Log.LoginThrottled(log, request.UserName!, client);
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many login attempts",
                detail: "Wait before trying again.");
        }
        var user = await check.CheckAsync(signIn.UserManager, request.UserName!, request.Password!);
        if (user is null)
        {
            throttle.Failed(request.UserName!, client);
            Log.LoginFailed(log, request.UserName!, client);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Wrong user name or password");
        }
        throttle.Succeeded(request.UserName!, client);
        var session = await sessions.StartAsync(user);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [session]);
        Log.LoginSucceeded(log, request.UserName!, client);
        return TypedResults.Ok(await Describe(user, signIn.UserManager, directory, calendar));
    }

    /// <summary>Ends this session on the server, so the cookie is refused even if replayed.</summary>
    private static async Task<NoContent> Logout(ClaimsPrincipal principal, SignInManager<AppUser> signIn, SessionRegistry sessions)
    {
        await sessions.EndAsync(principal);
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<CurrentUser>, UnauthorizedHttpResult>> Me(ClaimsPrincipal principal,
        UserManager<AppUser> users, JurisdictionDirectory directory, CorpsCalendar calendar)
    {
        var user = await users.GetUserAsync(principal);
        return user is null ? TypedResults.Unauthorized() : TypedResults.Ok(await Describe(user, users, directory, calendar));
    }

    /// <summary>
    /// The login page's question "is somebody signed in here already?", answered 200 either way so a
    /// visit without a session logs no error in the browser.
    /// </summary>
    private static async Task<Ok<SessionState>> Session(ClaimsPrincipal principal, UserManager<AppUser> users,
        JurisdictionDirectory directory, CorpsCalendar calendar)
    {
        var user = principal.Identity?.IsAuthenticated == true ? await users.GetUserAsync(principal) : null;
        return TypedResults.Ok(new SessionState(user is not null, user is null ? null : await Describe(user, users, directory, calendar)));
    }

    /// <summary>
    /// Replaces the password and ends the user's other sessions; clears the one-time flag of a
    /// generated password and removes its file.
    /// </summary>
    private static async Task<Results<NoContent, ValidationProblem, UnauthorizedHttpResult>> ChangePassword(
        ChangePasswordRequest request, ClaimsPrincipal principal, SignInManager<AppUser> signIn, SessionRegistry sessions,
        OneTimePasswordFile oneTimeFile)
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
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await signIn.UserManager.UpdateAsync(user);
            oneTimeFile.Delete();
        }
        // The new security stamp already fails the other sessions' next check; ending their rows
        // makes it immediate. This session goes on with a cookie carrying the new stamp.
        var current = principal.FindFirstValue(PlatformClaims.Session);
        await sessions.EndAllAsync(user, keep: current);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(PlatformClaims.Session, current ?? "")]);
        return TypedResults.NoContent();
    }

    private static Ok<AntiforgeryToken> Token(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return TypedResults.Ok(new AntiforgeryToken(tokens.RequestToken!, tokens.HeaderName!));
    }

    private static async Task<CurrentUser> Describe(AppUser user, UserManager<AppUser> users, JurisdictionDirectory directory,
        CorpsCalendar calendar)
    {
        var roles = await users.GetRolesAsync(user);
        var j = directory.Find(user.JurisdictionId);
        return new CurrentUser(user.UserName!, user.DisplayName, [.. roles],
            new JurisdictionRef(user.JurisdictionId, j?.Name ?? "", j?.Level.ToString() ?? ""), user.MustChangePassword,
            calendar.ZoneId);
    }
}
