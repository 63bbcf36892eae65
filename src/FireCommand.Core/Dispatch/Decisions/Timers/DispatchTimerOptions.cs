namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>
/// Thresholds of the dispatch timers, meant to be bound from configuration (<c>Dispatch:Timers</c>).
/// Defaults are the standards of DESIGN §5. A timer is Amber past its amber threshold and Red past
/// its red one; for standards stated as one figure T, amber is past <see cref="AmberShare"/> × T
/// (90 %, a warning while the standard can still be met) and red past T itself ("≤ T" means T
/// complies).
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record DispatchTimerOptions
{
    /// <summary>Call processing (received → dispatched), amber past this: NFPA 1221 (2016), ≤ 64 s for 90 % of calls.</summary>
    public double CallProcessingAmberSeconds { get; init; } = 64;

    /// <summary>Call processing, red past this: NFPA 1221 (2016), ≤ 106 s for 95 % of calls.</summary>
    public double CallProcessingRedSeconds { get; init; } = 106;

    /// <summary>Turnout (dispatched → en route) for fire and special operations: NFPA 1710, ≤ 80 s.</summary>
    public double TurnoutFireSeconds { get; init; } = 80;

    /// <summary>Turnout for EMS-like calls (<see cref="EmsTypes"/>): NFPA 1710, ≤ 60 s.</summary>
    public double TurnoutEmsSeconds { get; init; } = 60;

    /// <summary>Travel of the first arriving unit: NFPA 1710 first engine, ≤ 240 s.</summary>
    public double FirstUnitTravelSeconds { get; init; } = 240;

    /// <summary>Travel of every unit of the first alarm: NFPA 1710 full first alarm, ≤ 480 s.</summary>
    public double FullFirstAlarmTravelSeconds { get; init; } = 480;

    /// <summary>Dispatch order → first unit on scene: the 5-minute station standard (建标152-2017, GB 51080).</summary>
    public double StationReachSeconds { get; init; } = 300;

    /// <summary>Share of a single-figure standard past which a timer turns amber.</summary>
    public double AmberShare { get; init; } = 0.9;

    /// <summary>Incident types whose turnout is judged as EMS (60 s); null means social assistance only.</summary>
    public IReadOnlyList<IncidentType>? EmsTypes { get; init; }

    /// <summary>Problems with the values, empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (name, value) in new[]
                 {
                     (nameof(CallProcessingAmberSeconds), CallProcessingAmberSeconds), (nameof(CallProcessingRedSeconds), CallProcessingRedSeconds),
                     (nameof(TurnoutFireSeconds), TurnoutFireSeconds), (nameof(TurnoutEmsSeconds), TurnoutEmsSeconds),
                     (nameof(FirstUnitTravelSeconds), FirstUnitTravelSeconds), (nameof(FullFirstAlarmTravelSeconds), FullFirstAlarmTravelSeconds),
                     (nameof(StationReachSeconds), StationReachSeconds),
                 })
            if (!(double.IsFinite(value) && value > 0)) errors.Add($"{name} must be a positive number of seconds.");
        if (CallProcessingAmberSeconds > CallProcessingRedSeconds)
            errors.Add($"{nameof(CallProcessingAmberSeconds)} must not exceed {nameof(CallProcessingRedSeconds)}.");
        if (!(AmberShare is > 0 and <= 1)) errors.Add($"{nameof(AmberShare)} must be in (0, 1].");
        return errors;
    }

    internal bool IsEms(IncidentType type) => (EmsTypes ?? [IncidentType.SocialAssistance]).Contains(type);
}
