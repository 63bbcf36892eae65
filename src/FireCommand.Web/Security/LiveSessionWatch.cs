using Microsoft.Extensions.Options;

namespace FireCommand.Web.Security;

/// <summary>
/// Re-checks the sessions of this node's open live-channel connections against the database every
/// <see cref="SecurityOptions.SessionValidationInterval"/> (at least every <see cref="ShortestPeriod"/>)
/// and aborts the connections of those that have ended: a logout, password change, role change or
/// disabled account handled by another node cuts the consoles here within that interval, as it
/// refuses their HTTP requests.
/// </summary>
public sealed partial class LiveSessionWatch(IServiceScopeFactory scopes, LiveSessions live, TimeProvider clock,
    IOptions<SecurityOptions> options, ILogger<LiveSessionWatch> log) : BackgroundService
{
    /// <summary>With a validation interval of zero (every request checked) the channel is checked this often.</summary>
    public static readonly TimeSpan ShortestPeriod = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        var interval = options.Value.SessionValidationInterval;
        using var timer = new PeriodicTimer(interval > ShortestPeriod ? interval : ShortestPeriod, clock);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                await SweepAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(log, e);
            }
        }
    }

    /// <summary>Aborts the connections of every ended session; returns how many connections were cut.</summary>
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        var open = live.Sessions;
        if (open.Count == 0) return 0;
        await using var scope = scopes.CreateAsyncScope();
        var active = await scope.ServiceProvider.GetRequiredService<SessionRegistry>().StillActiveAsync(open, ct);
        var cut = 0;
        foreach (var session in open.Where(s => !active.Contains(s))) cut += live.End(session);
        if (cut > 0) LogCut(log, cut);
        return cut;
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Closed {Count} live connections of ended sessions")]
    private static partial void LogCut(ILogger logger, int count);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Error, Message = "Checking the sessions of live connections failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
