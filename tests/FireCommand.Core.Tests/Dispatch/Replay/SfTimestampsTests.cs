using FireCommand.Core.Dispatch.Replay;

namespace FireCommand.Core.Tests.Dispatch.Replay;

public class SfTimestampsTests
{
    [Theory]
    [InlineData("04/07/2020 12:00:00 AM", "2020-04-07T00:00:00-07:00")] // midnight is 12 AM
    [InlineData("04/07/2020 12:59:59 AM", "2020-04-07T00:59:59-07:00")]
    [InlineData("04/07/2020 01:00:00 AM", "2020-04-07T01:00:00-07:00")]
    [InlineData("04/07/2020 11:59:59 AM", "2020-04-07T11:59:59-07:00")]
    [InlineData("04/07/2020 12:00:00 PM", "2020-04-07T12:00:00-07:00")] // noon is 12 PM
    [InlineData("04/07/2020 12:30:15 PM", "2020-04-07T12:30:15-07:00")]
    [InlineData("04/07/2020 11:53:08 PM", "2020-04-07T23:53:08-07:00")]
    [InlineData("01/15/2020 01:00:00 PM", "2020-01-15T13:00:00-08:00")] // standard time in winter
    [InlineData("11/01/2020 01:30:00 AM", "2020-11-01T01:30:00-08:00")] // the repeated hour reads as standard time
    public void Parse_TwelveHourLocalTime_GivesTheInstantInLosAngeles(string text, string expected)
    {
        Assert.True(SfTimestamps.TryParse(text, null, out var time));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), time);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, time.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("04/07/2020 13:00:00 PM")]
    [InlineData("04/07/2020 00:30:00 AM")]
    [InlineData("13/07/2020 01:00:00 PM")]
    [InlineData("04/07/2020 11:53")]
    [InlineData("2020-04-07T10:00:00")]
    [InlineData("04/07/2020 10:00:00")]
    [InlineData("04/31/2020 10:00:00 AM")]
    [InlineData("4/7/2020 10:00:00 AM")]
    [InlineData("04/07/2020 10:60:00 AM")]
    [InlineData("04/07/2020 10:00:00 XM")]
    public void Parse_OtherText_IsRejected(string text) => Assert.False(SfTimestamps.TryParse(text, null, out _));

    [Fact]
    public void BuiltInFallbackZone_AgreesWithTzdata_EveryHourOfTwoYears()
    {
        TimeZoneInfo system;
        try { system = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"); }
        catch (TimeZoneNotFoundException)
        {
            FireCommand.Tests.SharedDataFiles.SkipOrFail("needs the tz database (Debian package tzdata) to compare the fallback zone with");
            return;
        }
        var builtIn = SfTimestamps.BuiltInPacificZone();
        foreach (var year in new[] { 2020, 2026 })
            for (var t = new DateTime(year, 1, 1, 0, 30, 0, DateTimeKind.Utc); t.Year == year; t = t.AddHours(1))
                Assert.Equal(system.GetUtcOffset(t), builtIn.GetUtcOffset(t));
        Assert.Equal(SfTimestamps.FallbackZoneId, builtIn.Id);
    }
}
