using FireCommand.Core.Data;
using FireCommand.Core.Sensing.Alarms;
using FireCommand.Web.Dispatch;

namespace FireCommand.Web.Sensing;

/// <summary>
/// Pushes sensing alarms that changed (raised, repeated, confirmed, acknowledged, assigned, cleared,
/// dismissed, linked to an incident) to the early-warning boards that may see them, on the dispatch
/// hub as <see cref="AlarmChanged"/> with the alarm as the API shows it. Called after the commit,
/// never before, and sent to the alarm's jurisdiction and every one above it, like the consoles'
/// events. A push that fails is logged and dropped: the alarm is stored, and a board reloads its
/// list when its connection comes back. Thread-safe.
/// </summary>
public sealed class AlarmFeed(ConsoleNotifier notifier, ILogger<AlarmFeed> log)
{
    public const string AlarmChanged = "sensingAlarmChanged";

    /// <summary>
    /// The alarms a unit of work changed, read from its change tracker before the context goes away:
    /// every change leaves an event in the alarm's history, so the alarms with a new event are the
    /// changed ones.
    /// </summary>
    public static IReadOnlyList<AlarmEndpoints.AlarmDto> ChangedIn(FireCommandDbContext db)
    {
        var ids = db.ChangeTracker.Entries<SensingAlarmEvent>().Select(e => e.Entity.AlarmId).ToHashSet();
        return ids.Count == 0 ? [] : [.. db.ChangeTracker.Entries<SensingAlarm>()
            .Where(e => ids.Contains(e.Entity.Id)).Select(e => AlarmEndpoints.ToDto(e.Entity))];
    }

    public async Task PublishAsync(IReadOnlyList<AlarmEndpoints.AlarmDto> alarms, CancellationToken ct)
    {
        foreach (var alarm in alarms)
        {
            try { await notifier.PublishAsync(AlarmChanged, alarm.JurisdictionId, alarm, ct); }
            catch (Exception e) when (e is not OperationCanceledException) { AlarmFeedLog.PushFailed(log, alarm.Id, e); }
        }
    }
}

internal static partial class AlarmFeedLog
{
    [LoggerMessage(EventId = 7111, Level = LogLevel.Warning,
        Message = "Sensing alarm {AlarmId} changed but its push to the boards failed; boards catch up on their next reload.")]
    public static partial void PushFailed(ILogger logger, long alarmId, Exception error);
}
