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

    /// <summary>
    /// Days of closed past incidents written when the province is first seeded (the demo province or a
    /// package), so the overview has history from the first start; 0 writes none.
    /// </summary>
    [Range(0, 366)]
    public int HistoryDays { get; set; } = 30;

    /// <summary>Run the simulator: calls arrive, units are sent, drive, work and return.</summary>
    public bool Simulate { get; set; } = true;

    /// <summary>Mean simulated calls per hour across the province (the hour of day scales it).</summary>
    [Range(0.0, 600.0)]
    public double SimulatedCallsPerHour { get; set; } = 12;

    /// <summary>Seconds between simulation steps (unit positions move at this pace).</summary>
    [Range(1, 60)]
    public int SimulationTickSeconds { get; set; } = 3;

    /// <summary>Password of the demo users (demo mode only; never used in production).</summary>
    [Required, MinLength(10)]
    public string UserPassword { get; set; } = "FireDemo#2026";
}
