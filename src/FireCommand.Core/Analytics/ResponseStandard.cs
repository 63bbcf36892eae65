namespace FireCommand.Core.Analytics;

/// <summary>
/// One performance objective: <paramref name="TargetShare"/> of the samples of an interval must be
/// at most the threshold, which may differ for fire and EMS calls. A sample exactly at the threshold
/// meets it. Immutable.
/// </summary>
/// <param name="Interval">The interval measured.</param>
/// <param name="FireSeconds">Threshold for <see cref="ResponseClass.Fire"/> samples.</param>
/// <param name="EmsSeconds">Threshold for <see cref="ResponseClass.Ems"/> samples.</param>
/// <param name="TargetShare">Share of samples that must meet it, e.g. 0.90.</param>
/// <param name="Citation">Where the figure comes from, for reports ("NFPA 1221 (2016) 7.4.2").</param>
public sealed record ResponseStandard(ResponseInterval Interval, double FireSeconds, double EmsSeconds, double TargetShare,
    string Citation)
{
    /// <summary>The threshold that applies to a sample of the given class.</summary>
    public double ThresholdFor(ResponseClass responseClass) => responseClass == ResponseClass.Ems ? EmsSeconds : FireSeconds;
}

/// <summary>The objectives of DESIGN §5, used when a caller gives none.</summary>
public static class ResponseStandards
{
    /// <summary>NFPA 1221 call processing, 90 % within 64 s.</summary>
    public static ResponseStandard CallProcessing90 { get; } =
        new(ResponseInterval.CallProcessing, 64, 64, 0.90, "NFPA 1221 (2016): ≤ 64 s for 90 %");

    /// <summary>NFPA 1221 call processing, 95 % within 106 s.</summary>
    public static ResponseStandard CallProcessing95 { get; } =
        new(ResponseInterval.CallProcessing, 106, 106, 0.95, "NFPA 1221 (2016): ≤ 106 s for 95 %");

    /// <summary>NFPA 1710 turnout: 80 s fire, 60 s EMS, 90 %.</summary>
    public static ResponseStandard Turnout { get; } =
        new(ResponseInterval.Turnout, 80, 60, 0.90, "NFPA 1710: turnout ≤ 80 s fire / 60 s EMS for 90 %");

    /// <summary>NFPA 1710 first-arriving engine travel, 240 s, 90 %.</summary>
    public static ResponseStandard FirstEngineTravel { get; } =
        new(ResponseInterval.FirstEngineTravel, 240, 240, 0.90, "NFPA 1710: first engine travel ≤ 240 s for 90 %");

    /// <summary>
    /// Total to first arrival: the sum of the three objectives above (64 + 80 + 240 = 384 s fire,
    /// 64 + 60 + 240 = 364 s EMS). NFPA 1710 states no single total; the sum is what a call meets
    /// when each step meets its own figure, so it is the natural yardstick for the whole.
    /// </summary>
    public static ResponseStandard Total { get; } =
        new(ResponseInterval.Total, 384, 364, 0.90, "NFPA 1221 + 1710 summed: ≤ 384 s fire / 364 s EMS for 90 %");

    /// <summary>All of the above, in interval order.</summary>
    public static IReadOnlyList<ResponseStandard> Default { get; } =
        [CallProcessing90, CallProcessing95, Turnout, FirstEngineTravel, Total];
}
