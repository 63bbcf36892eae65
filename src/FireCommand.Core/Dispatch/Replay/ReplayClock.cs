namespace FireCommand.Core.Dispatch.Replay;

/// <summary>
/// Paces a replay: log time runs <see cref="Speed"/> times faster than real time, anchored at the
/// first log time asked for. Speed 0 (<see cref="AsFastAsPossible"/>) never waits.
/// </summary>
/// <remarks>
/// Real time comes from the injected <see cref="TimeProvider"/> and waiting from the injected delay
/// (by default <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/> on that provider),
/// so tests drive both and never sleep. Each wait aims at the anchor plus the scaled log time, not at
/// "now plus a gap", so slow processing of one call is caught up on the next instead of adding up.
/// A log time earlier than one already reached does not wait. Not thread-safe: one replay loop at a time.
/// </remarks>
public sealed class ReplayClock
{
    /// <summary>The speed meaning "do not wait at all".</summary>
    public const double AsFastAsPossible = 0;

    private readonly TimeProvider _time;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private DateTimeOffset? _logAnchor;
    private long _realAnchor;

    /// <summary>A clock at <paramref name="speed"/>× real time.</summary>
    /// <param name="speed">Log seconds per real second; 0 for as fast as possible.</param>
    /// <param name="time">Real time; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="delay">How to wait; a delay on <paramref name="time"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="speed"/> is negative or not finite.</exception>
    public ReplayClock(double speed, TimeProvider? time = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        if (!double.IsFinite(speed) || speed < 0)
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "Speed is a finite number ≥ 0 (0 = as fast as possible).");
        Speed = speed;
        _time = time ?? TimeProvider.System;
        _delay = delay ?? ((span, ct) => Task.Delay(span, _time, ct));
    }

    /// <summary>A clock that never waits (the default for tests and benchmarks).</summary>
    public static ReplayClock Unpaced() => new(AsFastAsPossible);

    /// <summary>Log seconds per real second; 0 means as fast as possible.</summary>
    public double Speed { get; }

    /// <summary>Real time the clock asked to wait so far. Timers fire late by their granularity, so the
    /// actual wait is a little longer; aiming at absolute targets keeps that from adding up.</summary>
    public TimeSpan Waited { get; private set; }

    /// <summary>Returns when real time has caught up with <paramref name="logTime"/> at this speed.</summary>
    public async ValueTask WaitUntilAsync(DateTimeOffset logTime, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (Speed == AsFastAsPossible) return;
        if (_logAnchor is not { } anchor)
        {
            _logAnchor = logTime;
            _realAnchor = _time.GetTimestamp();
            return;
        }
        var due = TimeSpan.FromTicks((long)((logTime - anchor).Ticks / Speed));
        var late = due - _time.GetElapsedTime(_realAnchor);
        if (late <= TimeSpan.Zero) return;
        await _delay(late, ct);
        Waited += late;
    }
}
