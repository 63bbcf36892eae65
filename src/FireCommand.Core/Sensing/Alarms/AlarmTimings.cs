namespace FireCommand.Core.Sensing.Alarms;

/// <summary>
/// The steps of an automatic fire alarm from the device to the 119 console, in seconds, against the
/// targets of GB 50440 (城市消防远程监控系统技术规范): the centre shows a fire alarm within
/// 20 s of the device sending it, and passes a confirmed fire to the 119 centre within 3 s.
/// </summary>
/// <param name="DeviceToCentreSeconds">
/// From the device's own time of the first report to the alarm written at the centre (where every
/// screen reads it). Null when the report carried no time. The device's clock has whole seconds and may
/// drift, so this is what the centre can know, not a stopwatch.
/// </param>
/// <param name="DeviceToCentreMet">Whether <paramref name="DeviceToCentreSeconds"/> is within 20 s; null without a device time.</param>
/// <param name="ReceivedToShownSeconds">From the first frame read by the gateway to the alarm written.</param>
/// <param name="ShownToConfirmedSeconds">From the alarm written to the fire confirmed (verification); null while unconfirmed.</param>
/// <param name="ConfirmedToIncidentSeconds">From the fire confirmed to its incident created on the console.</param>
/// <param name="ConfirmedToIncidentMet">Whether <paramref name="ConfirmedToIncidentSeconds"/> is within 3 s; null until the incident exists.</param>
/// <param name="FrameToIncidentSeconds">From the first frame received to the incident.</param>
public sealed record AlarmTimings(
    double? DeviceToCentreSeconds,
    bool? DeviceToCentreMet,
    double ReceivedToShownSeconds,
    double? ShownToConfirmedSeconds,
    double? ConfirmedToIncidentSeconds,
    bool? ConfirmedToIncidentMet,
    double? FrameToIncidentSeconds)
{
    /// <summary>GB 50440: device → centre display.</summary>
    public const double DeviceToCentreTargetSeconds = 20;

    /// <summary>GB 50440: confirmed fire → 119 centre.</summary>
    public const double ConfirmedToIncidentTargetSeconds = 3;

    /// <summary>The timings of one alarm; a step not reached yet is null, and so is its verdict.</summary>
    public static AlarmTimings Of(SensingAlarm a)
    {
        double? deviceToCentre = a.FirstDeviceTime is { } d ? Seconds(a.CreatedAt - d) : null;
        double? confirmedToIncident = a.ConfirmedAt is { } c && a.IncidentCreatedAt is { } i ? Seconds(i - c) : null;
        return new AlarmTimings(
            deviceToCentre,
            deviceToCentre is { } x ? x <= DeviceToCentreTargetSeconds : null,
            Seconds(a.CreatedAt - a.FirstFrameAt),
            a.ConfirmedAt is { } c2 ? Seconds(c2 - a.CreatedAt) : null,
            confirmedToIncident,
            confirmedToIncident is { } y ? y <= ConfirmedToIncidentTargetSeconds : null,
            a.IncidentCreatedAt is { } i2 ? Seconds(i2 - a.FirstFrameAt) : null);
    }

    // Milliseconds are what the database keeps on both providers; finer digits would only be noise.
    private static double Seconds(TimeSpan span) => Math.Round(span.TotalMilliseconds) / 1000.0;
}

/// <summary>
/// The steps of one fire as its incident saw them, over all the alarms that became it: the first report
/// (the earliest frame: its device time, when it was received and shown), the first confirmation, and
/// the incident's creation (the first link). A detector that waited for a second one is the first
/// report, even when the second made the incident.
/// </summary>
public sealed record FireTimeline(
    DateTimeOffset? DeviceTime,
    DateTimeOffset ReceivedAt,
    DateTimeOffset ShownAt,
    DateTimeOffset? ConfirmedAt,
    DateTimeOffset? IncidentCreatedAt,
    double? DeviceToCentreSeconds,
    bool? DeviceToCentreMet,
    double? ConfirmedToIncidentSeconds,
    bool? ConfirmedToIncidentMet)
{
    /// <summary>The timeline of <paramref name="alarms"/>, or null when there are none.</summary>
    public static FireTimeline? Of(IReadOnlyCollection<SensingAlarm> alarms)
    {
        var first = alarms.OrderBy(a => a.FirstFrameAt).ThenBy(a => a.Id).FirstOrDefault();
        if (first is null) return null;
        var confirmed = alarms.Min(a => a.ConfirmedAt);
        var incident = alarms.Min(a => a.IncidentCreatedAt);
        var own = AlarmTimings.Of(first);
        double? toIncident = confirmed is { } c && incident is { } i ? Math.Round((i - c).TotalMilliseconds) / 1000.0 : null;
        return new FireTimeline(first.FirstDeviceTime, first.FirstFrameAt, first.CreatedAt, confirmed, incident,
            own.DeviceToCentreSeconds, own.DeviceToCentreMet, toIncident,
            toIncident is { } x ? x <= AlarmTimings.ConfirmedToIncidentTargetSeconds : null);
    }
}
