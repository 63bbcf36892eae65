using System.Globalization;
using FireCommand.Core.Shared;

namespace FireCommand.Core.Dispatch;

/// <summary>Incident numbers as they are read on the radio.</summary>
public static class IncidentNumber
{
    /// <summary>
    /// The corps' day the call came in and the incident's sequence, e.g. 20261128-00042. The day is
    /// the corps' calendar day: a call at 00:30 Beijing time carries that day's date.
    /// </summary>
    public static string For(DateTimeOffset receivedAt, long id, CorpsCalendar calendar) =>
        calendar.DayOf(receivedAt).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" +
        id.ToString("D5", CultureInfo.InvariantCulture);
}
