using System.Security.Claims;
using FireCommand.Core.Audit;
using FireCommand.Core.Security;

namespace FireCommand.Web.Security;

/// <summary>Claim types the platform adds to the login cookie.</summary>
public static class PlatformClaims
{
    public const string Jurisdiction = "fc:jurisdiction";
    public const string DisplayName = "fc:display_name";
    /// <summary>Present while the user still signs in with a generated one-time password.</summary>
    public const string MustChangePassword = "fc:must_change_password";
    /// <summary>The server-side session this cookie belongs to (see <see cref="SessionRegistry"/>).</summary>
    public const string Session = "fc:session";
}

/// <summary>
/// The caller of the current request as the data layer sees it: their jurisdiction scope and their
/// identity for the audit trail. Outside a request (seeding, background work) it is the platform
/// itself; an anonymous request sees nothing.
/// </summary>
public sealed class HttpCaller(IHttpContextAccessor accessor, JurisdictionDirectory directory)
    : IJurisdictionScope, IAuditActor
{
    private IJurisdictionScope? _scope;

    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    private IJurisdictionScope Scope => _scope ??= Resolve();

    public bool SeesAll => Scope.SeesAll;
    public long[] VisibleIds => Scope.VisibleIds;

    public string UserId => User?.FindFirstValue(ClaimTypes.NameIdentifier) ?? SystemActor.Instance.UserId;
    public string UserName => User?.Identity?.Name ?? SystemActor.Instance.UserName;

    private IJurisdictionScope Resolve()
    {
        if (accessor.HttpContext is null) return FixedJurisdictionScope.System;
        var claim = User?.FindFirstValue(PlatformClaims.Jurisdiction);
        return User?.Identity?.IsAuthenticated == true && long.TryParse(claim, out var id)
            ? directory.ScopeFor(id)
            : FixedJurisdictionScope.Nothing;
    }
}
