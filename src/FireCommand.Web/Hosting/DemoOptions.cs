using System.ComponentModel.DataAnnotations;

namespace FireCommand.Web.Hosting;

/// <summary>Demo mode (section "Demo"): a generated province and demo users; off in production.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }

    /// <summary>Which province the generator builds; `--demo-seed N` on the command line.</summary>
    [Range(0, int.MaxValue)]
    public int Seed { get; set; } = 1;

    /// <summary>Password of the demo users (demo mode only; never used in production).</summary>
    [Required, MinLength(10)]
    public string UserPassword { get; set; } = "FireDemo#2026";
}
