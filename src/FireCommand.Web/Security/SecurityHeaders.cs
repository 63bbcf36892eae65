namespace FireCommand.Web.Security;

/// <summary>Headers every response carries. The API reference page needs inline scripts, so it gets its own CSP.</summary>
public static class SecurityHeaders
{
    private static string Csp(string? tileOrigin) =>
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        $"img-src 'self' data: blob:{(tileOrigin is null ? "" : " " + tileOrigin)}; connect-src 'self'; font-src 'self' data:; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private const string ApiPageCsp = "default-src 'self'; script-src 'self' 'unsafe-inline'; " +
                                      "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
                                      "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    /// <param name="app">The pipeline.</param>
    /// <param name="tileOrigin">Origin of a configured online base layer, allowed as an image source; null when offline.</param>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? tileOrigin = null)
    {
        var csp = Csp(tileOrigin);
        return app.Use(async (ctx, next) =>
        {
            ctx.Response.OnStarting(() =>
            {
                var h = ctx.Response.Headers;
                h["X-Content-Type-Options"] = "nosniff";
                h["X-Frame-Options"] = "DENY";
                h["Referrer-Policy"] = "no-referrer";
                h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
                h["Cross-Origin-Opener-Policy"] = "same-origin";
                h.ContentSecurityPolicy = ctx.Request.Path.StartsWithSegments("/api/reference") ? ApiPageCsp : csp;
                if (ctx.Request.Path.StartsWithSegments("/api") && string.IsNullOrEmpty(h.CacheControl)) h.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            await next();
        });
    }

    /// <summary>The scheme, host and port of a tile URL template such as https://t{s}.example.cn/{z}/{x}/{y}.png.</summary>
    public static string? OriginOf(string? tileUrl)
    {
        if (string.IsNullOrWhiteSpace(tileUrl)) return null;
        // Subdomain placeholders ({s}) become a wildcard host, which CSP allows.
        var probe = tileUrl.Replace("{s}", "x", StringComparison.Ordinal);
        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri)) return null;
        var host = tileUrl.Contains("{s}", StringComparison.Ordinal) ? "*." + uri.Host.Split('.', 2)[^1] : uri.Host;
        return $"{uri.Scheme}://{host}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}";
    }
}
