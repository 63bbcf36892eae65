using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using FireCommand.Core.Audit;
using FireCommand.Core.Data;
using FireCommand.Core.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace FireCommand.Web.Security;

public static class SecuritySetup
{
    public const string LoginRateLimit = "login";

    /// <summary>Identity with cookie login, roles, jurisdiction scope, anti-forgery and login rate limiting.</summary>
    public static WebApplicationBuilder AddPlatformSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new();

        // Keys that sign the login cookie survive restarts; several nodes must share this folder.
        var keys = Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Security:KeysDirectory"]
                   ?? Path.Combine(builder.Configuration["Database:DataDirectory"] ?? "data", "keys"));
        services.AddDataProtection().SetApplicationName("FireCommand").PersistKeysToFileSystem(new DirectoryInfo(keys));

        services.AddHttpContextAccessor();
        services.AddScoped<HttpCaller>();
        services.AddScoped<IJurisdictionScope>(sp => sp.GetRequiredService<HttpCaller>());
        services.AddScoped<IAuditActor>(sp => sp.GetRequiredService<HttpCaller>());

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<FireCommandDbContext>()
            .AddClaimsPrincipalFactory<PlatformClaimsFactory>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "FireCommand.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = options.SessionLength;
            o.SlidingExpiration = true;
            // An API answers with status codes; the login page is the client's business.
            o.Events.OnRedirectToLogin = ctx => { ctx.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
            o.Events.OnRedirectToAccessDenied = ctx => { ctx.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
        });

        services.AddAuthorizationBuilder().Configure();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-XSRF-TOKEN";
            o.Cookie.Name = "FireCommand.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    ctx.HttpContext.Response.Headers.RetryAfter = ((int)retry.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await TypedResults.Problem(statusCode: 429, title: "Too many login attempts",
                    detail: "Wait a minute before trying again.").ExecuteAsync(ctx.HttpContext);
            };
            o.AddPolicy(LoginRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.LoginAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        return builder;
    }

    private static void Configure(this AuthorizationBuilder auth) => Policies.Configure(auth);
}
