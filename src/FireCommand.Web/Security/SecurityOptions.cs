using System.ComponentModel.DataAnnotations;

namespace FireCommand.Web.Security;

/// <summary>Login and bootstrap settings (section "Security").</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Login attempts allowed per client address per minute, whatever the account.</summary>
    [Range(1, 10_000)]
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>Failed logins one client may make for one account before it must wait (see <see cref="LoginThrottle"/>).</summary>
    [Range(1, 100)]
    public int LoginFreeFailures { get; set; } = 5;

    /// <summary>Longest wait one client is made to serve for one account; the wait doubles up to this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LoginMaxBackoff { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Password of the first admin; when empty a one-time password is generated and printed once.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>User name of the first admin.</summary>
    [Required, StringLength(64, MinimumLength = 3)]
    public string AdminUserName { get; set; } = "admin";

    /// <summary>Length of a login session (a dispatcher's shift).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan SessionLength { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How long a node trusts a session check before asking the database again: an ended session
    /// (logout elsewhere, password, role or account change) is refused within this time on every node.
    /// Zero checks on every request.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan SessionValidationInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Optional certificate (PFX file) that encrypts the data-protection key ring at rest; without it
    /// the keys are kept in a folder only the service user can read (see docs/security.md).
    /// </summary>
    public string? KeyCertificatePath { get; set; }

    /// <summary>Password of <see cref="KeyCertificatePath"/>.</summary>
    public string? KeyCertificatePassword { get; set; }
}
