using FireCommand.Core.Dispatch;
using FireCommand.Core.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FireCommand.Core.Tests.Shared;

/// <summary>
/// Days are the corps' days. The expected dates are written as Beijing wall-clock times (+08:00),
/// the way a dispatcher reads them, and compared with what the code derives from the UTC instant.
/// </summary>
public sealed class CorpsCalendarTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }

    [Fact]
    public void IncidentNumber_At0030Beijing_CarriesThatDay()
    {
        var received = new DateTimeOffset(2026, 12, 2, 0, 30, 0, Beijing); // 2026-12-01 16:30 UTC
        Assert.Equal("20261202-00042", IncidentNumber.For(received.ToUniversalTime(), 42, CorpsCalendar.Default));
    }

    [Fact]
    public void IncidentNumber_At2359Beijing_CarriesThatDay()
    {
        var received = new DateTimeOffset(2026, 12, 1, 23, 59, 0, Beijing); // 2026-12-01 15:59 UTC
        Assert.Equal("20261201-00043", IncidentNumber.For(received.ToUniversalTime(), 43, CorpsCalendar.Default));
    }

    [Fact]
    public void IncidentNumber_FollowsTheConfiguredZone()
    {
        Assert.True(CorpsCalendar.TryFind("Asia/Urumqi", out var urumqi)); // UTC+6
        var received = new DateTimeOffset(2026, 12, 2, 0, 30, 0, Beijing); // 22:30 on Dec 1 in Ürümqi
        Assert.Equal("20261201-00007", IncidentNumber.For(received, 7, urumqi));
    }

    [Fact]
    public void Today_JustAfterLocalMidnight_IsTheNewDay()
    {
        var clock = new FixedClock(new DateTimeOffset(2027, 1, 1, 0, 30, 0, Beijing));
        Assert.Equal(new DateOnly(2027, 1, 1), CorpsCalendar.Default.Today(clock));
    }

    [Fact]
    public void Today_JustBeforeLocalMidnight_IsStillTheOldDay()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 31, 23, 59, 0, Beijing));
        Assert.Equal(new DateOnly(2026, 12, 31), CorpsCalendar.Default.Today(clock));
    }

    [Fact]
    public void StartOf_IsLocalMidnight()
    {
        var start = CorpsCalendar.Default.StartOf(new DateOnly(2026, 12, 2));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero), start.ToUniversalTime());
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData(" ")]
    public void UnknownZone_IsRefusedAtStart(string zone)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Corps:TimeZone"] = zone }).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddCorpsCalendar()
            .BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CorpsTimeOptions>>().Value);
        Assert.Contains("TimeZone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfiguredZone_IsUsed()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Corps:TimeZone"] = "Asia/Urumqi" }).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddCorpsCalendar()
            .BuildServiceProvider();
        Assert.Equal("Asia/Urumqi", provider.GetRequiredService<CorpsCalendar>().ZoneId);
    }
}
