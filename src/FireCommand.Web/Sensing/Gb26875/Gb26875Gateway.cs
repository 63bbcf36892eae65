using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using FireCommand.Core.Sensing;
using FireCommand.Core.Sensing.Gb26875;
using FireCommand.Core.Shared;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Sensing.Gb26875;

/// <summary>
/// The TCP listener for transmission devices. Per connection it decodes the stream, hands each upstream
/// frame's messages to <see cref="IDeviceMessageSink"/> and confirms (command 3) only after the sink has
/// committed them: a device repeats an unconfirmed frame (§6.5), so nothing confirmed is lost. A frame
/// that fails its check is denied (command 6) where the standard says so. Connections are capped in all
/// and per remote IP address and closed when idle. A device's connections make it online and offline
/// (<see cref="Gb26875Presence"/>). Without a sink the gateway does not listen.
/// </summary>
public sealed class Gb26875Gateway(
    IOptions<Gb26875GatewayOptions> options,
    IEnumerable<IDeviceMessageSink> sinks,
    Gb26875Commands commands,
    CorpsCalendar calendar,
    TimeProvider clock,
    ILogger<Gb26875Gateway> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<IPAddress, int> _perAddress = new();
    private readonly TaskCompletionSource<EndPoint?> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _connections;
    private Gb26875Presence? _presence;

    /// <summary>Where the gateway listens once started; null when it did not start (no sink).</summary>
    public Task<EndPoint?> Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sink = sinks.LastOrDefault();
        if (sink is null)
        {
            Gb26875Log.NoSink(logger);
            _listening.TrySetResult(null);
            return;
        }
        var o = options.Value;
        _presence = new Gb26875Presence(sink, clock, TimeSpan.FromSeconds(o.OfflineGraceSeconds), logger);
        using var listener = new TcpListener(IPAddress.Parse(o.Address), o.Port);
        try
        {
            listener.Start(backlog: 512);
        }
        catch (Exception e)
        {
            _listening.TrySetException(e);
            throw;
        }
        Gb26875Log.Listening(logger, listener.LocalEndpoint);
        _listening.TrySetResult(listener.LocalEndpoint);
        var running = new ConcurrentDictionary<Task, bool>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var socket = await listener.AcceptSocketAsync(stoppingToken);
                var task = ServeAsync(socket, sink, o, stoppingToken);
                running[task] = true;
                _ = task.ContinueWith(t => running.TryRemove(t, out _), TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(running.Keys);
    }

    private async Task ServeAsync(Socket socket, IDeviceMessageSink sink, Gb26875GatewayOptions o, CancellationToken stoppingToken)
    {
        var ip = (socket.RemoteEndPoint as IPEndPoint)?.Address ?? IPAddress.None;
        int total = Interlocked.Increment(ref _connections);
        int fromAddress = _perAddress.AddOrUpdate(ip, 1, (_, n) => n + 1);
        await using var connection = new Gb26875Connection(socket);
        string reason = "refused";
        try
        {
            if (total > o.MaxConnections || fromAddress > o.MaxConnectionsPerAddress)
            {
                Gb26875Log.Refused(logger, connection.Remote, total > o.MaxConnections
                    ? $"{o.MaxConnections} connections open" : $"{o.MaxConnectionsPerAddress} connections open from {ip}");
                return;
            }
            reason = await ReadAsync(connection, sink, o, stoppingToken);
            Gb26875Log.Closed(logger, connection.Remote, reason);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            reason = e.Message;
            Gb26875Log.Closed(logger, connection.Remote, reason);
        }
        finally
        {
            commands.Unregister(connection);
            if (!stoppingToken.IsCancellationRequested)
                foreach (var device in connection.Devices) _presence!.Disconnected(device, reason, stoppingToken);
            Interlocked.Decrement(ref _connections);
            _perAddress.AddOrUpdate(ip, 0, (_, n) => n - 1);
            _perAddress.TryRemove(new KeyValuePair<IPAddress, int>(ip, 0));
        }
    }

    private async Task<string> ReadAsync(Gb26875Connection connection, IDeviceMessageSink sink, Gb26875GatewayOptions o, CancellationToken stoppingToken)
    {
        var reader = PipeReader.Create(connection.Stream, new StreamPipeReaderOptions(bufferSize: 4096, leaveOpen: true));
        var decoder = new Gb26875StreamDecoder(o.MaxFrameBytes - Gb26875FrameCodec.Overhead);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var idleTimeout = TimeSpan.FromSeconds(o.IdleTimeoutSeconds);
        try
        {
            while (true)
            {
                idle.CancelAfter(idleTimeout);
                ReadResult read;
                try
                {
                    read = await reader.ReadAsync(idle.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    return $"idle for {o.IdleTimeoutSeconds} s";
                }
                var buffer = read.Buffer;
                while (decoder.TryRead(ref buffer, read.IsCompleted, out var item))
                    await HandleAsync(connection, sink, item, stoppingToken);
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (read.IsCompleted) return "closed by the device";
            }
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    private async Task HandleAsync(Gb26875Connection connection, IDeviceMessageSink sink, Gb26875StreamItem item, CancellationToken ct)
    {
        if (item.Kind == Gb26875StreamItemKind.Skipped) return;
        if (item.Kind == Gb26875StreamItemKind.Rejected)
        {
            bool deny = item.DenyAdvised && item.Result?.Header is not null;
            if (deny)
            {
                var header = item.Result!.Header!.Value;
                await connection.SendAsync(new Gb26875Frame(header.Serial, header.VersionMajor, header.VersionMinor, Now(), header.Destination,
                    header.Source, Gb26875Command.Deny, null), ct);
            }
            Gb26875Log.Rejected(logger, connection.Remote, item.Offset, item.Reason, deny);
            return;
        }

        var frame = item.Frame!;
        commands.Register(frame.Source, connection);
        if (connection.Devices.Add(frame.Source)) await _presence!.ConnectedAsync(frame.Source, ct);
        switch (frame.Command)
        {
            case Gb26875Command.SendData:
                if (frame.Adu is { IsKnownType: false } unknown) Gb26875Log.UnknownAdu(logger, frame.Source.ToString(), unknown.Type);
                if (!await StoreAsync(sink, frame, ct)) return;
                // Confirm only now: the sink has committed (design: "an alarm is acknowledged only after it is committed").
                await connection.SendAsync(frame.Answer(Gb26875Command.Confirm, Now()), ct);
                break;
            case Gb26875Command.Reply:
                if (!await StoreAsync(sink, frame, ct)) return;
                connection.Answer(frame);
                break;
            case Gb26875Command.Confirm or Gb26875Command.Deny:
                connection.Answer(frame);
                break;
        }
    }

    private async Task<bool> StoreAsync(IDeviceMessageSink sink, Gb26875Frame frame, CancellationToken ct)
    {
        var messages = Gb26875MessageMapper.Map(frame, calendar.Zone, clock.GetUtcNow());
        if (messages.Count == 0) return true;
        try
        {
            await sink.AcceptAsync(messages, ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Gb26875Log.SinkFailed(logger, e, frame.Serial, frame.Source.ToString());
            return false;
        }
    }

    private Gb26875Time Now() => Gb26875Time.From(calendar.Local(clock.GetUtcNow()).DateTime);
}
