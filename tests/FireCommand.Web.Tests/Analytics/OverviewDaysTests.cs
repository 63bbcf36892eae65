using FireCommand.Core.Dispatch;
using FireCommand.Core.Shared;
using FireCommand.Web.Analytics;

namespace FireCommand.Web.Tests.Analytics;

/// <summary>The overview's days are the corps' calendar days (Beijing time by default), not UTC days.</summary>
public sealed class OverviewDaysTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public void CountByDay_SplitsAtLocalMidnight()
    {
        var late = new DateTimeOffset(2026, 12, 1, 23, 59, 0, Beijing).ToUniversalTime();
        var early = new DateTimeOffset(2026, 12, 2, 0, 30, 0, Beijing).ToUniversalTime();
        var morning = new DateTimeOffset(2026, 12, 2, 7, 59, 0, Beijing).ToUniversalTime();

        var days = Overview.CountByDay([(late, IncidentType.Fire), (early, IncidentType.Fire), (morning, IncidentType.Fire)],
            CorpsCalendar.Default);

        Assert.Equal([new Overview.DayCount("2026-12-01", IncidentType.Fire, 1), new Overview.DayCount("2026-12-02", IncidentType.Fire, 2)],
            days);
    }

    [Fact]
    public void Period_OfOneDay_StartsAtTheCorpsMidnight()
    {
        var now = new DateTimeOffset(2026, 12, 2, 0, 30, 0, Beijing).ToUniversalTime();
        var (from, to) = Overview.Period(now, 1, CorpsCalendar.Default);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 0, 0, Beijing), from);
        Assert.Equal(now, to);
    }

    [Fact]
    public void Period_OfThirtyDays_IsThirtyWholeLocalDays()
    {
        var now = new DateTimeOffset(2026, 12, 2, 23, 59, 0, Beijing).ToUniversalTime();
        var (from, _) = Overview.Period(now, 30, CorpsCalendar.Default);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 0, 0, 0, Beijing), from);
    }
}
