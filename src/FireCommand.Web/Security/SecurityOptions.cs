using System.ComponentModel.DataAnnotations;

namespace FireCommand.Web.Security;

/// <summary>Login and bootstrap settings (section "Security").</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Login attempts allowed per client address per minute.</summary>
    [Range(1, 10_000)]
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>Password of the first admin; when empty a one-time password is generated and printed once.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>User name of the first admin.</summary>
    [Required, StringLength(64, MinimumLength = 3)]
    public string AdminUserName { get; set; } = "admin";

    /// <summary>Length of a login session (a dispatcher's shift).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan SessionLength { get; set; } = TimeSpan.FromHours(12);
}
