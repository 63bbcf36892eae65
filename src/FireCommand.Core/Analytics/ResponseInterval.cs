namespace FireCommand.Core.Analytics;

/// <summary>
/// The intervals of a response that the standards measure (DESIGN §5). Each is computed from raw
/// timestamps; see <see cref="ResponseIntervalSamples"/> for which unit's times each one uses.
/// </summary>
public enum ResponseInterval
{
    /// <summary>接警处理: call received → first unit dispatched (per call; NFPA 1221 call processing).</summary>
    CallProcessing = 1,

    /// <summary>出动准备: unit dispatched → unit en route (per unit; NFPA 1710 turnout).</summary>
    Turnout = 2,

    /// <summary>途中行驶: unit en route → unit on scene (per unit, every unit type).</summary>
    Travel = 3,

    /// <summary>首车行驶: travel of the first engine (pumper) to arrive (per call; NFPA 1710's 240 s
    /// applies to this one, not to every unit).</summary>
    FirstEngineTravel = 4,

    /// <summary>总响应: call received → first unit on scene (per call).</summary>
    Total = 5,
}

/// <summary>
/// Which of the NFPA 1710 figures applies to a call: its turnout standard differs between EMS
/// (60 s) and fire (80 s) responses. In this platform a medical call is 社会救助, but the standard
/// still asks whether the crew had to put on structural gear.
/// </summary>
public enum ResponseClass
{
    /// <summary>Fire, rescue and every non-medical call (turnout 80 s).</summary>
    Fire = 1,

    /// <summary>Emergency medical call (turnout 60 s).</summary>
    Ems = 2,
}
