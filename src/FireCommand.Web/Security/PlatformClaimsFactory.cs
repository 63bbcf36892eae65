using System.Globalization;
using System.Security.Claims;
using FireCommand.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Security;

/// <summary>Puts the user's jurisdiction and display name into the login cookie.</summary>
public sealed class PlatformClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PlatformClaims.Jurisdiction, user.JurisdictionId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(PlatformClaims.DisplayName, user.DisplayName));
        if (user.MustChangePassword) identity.AddClaim(new Claim(PlatformClaims.MustChangePassword, "true"));
        return identity;
    }
}
