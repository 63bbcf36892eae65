using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using FireCommand.Core.Audit;
using FireCommand.Core.Data;
using FireCommand.Core.Security;
using FireCommand.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;

namespace FireCommand.Web.Security;

public static class SecuritySetup
{
    public const string LoginRateLimit = "login";

    /// <summary>
    /// Identity with cookie login and server-side sessions, roles, jurisdiction scope, anti-forgery,
    /// login throttling, HSTS and forwarded headers from known proxies.
    /// </summary>
    public static WebApplicationBuilder AddPlatformSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrEmpty(o.KeyCertificatePath) || File.Exists(o.KeyCertificatePath),
                "Security:KeyCertificatePath names a file that does not exist.")
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new();
        AddKeyRing(builder, options);

        services.AddHttpContextAccessor();
        services.AddScoped<HttpCaller>();
        services.AddScoped<IJurisdictionScope>(sp => sp.GetRequiredService<HttpCaller>());
        services.AddScoped<IAuditActor>(sp => sp.GetRequiredService<HttpCaller>());
        services.AddMemoryCache();
        services.AddScoped<SessionRegistry>();
        services.AddSingleton<LiveSessions>();
        services.AddSingleton<LiveSessionWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveSessionWatch>());
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<LoginCheck>();

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                // No lockout after failed logins (anyone could lock anyone out); LoginThrottle slows
                // the guessing client instead. A lockout end in the future means "disabled by an admin".
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<FireCommandDbContext>()
            .AddClaimsPrincipalFactory<PlatformClaimsFactory>()
            .AddDefaultTokenProviders();

        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = options.SessionValidationInterval;
            // The periodic re-issue rebuilds the claims from the database; the session id goes along.
            o.OnRefreshingPrincipal = ctx =>
            {
                if (ctx.CurrentPrincipal?.FindFirst(PlatformClaims.Session) is { } session &&
                    ctx.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                    identity.AddClaim(new System.Security.Claims.Claim(PlatformClaims.Session, session.Value));
                return Task.CompletedTask;
            };
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "FireCommand.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = options.SessionLength;
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = ValidateSessionAsync;
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
            // The same policy as the login cookie: Secure whenever the request came over HTTPS
            // (directly, or through a known proxy that says so).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
        AddForwardedHeaders(builder);

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    ctx.HttpContext.Response.Headers.RetryAfter = ((int)retry.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await TypedResults.Problem(statusCode: 429, title: "Too many login attempts",
                    detail: "Wait before trying again.").ExecuteAsync(ctx.HttpContext);
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

    /// <summary>Forwarded headers are applied only when they come from a configured proxy.</summary>
    public static IApplicationBuilder UseForwardedHeadersFromKnownProxies(this IApplicationBuilder app) => app.UseForwardedHeaders();

    /// <summary>
    /// A cookie is honoured only while its security stamp is current (checked every
    /// <see cref="SecurityOptions.SessionValidationInterval"/>) and its session is still listed.
    /// </summary>
    /// <remarks>
    /// Both checks run on every request and are answered from memory within the interval; the
    /// services that ask the database (the stamp validator with its sign-in and user managers, the
    /// session registry) are built only when it is due, as they cost more than the rest of a request's
    /// authentication. The stamp is due on the same rule as Identity's own validator: no issue time,
    /// or one older than the interval.
    /// </remarks>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext ctx)
    {
        var services = ctx.HttpContext.RequestServices;
        var stamp = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (stamp.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (ctx.Properties.IssuedUtc is not { } issued || now - issued > stamp.ValidationInterval)
            await SecurityStampValidator.ValidatePrincipalAsync(ctx);
        if (ctx.Principal is null) return;
        if (SessionRegistry.IsRecentlyConfirmed(services.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>(), ctx.Principal))
            return;
        var sessions = services.GetRequiredService<SessionRegistry>();
        if (await sessions.IsActiveAsync(ctx.Principal)) return;
        ctx.RejectPrincipal();
        await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    private static void AddForwardedHeaders(WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section)
            .Validate(o => !o.Invalid().Any(), "ReverseProxy: KnownProxies must be IP addresses and KnownNetworks CIDR networks.")
            .ValidateOnStart();
        var proxies = builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies, not the framework's default of loopback: a header from
            // any other peer is ignored.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in proxies.KnownProxies)
                if (IPAddress.TryParse(p, out var address)) o.KnownProxies.Add(address);
            foreach (var n in proxies.KnownNetworks)
                if (System.Net.IPNetwork.TryParse(n, out var network)) o.KnownIPNetworks.Add(network);
            // Walk back through a chain of known proxies; the first unknown address is the client.
            o.ForwardLimit = null;
        });
    }

    /// <summary>
    /// Keys that sign the login cookie survive restarts; several nodes must share this folder. They
    /// are encrypted with a certificate when one is configured; otherwise the folder is made
    /// readable by the service user only.
    /// </summary>
    private static void AddKeyRing(WebApplicationBuilder builder, SecurityOptions options)
    {
        var keys = Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Security:KeysDirectory"]
                   ?? Path.Combine(PlatformPaths.DataDirectory(builder), "keys"));
        var dir = OwnerOnlyDirectory(keys);
        var dp = builder.Services.AddDataProtection().SetApplicationName("FireCommand").PersistKeysToFileSystem(dir);
        X509Certificate2? certificate = null;
        if (!string.IsNullOrEmpty(options.KeyCertificatePath) && File.Exists(options.KeyCertificatePath))
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(options.KeyCertificatePath, options.KeyCertificatePassword);
            dp.ProtectKeysWithCertificate(certificate);
        }
        builder.Services.AddHostedService(sp => new KeyRingNotice(sp.GetRequiredService<ILoggerFactory>(), dir.FullName, certificate?.Thumbprint));
    }

    /// <summary>
    /// Creates the folder with mode 0700, or narrows an existing one to it. A shared folder the
    /// service user does not own keeps the mode its owner gave it.
    /// </summary>
    private static DirectoryInfo OwnerOnlyDirectory(string path)
    {
        if (OperatingSystem.IsWindows()) return Directory.CreateDirectory(path);
        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        var dir = Directory.CreateDirectory(path, ownerOnly);
        try
        {
            if (File.GetUnixFileMode(dir.FullName) != ownerOnly) File.SetUnixFileMode(dir.FullName, ownerOnly);
        }
        catch (UnauthorizedAccessException)
        {
            // not ours to change
        }
        return dir;
    }

    /// <summary>Says once at start how the key ring is protected, so the framework's warning is no surprise.</summary>
    private sealed class KeyRingNotice(ILoggerFactory logs, string directory, string? thumbprint) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var log = logs.CreateLogger("FireCommand.Security");
            if (thumbprint is null) Log.KeysUnencrypted(log, directory);
            else Log.KeysEncrypted(log, directory, thumbprint);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static void Configure(this AuthorizationBuilder auth) => Policies.Configure(auth);
}
