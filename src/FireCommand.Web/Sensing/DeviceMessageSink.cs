using FireCommand.Core.Data;
using FireCommand.Core.Sensing;
using FireCommand.Core.Sensing.Ingest;
using FireCommand.Core.Shared;
using FireCommand.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Sensing;

/// <summary>
/// Where every transport hands what devices report. One batch is one transaction: the messages, the
/// devices' last-seen times, the rules' memory and the alarms commit together before
/// <see cref="AcceptAsync"/> returns, so a transport's ACK always follows a commit. A batch that meets
/// another writer of the same message or the same alarm (the unique indexes say so) is rolled back and
/// applied again, and then finds the other's rows. Fires the batch confirmed become incidents after the
/// commit; should that fail or the process stop, <see cref="SensingWatch"/> creates them later.
/// Thread-safe: every call works in its own scope.
/// </summary>
public sealed class DeviceMessageSink(IServiceScopeFactory scopes, TimeProvider clock, CorpsCalendar calendar,
    IOptions<SensingOptions> options, AutomaticIncidents incidents, AlarmFeed feed, ILogger<DeviceMessageSink> log) : IDeviceMessageSink
{
    public async Task AcceptAsync(IReadOnlyList<DeviceMessage> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        IReadOnlyList<long> confirmed = [];
        IReadOnlyList<AlarmEndpoints.AlarmDto> changed = [];
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
            // Machine traffic: the message log and each alarm's events are its record; the audit trail
            // keeps what people do.
            db.AuditEnabled = false;
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var now = clock.GetUtcNow();
                var fires = await new MessageIngest(db, now, calendar, options.Value.Verification).ApplyAsync(batch, ct);
                await tx.CommitAsync(ct);
                confirmed = [.. fires.Select(a => a.Id)];
                changed = AlarmFeed.ChangedIn(db);
                break;
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e) && attempt < options.Value.ConflictRetries)
            {
                SensingLog.BatchConflict(log, attempt, batch.Count);
            }
        }
        await feed.PublishAsync(changed, ct); // committed: the boards may show it
        foreach (var id in confirmed)
        {
            try { await incidents.CreateAsync(id, ct); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The alarm is committed and confirmed; the watch retries the incident.
                SensingLog.IncidentDeferred(log, id, e);
            }
        }
    }
}

internal static partial class SensingLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Information,
        Message = "A batch of {Count} device messages met a concurrent writer; applying it again (attempt {Attempt}).")]
    public static partial void BatchConflict(ILogger logger, int attempt, int count);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning,
        Message = "Confirmed fire alarm {AlarmId} is stored but its incident could not be created yet; the watch retries.")]
    public static partial void IncidentDeferred(ILogger logger, long alarmId, Exception error);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Error, Message = "The sensing watch failed a pass.")]
    public static partial void WatchFailed(ILogger logger, Exception error);
}
