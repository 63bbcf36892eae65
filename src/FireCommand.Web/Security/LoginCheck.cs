using FireCommand.Core.Security;
using Microsoft.AspNetCore.Identity;

namespace FireCommand.Web.Security;

/// <summary>
/// Checks a user name and password with the same work whatever the outcome: an unknown name is
/// checked against a dummy hash, and a disabled account's password is still verified, so neither
/// the answer nor its time tells which names exist or which accounts are disabled. Singleton.
/// </summary>
public sealed class LoginCheck(IPasswordHasher<AppUser> hasher)
{
    private static readonly AppUser Nobody = new() { DisplayName = "" };
    private readonly Lazy<string> _dummyHash = new(() => hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N")));

    /// <summary>The user if the password is right and the account may sign in; otherwise null.</summary>
    public async Task<AppUser?> CheckAsync(UserManager<AppUser> users, string userName, string password)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            hasher.VerifyHashedPassword(Nobody, _dummyHash.Value, password);
            return null;
        }
        var right = await users.CheckPasswordAsync(user, password);
        // Disabled accounts carry a lockout end in the future (see the user admin).
        return right && !await users.IsLockedOutAsync(user) ? user : null;
    }
}
