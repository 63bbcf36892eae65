using Microsoft.AspNetCore.Identity;

namespace FireCommand.Core.Security;

/// <summary>A platform user, bound to one jurisdiction: they see and act only inside it.</summary>
public sealed class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public long JurisdictionId { get; set; }
    /// <summary>Set for accounts created with a generated one-time password.</summary>
    public bool MustChangePassword { get; set; }
}
