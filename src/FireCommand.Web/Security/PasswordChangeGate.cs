namespace FireCommand.Web.Security;

/// <summary>
/// A user who signed in with a generated one-time password may do nothing but change it: every API
/// call other than /api/auth answers 403 until then.
/// </summary>
public static class PasswordChangeGate
{
    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var path = ctx.Request.Path;
        if (ctx.User.HasClaim(c => c.Type == PlatformClaims.MustChangePassword) &&
            (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs")) && !path.StartsWithSegments("/api/auth"))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Password change required",
                detail: "This account still uses its one-time password; change it with POST /api/auth/password.").ExecuteAsync(ctx);
            return;
        }
        await next();
    });
}
