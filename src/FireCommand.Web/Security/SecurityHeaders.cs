namespace FireCommand.Web.Security;

/// <summary>Headers every response carries. The API reference page needs inline scripts, so it gets its own CSP.</summary>
public static class SecurityHeaders
{
    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
                               "img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; " +
                               "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private const string ApiPageCsp = "default-src 'self'; script-src 'self' 'unsafe-inline'; " +
                                      "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
                                      "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        ctx.Response.OnStarting(() =>
        {
            var h = ctx.Response.Headers;
            h["X-Content-Type-Options"] = "nosniff";
            h["X-Frame-Options"] = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h.ContentSecurityPolicy = ctx.Request.Path.StartsWithSegments("/api/reference") ? ApiPageCsp : Csp;
            if (ctx.Request.Path.StartsWithSegments("/api")) h.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        await next();
    });
}
