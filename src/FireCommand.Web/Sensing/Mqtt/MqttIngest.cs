using System.Buffers;
using System.Threading.Channels;
using FireCommand.Core.Sensing;
using FireCommand.Core.Sensing.Mqtt;
using FireCommand.Core.Shared;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Sensing.Mqtt;

/// <summary>
/// The one path of an MQTT publish into the platform, whichever broker it came through: parse, count,
/// and hand the messages to <see cref="IDeviceMessageSink"/>. <see cref="IngestAsync"/> completes only
/// after the sink has committed them, so the broker side acknowledges (PUBACK) only then. Publishes
/// from many devices are gathered into one sink call of up to <see cref="MqttOptions.MaxBatch"/>
/// messages, so a commit serves many devices at once. A refused payload is counted and logged and
/// never stops the ingest. Thread-safe; one per process.
/// </summary>
public sealed partial class MqttIngest : IAsyncDisposable
{
    private sealed record Pending(IReadOnlyList<DeviceMessage> Messages, TaskCompletionSource Committed);

    private readonly IDeviceMessageSink _sink;
    private readonly MqttIngestCounters _counters;
    private readonly CorpsCalendar _calendar;
    private readonly TimeProvider _clock;
    private readonly ILogger<MqttIngest> _log;
    private readonly int _maxPayloadBytes;
    private readonly int _maxBatch;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _committer;

    public MqttIngest(IDeviceMessageSink sink, MqttIngestCounters counters, IOptions<MqttOptions> options, CorpsCalendar calendar,
        TimeProvider clock, ILogger<MqttIngest> log)
    {
        _sink = sink;
        _counters = counters;
        _calendar = calendar;
        _clock = clock;
        _log = log;
        _maxPayloadBytes = options.Value.MaxPayloadBytes;
        _maxBatch = options.Value.MaxBatch;
        _committer = Task.Run(CommitLoopAsync);
    }

    /// <summary>
    /// Parses one publish and, when it is good, returns after its messages are committed (null); a bad
    /// payload returns its rejection at once. Throws when the sink failed: the publish must then not
    /// be acknowledged, so the device or broker delivers it again.
    /// </summary>
    public async Task<MqttRejection?> IngestAsync(string topic, ReadOnlySequence<byte> payload, CancellationToken ct)
    {
        var parsed = MqttPayloadParser.Parse(topic, payload, _clock.GetUtcNow(), _calendar.Zone, _maxPayloadBytes);
        if (parsed.Rejection is { } rejection)
        {
            Refuse(topic, rejection);
            return rejection;
        }
        var pending = new Pending(parsed.Messages, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(MqttIngest));
        await pending.Committed.Task.WaitAsync(ct);
        _counters.Accepted(parsed.Messages.Count);
        return null;
    }

    /// <summary>Counts and logs a publish refused before parsing (not authorised).</summary>
    public void Refuse(string topic, MqttRejection rejection)
    {
        _counters.Rejected(rejection.Reason);
        Log.Refused(_log, topic, rejection.Reason, rejection.Field, rejection.Detail);
    }

    private async Task CommitLoopAsync()
    {
        var batch = new List<Pending>();
        var messages = new List<DeviceMessage>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stopping.Token))
            {
                batch.Clear();
                messages.Clear();
                while (messages.Count < _maxBatch && _queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                    messages.AddRange(next.Messages);
                }
                try
                {
                    await _sink.AcceptAsync(messages.ToArray(), _stopping.Token);
                    foreach (var p in batch) p.Committed.TrySetResult();
                }
                catch (Exception e) when (e is not OperationCanceledException || !_stopping.IsCancellationRequested)
                {
                    Log.SinkFailed(_log, e, messages.Count);
                    foreach (var p in batch) p.Committed.TrySetException(e);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        foreach (var p in batch) p.Committed.TrySetCanceled();
        while (_queue.Reader.TryRead(out var left)) left.Committed.TrySetCanceled();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _committer;
        _stopping.Dispose();
    }

    private static partial class Log
    {
        // Debug: one misconfigured device may send many a second; the counters show the totals.
        [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "MQTT publish on {Topic} refused ({Reason}, field {Field}): {Detail}")]
        public static partial void Refused(ILogger logger, string topic, MqttRejectionReason reason, string? field, string detail);

        [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Device message sink failed for a batch of {Count} MQTT messages; they are not acknowledged")]
        public static partial void SinkFailed(ILogger logger, Exception exception, int count);
    }
}
