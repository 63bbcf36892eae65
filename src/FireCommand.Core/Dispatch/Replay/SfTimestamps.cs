using System.Globalization;

namespace FireCommand.Core.Dispatch.Replay;

/// <summary>
/// Times of the San Francisco call log: local wall-clock times written <c>MM/DD/YYYY hh:mm:ss AM/PM</c>
/// (12-hour clock: <c>12:00:00 AM</c> is midnight, <c>12:00:00 PM</c> noon), in the city's zone,
/// America/Los_Angeles.
/// </summary>
/// <remarks>
/// The zone comes from the system's tz database (Linux tzdata, or ICU on Windows). Where it is
/// missing — a slim container without tzdata — a built-in zone with the US rules in force since 2007
/// (UTC−8, daylight time UTC−7 from the second Sunday of March to the first Sunday of November, both
/// at 02:00) is used instead, and <see cref="Zone"/> says so in its id; it is exact for logs from
/// 2007 on. The log cannot tell the two 01:00–02:00 hours of the November change apart; such a time
/// is read as standard time, as <see cref="TimeZoneInfo.GetUtcOffset(DateTime)"/> does. A time in the
/// skipped March hour does not exist on a clock and is read with the standard offset. Thread-safe.
/// </remarks>
public static class SfTimestamps
{
    /// <summary>The exact text format of a time in the log.</summary>
    public const string Format = "MM/dd/yyyy hh:mm:ss tt";

    /// <summary>Id of the built-in fallback zone, so a report can say which one was used.</summary>
    public const string FallbackZoneId = "America/Los_Angeles (built-in US rules, no tzdata)";

    private static readonly Lazy<TimeZoneInfo> PacificZone = new(FindPacificZone);

    /// <summary>America/Los_Angeles, or the built-in fallback described above.</summary>
    public static TimeZoneInfo Zone => PacificZone.Value;

    /// <summary>Parses one time; false (and default) when the text is not in <see cref="Format"/>.</summary>
    /// <param name="text">The field, e.g. <c>04/07/2020 11:53:08 PM</c>.</param>
    /// <param name="zone">The zone of the wall-clock time; <see cref="Zone"/> when null.</param>
    /// <param name="time">The instant, with the zone's offset at that time.</param>
    public static bool TryParse(ReadOnlySpan<char> text, TimeZoneInfo? zone, out DateTimeOffset time)
    {
        time = default;
        if (!TryParseLocal(text.Trim(), out var local)) return false;
        zone ??= Zone;
        time = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return true;
    }

    /// <summary>
    /// Strict reading of <see cref="Format"/>: two-digit fields, hour 01–12 (DateTime's own parser also
    /// takes "00:30 AM", which no 12-hour clock shows and which hints at a file in another format).
    /// </summary>
    private static bool TryParseLocal(ReadOnlySpan<char> t, out DateTime local)
    {
        local = default;
        if (t.Length != 22 || t[2] != '/' || t[5] != '/' || t[10] != ' ' || t[13] != ':' || t[16] != ':' || t[19] != ' ' ||
            !Digits(t[0..2], out int month) || !Digits(t[3..5], out int day) || !Digits(t[6..10], out int year) ||
            !Digits(t[11..13], out int hour12) || !Digits(t[14..16], out int minute) || !Digits(t[17..19], out int second))
            return false;
        bool? pm = t[20..] switch { "AM" or "am" => false, "PM" or "pm" => true, _ => null };
        if (pm is null || month is < 1 or > 12 || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month) ||
            hour12 is < 1 or > 12 || minute > 59 || second > 59)
            return false;
        local = new DateTime(year, month, day, hour12 % 12 + (pm.Value ? 12 : 0), minute, second, DateTimeKind.Unspecified);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>The built-in US Pacific zone (rules since 2007), public so tests can compare it with tzdata.</summary>
    public static TimeZoneInfo BuiltInPacificZone()
    {
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            new DateTime(2007, 1, 1), DateTime.MaxValue.Date, TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 2, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 11, 1, DayOfWeek.Sunday));
        return TimeZoneInfo.CreateCustomTimeZone(FallbackZoneId, TimeSpan.FromHours(-8), FallbackZoneId,
            "Pacific Standard Time", "Pacific Daylight Time", [rule]);
    }

    private static TimeZoneInfo FindPacificZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return BuiltInPacificZone();
        }
    }
}
