using FireCommand.Core.Resources;

namespace FireCommand.Core.Sensing.Alarms;

/// <summary>Settings of the verification of a single detector's fire report (section <c>Sensing:Verification</c>).</summary>
public sealed class VerificationOptions
{
    /// <summary>The usual window: the on-site staff have three minutes to check a detector (GB 25506 practice).</summary>
    public int BaseSeconds { get; set; } = 180;
    public int MinSeconds { get; set; } = 60;
    public int MaxSeconds { get; set; } = 300;
    /// <summary>Night in the corps' local time, when people sleep and fewer staff can check: the window shortens.</summary>
    public TimeOnly NightFrom { get; set; } = new(22, 0);
    public TimeOnly NightTo { get; set; } = new(6, 0);
    /// <summary>False alarms of the device within <see cref="HistoryDays"/> from which the window lengthens.</summary>
    public int FalseAlarmsToLengthen { get; set; } = 3;
    public int HistoryDays { get; set; } = 30;
}

/// <summary>
/// How long a single detector's fire report waits for corroboration before it counts as a fire. Pure.
/// Places where people sleep, gather or cannot get out quickly (high-rise, underground, crowded,
/// historic timber buildings, petrochemical plants) and the night shorten it; a device that often
/// cries wolf lengthens it; the result stays within the configured bounds.
/// </summary>
public static class VerificationWindow
{
    private const KeyPlaceCategory LifeRisk = KeyPlaceCategory.HighRise | KeyPlaceCategory.Underground |
        KeyPlaceCategory.Crowded | KeyPlaceCategory.Petrochemical | KeyPlaceCategory.CulturalRelic |
        KeyPlaceCategory.LargeComplex;

    public static TimeSpan For(VerificationOptions o, KeyPlaceCategory categories, TimeOnly localTime, int recentFalseAlarms)
    {
        double seconds = o.BaseSeconds;
        if ((categories & LifeRisk) != 0) seconds *= 2.0 / 3;
        if (IsNight(o, localTime)) seconds *= 2.0 / 3;
        if (recentFalseAlarms >= o.FalseAlarmsToLengthen) seconds *= 1.5;
        return TimeSpan.FromSeconds(Math.Round(Math.Clamp(seconds, o.MinSeconds, o.MaxSeconds)));
    }

    private static bool IsNight(VerificationOptions o, TimeOnly t) =>
        o.NightFrom <= o.NightTo ? t >= o.NightFrom && t < o.NightTo : t >= o.NightFrom || t < o.NightTo;
}
