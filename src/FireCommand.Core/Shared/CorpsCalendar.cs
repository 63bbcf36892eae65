using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace FireCommand.Core.Shared;

/// <summary>
/// The corps' clock (section "Corps"). Incident numbers, the overview's days and every report
/// count days in the corps' own time zone: an incident at 00:30 Beijing time belongs to that day,
/// not to the previous UTC day.
/// </summary>
public sealed class CorpsTimeOptions
{
    public const string Section = "Corps";
    public const string DefaultTimeZone = "Asia/Shanghai";

    /// <summary>An IANA time zone id, e.g. "Asia/Shanghai" or "Asia/Urumqi".</summary>
    [Required]
    public string TimeZone { get; set; } = DefaultTimeZone;
}

/// <summary>
/// Calendar days in the corps' time zone. Immutable and thread-safe. Times are stored in UTC; this
/// is the one place where a time becomes a day.
/// </summary>
public sealed class CorpsCalendar
{
    public CorpsCalendar(TimeZoneInfo zone) => Zone = zone;

    public TimeZoneInfo Zone { get; }

    /// <summary>The zone's IANA id, for clients that group by day themselves.</summary>
    public string ZoneId => Zone.HasIanaId ? Zone.Id
        : TimeZoneInfo.TryConvertWindowsIdToIanaId(Zone.Id, out var iana) ? iana : Zone.Id;

    public static CorpsCalendar Default { get; } = new(TimeZoneInfo.FindSystemTimeZoneById(CorpsTimeOptions.DefaultTimeZone));

    public static bool TryFind(string? id, out CorpsCalendar calendar)
    {
        calendar = Default;
        if (string.IsNullOrWhiteSpace(id)) return false;
        try
        {
            calendar = new CorpsCalendar(TimeZoneInfo.FindSystemTimeZoneById(id));
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>The wall-clock time in the corps' zone.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>The corps' calendar day of an instant.</summary>
    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(Local(at).DateTime);

    public DateOnly Today(TimeProvider clock) => DayOf(clock.GetUtcNow());

    /// <summary>The instant the corps' day begins (local midnight).</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A zone that skips midnight (a DST jump) starts the day at the first valid local time.
        while (Zone.IsInvalidTime(midnight)) midnight = midnight.AddMinutes(30);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }

    /// <summary>"2026-12-02": the key the overview and its charts group by.</summary>
    public string DayKey(DateTimeOffset at) => DayOf(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Registers <see cref="CorpsCalendar"/> from the validated "Corps" section.</summary>
public static class CorpsCalendarServiceCollectionExtensions
{
    public static IServiceCollection AddCorpsCalendar(this IServiceCollection services)
    {
        services.AddOptions<CorpsTimeOptions>().BindConfiguration(CorpsTimeOptions.Section).ValidateDataAnnotations()
            .Validate(o => CorpsCalendar.TryFind(o.TimeZone, out _),
                "Corps:TimeZone must be a time zone id known to this system, e.g. Asia/Shanghai.")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            CorpsCalendar.TryFind(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<CorpsTimeOptions>>().Value.TimeZone,
                out var calendar);
            return calendar;
        });
        return services;
    }
}
