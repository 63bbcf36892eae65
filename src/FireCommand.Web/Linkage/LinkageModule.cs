using FireCommand.Web.Security;
using FireCommand.Web.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace FireCommand.Web.Linkage;

/// <summary>
/// Linkage with partner agencies (三台联动, 110/120): the partner registry for admins, transfers in
/// and out, the partner's inbox and acknowledgement, and the EIDO export.
/// </summary>
public static class LinkageModule
{
    public const string PartnerTransferIn = nameof(PartnerTransferIn);
    public const string PartnerReceive = nameof(PartnerReceive);
    public const string PartnerRead = nameof(PartnerRead);

    public static WebApplicationBuilder AddLinkage(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PartnerKeyThrottle>();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, PartnerKeyAuthentication>(PartnerKeyAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PartnerTransferIn, Partner(PartnerScopeNames.TransferIn))
            .AddPolicy(PartnerReceive, Partner(PartnerScopeNames.ReceiveTransfers))
            .AddPolicy(PartnerRead, Partner(PartnerScopeNames.ReadOwn));
        return builder;
    }

    // Only the partner scheme is asked: a user's cookie on these endpoints is no one.
    private static AuthorizationPolicy Partner(string scope) => new AuthorizationPolicyBuilder(PartnerKeyAuthentication.SchemeName)
        .RequireAuthenticatedUser().RequireClaim(PartnerClaims.Scope, scope).Build();

    /// <summary>The users' side, inside the cookie-authenticated API group.</summary>
    public static RouteGroupBuilder MapLinkageAdministration(this RouteGroupBuilder api)
    {
        api.MapPartnerRegistry();
        api.MapTransfersOut();
        api.MapGet("/incidents/{id:long}/eido", EidoExport.ForUser).WithTags("Linkage");
        return api;
    }

    /// <summary>
    /// The partners' side: /api/linkage, outside the users' group (no anti-forgery token: a key in
    /// a header is not sent by a browser on its own, so there is no cross-site request to forge).
    /// </summary>
    public static IEndpointRouteBuilder MapLinkagePartnerApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/linkage").WithTags("Linkage (partners)").CheckParameters();
        g.MapPost("/transfers", TransferIn.Handle).RequireAuthorization(PartnerTransferIn);
        g.MapGet("/inbox", PartnerInbox.Inbox).RequireAuthorization(PartnerReceive);
        g.MapPost("/transfers/{id:long}/ack", PartnerInbox.Acknowledge).RequireAuthorization(PartnerReceive);
        g.MapGet("/transfers", PartnerReads.List).RequireAuthorization(PartnerRead);
        g.MapGet("/transfers/{id:long}", PartnerReads.One).RequireAuthorization(PartnerRead);
        g.MapGet("/incidents/{id:long}", PartnerReads.Incident).RequireAuthorization(PartnerRead);
        return app;
    }
}
