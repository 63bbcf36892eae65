using System.Threading.Channels;
using FireCommand.Core.Data;
using FireCommand.Core.Sensing;
using FireCommand.Core.Sensing.Ingest;
using FireCommand.Core.Shared;
using FireCommand.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Sensing;

/// <summary>
/// Where every transport hands what devices report: a group-commit writer. Callers from many connections
/// queue their batches; one writer applies the batches waiting at that moment (up to
/// <see cref="SensingOptions.MaxGroupMessages"/> messages, in arrival order) in one transaction — the
/// messages, the devices' last-seen times, the rules' memory and the alarms — and completes each caller
/// only after that commit, so a transport's ACK always follows a commit. One transaction per frame and
/// connection would leave SQLite's single writer doing little but commits; a group shares one.
/// A group that meets another writer of the same message or the same alarm (another node; the unique
/// indexes say so) is rolled back and applied again, and then finds the other's rows. A group that fails
/// otherwise is applied again caller by caller, so only the callers whose own batch fails see the error.
/// Fires a group confirmed become incidents after its commit, one group after another (so two alarms of one
/// place meet one incident); their callers return once that was tried. Should it fail or the process stop,
/// <see cref="SensingWatch"/> creates them later. Thread-safe.
/// </summary>
public sealed class DeviceMessageSink : IDeviceMessageSink, IAsyncDisposable
{
    private sealed class Caller(IReadOnlyList<DeviceMessage> batch)
    {
        public IReadOnlyList<DeviceMessage> Batch { get; } = batch;

        /// <summary>Set after the commit, to the creation of the incidents the caller's group confirmed.</summary>
        public TaskCompletionSource<Task> Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly CorpsCalendar _calendar;
    private readonly SensingOptions _options;
    private readonly AutomaticIncidents _incidents;
    private readonly AlarmFeed _feed;
    private readonly ILogger<DeviceMessageSink> _log;
    private readonly Channel<Caller> _queue = Channel.CreateUnbounded<Caller>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _writer;
    private Task _lastIncidents = Task.CompletedTask; // touched by the writer only
    private long _commits;
    private long _waiting;
    private int _disposed;

    public DeviceMessageSink(IServiceScopeFactory scopes, TimeProvider clock, CorpsCalendar calendar, IOptions<SensingOptions> options,
        AutomaticIncidents incidents, AlarmFeed feed, ILogger<DeviceMessageSink> log)
    {
        (_scopes, _clock, _calendar, _options, _incidents, _feed, _log) = (scopes, clock, calendar, options.Value, incidents, feed, log);
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Transactions committed so far; with many callers at once, fewer than the calls.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Messages queued and not yet committed: the writer's backlog, for an operator to watch.</summary>
    public long Waiting => Interlocked.Read(ref _waiting);

    public async Task AcceptAsync(IReadOnlyList<DeviceMessage> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        var caller = new Caller(batch);
        Interlocked.Add(ref _waiting, batch.Count);
        if (!_queue.Writer.TryWrite(caller))
        {
            Interlocked.Add(ref _waiting, -batch.Count);
            throw new ObjectDisposedException(nameof(DeviceMessageSink));
        }
        var incidents = await caller.Committed.Task.WaitAsync(ct);
        await incidents.WaitAsync(ct);
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<Caller>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stopping.Token))
            {
                group.Clear();
                var messages = 0;
                while (messages < _options.MaxGroupMessages && _queue.Reader.TryRead(out var next))
                {
                    group.Add(next);
                    messages += next.Batch.Count;
                }
                await WriteAsync(group, messages);
                Interlocked.Add(ref _waiting, -messages);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        foreach (var c in group) c.Committed.TrySetCanceled();
        while (_queue.Reader.TryRead(out var left)) left.Committed.TrySetCanceled();
    }

    private async Task WriteAsync(List<Caller> group, int messages)
    {
        var all = group.Count == 1 ? group[0].Batch : [.. group.SelectMany(c => c.Batch)];
        try
        {
            var incidents = Incidents(await CommitAsync(all));
            foreach (var c in group) c.Committed.TrySetResult(incidents);
            return;
        }
        catch (Exception e) when (!_stopping.IsCancellationRequested)
        {
            if (group.Count == 1)
            {
                group[0].Committed.TrySetException(e);
                return;
            }
            SensingLog.GroupFailed(_log, group.Count, messages, e);
        }
        // One caller's bad batch must not cost the others their commit: each alone, in the same order.
        foreach (var c in group)
        {
            try { c.Committed.TrySetResult(Incidents(await CommitAsync(c.Batch))); }
            catch (Exception e) when (!_stopping.IsCancellationRequested) { c.Committed.TrySetException(e); }
        }
    }

    /// <summary>Applies messages in one transaction and commits; returns the fires they confirmed.</summary>
    private async Task<IReadOnlyList<long>> CommitAsync(IReadOnlyList<DeviceMessage> messages)
    {
        var ct = _stopping.Token;
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
            // Machine traffic: the message log and each alarm's events are its record; the audit trail
            // keeps what people do.
            db.AuditEnabled = false;
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var fires = await new MessageIngest(db, _clock.GetUtcNow(), _calendar, _options.Verification).ApplyAsync(messages, ct);
                await tx.CommitAsync(ct);
                Interlocked.Increment(ref _commits);
                // Committed: the boards may show it.
                await _feed.PublishAsync(AlarmFeed.ChangedIn(db), ct);
                return [.. fires.Select(a => a.Id)];
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e) && attempt < _options.ConflictRetries)
            {
                SensingLog.BatchConflict(_log, attempt, messages.Count);
            }
        }
    }

    /// <summary>Queues the incidents of confirmed fires behind the previous group's; the task never fails.</summary>
    private Task Incidents(IReadOnlyList<long> confirmed)
    {
        if (confirmed.Count == 0) return Task.CompletedTask;
        return _lastIncidents = CreateAfterAsync(_lastIncidents, confirmed);
    }

    private async Task CreateAfterAsync(Task previous, IReadOnlyList<long> confirmed)
    {
        await previous;
        foreach (var id in confirmed)
        {
            try { await _incidents.CreateAsync(id, _stopping.Token); }
            catch (Exception e)
            {
                // The alarm is committed and confirmed; the watch retries the incident.
                SensingLog.IncidentDeferred(_log, id, e);
            }
        }
    }

    /// <summary>
    /// Stops the writer; callers still queued see their call cancelled (nothing of theirs was committed, so no
    /// transport acknowledged it). Idempotent: the container disposes the
    /// sink once for each service it is registered as.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _writer;
        try { await _lastIncidents; }
        catch (OperationCanceledException) { }
        _stopping.Dispose();
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

    [LoggerMessage(EventId = 7104, Level = LogLevel.Warning,
        Message = "A group of {Callers} batches ({Count} device messages) failed; applying each batch alone.")]
    public static partial void GroupFailed(ILogger logger, int callers, int count, Exception error);
}
