using FireCommand.Core.Sensing.Alarms;
using FireCommand.Core.Sensing.Rules;

namespace FireCommand.Core.Demo.Sensing;

/// <summary>A past fire incident that a monitored place's alarm may have started.</summary>
public sealed record DemoPastFire(long IncidentId, long KeyPlaceId, DateTimeOffset ReceivedAt);

/// <summary>A past or standing alarm of a demo device and the steps of its life, ready to be stored once the device ids are known.</summary>
public sealed record DemoPastAlarm(DemoDevice Device, int Point, string Type, string RuleCode, AlarmSeverity Severity, DateTimeOffset At,
    DemoPastOutcome Outcome, DateTimeOffset? EndedAt, long? IncidentId, double? Value);

/// <summary>How a past alarm ended; <see cref="Standing"/> is still open now (a fault not yet repaired, a zone still shielded).</summary>
public enum DemoPastOutcome
{
    /// <summary>A single detector reset on site: cleared by the device inside its window.</summary>
    ResetOnSite = 1,
    /// <summary>Looked at on the board and dismissed as false.</summary>
    Dismissed = 2,
    /// <summary>A fault or a shielded zone that ended.</summary>
    Cleared = 3,
    /// <summary>A confirmed fire that became an incident.</summary>
    Fire = 4,
    Standing = 5,
}

/// <summary>
/// The sensing history the demo starts with, so the board, the risk layer and the places' weaknesses
/// have content on the first start: over the past days, detector alarms of which nearly all were false
/// (reset on site or dismissed on the board), faults and shielded zones that were repaired, a few
/// confirmed fires — each tied to a past fire incident at or near its place — and, now, the faults and
/// shielded zones still standing. Seeded, pure.
/// </summary>
public static class DemoSensingHistory
{
    public static IReadOnlyList<DemoPastAlarm> Generate(IReadOnlyList<DemoDevice> devices, IReadOnlyList<DemoPastFire> fires,
        DateTimeOffset now, int days, int seed)
    {
        var prng = Prng.ForStage(seed, 0x5E45_3000UL);
        var alarms = new List<DemoPastAlarm>();
        var gb = devices.Where(d => d.IsGb26875).ToList();
        if (gb.Count == 0 || days <= 0) return alarms;
        var start = now.AddDays(-days);
        var span = (now - start).TotalSeconds;
        DateTimeOffset When() => start.AddSeconds(prng.NextDouble() * span);

        // About one detector alarm per ten transmission devices a week; most are reset on site, some dismissed.
        var falseAlarms = Math.Max(days, gb.Count * days / 70);
        for (var i = 0; i < falseAlarms; i++)
        {
            var d = prng.Pick(gb);
            var at = When();
            var onSite = prng.Chance(0.7);
            alarms.Add(new(d, Detector(prng, d), SensingAlarm.FireType, "fire", AlarmSeverity.Critical, at,
                onSite ? DemoPastOutcome.ResetOnSite : DemoPastOutcome.Dismissed,
                at.AddSeconds(onSite ? prng.Between(20, 55) : prng.Between(60, 170)), null, null));
        }
        var faults = Math.Max(days / 2, gb.Count * days / 200);
        for (var i = 0; i < faults; i++)
        {
            var d = prng.Pick(gb);
            var at = When();
            var shielded = prng.Chance(0.2);
            alarms.Add(new(d, prng.Below(d.Points.Count), shielded ? "shielded" : "fault", shielded ? "shielded" : "fault",
                shielded ? AlarmSeverity.Info : AlarmSeverity.Warning, at, DemoPastOutcome.Cleared,
                Min(at.AddMinutes(prng.Between(30, 60 * 48)), now.AddMinutes(-5)), null, null));
        }
        // Standing weaknesses now: a few percent of the systems have an unrepaired fault or a shielded zone.
        foreach (var d in gb)
        {
            if (prng.Chance(0.04))
                alarms.Add(new(d, prng.Below(d.Points.Count), "fault", "fault", AlarmSeverity.Warning, now.AddHours(-prng.Between(2, 24 * 6)),
                    DemoPastOutcome.Standing, null, null, null));
            if (prng.Chance(0.015))
                alarms.Add(new(d, prng.Below(d.Points.Count), "shielded", "shielded", AlarmSeverity.Info, now.AddHours(-prng.Between(2, 24 * 10)),
                    DemoPastOutcome.Standing, null, null, null));
        }
        var byPlace = gb.GroupBy(d => d.Place.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var fire in fires)
        {
            if (!byPlace.TryGetValue(fire.KeyPlaceId, out var d)) continue;
            // The detector reported some seconds before the incident was filed.
            alarms.Add(new(d, Detector(prng, d), SensingAlarm.FireType, "fire", AlarmSeverity.Critical,
                fire.ReceivedAt.AddSeconds(-prng.Between(8, 40)), DemoPastOutcome.Fire, fire.ReceivedAt, fire.IncidentId, null));
        }
        return alarms;
    }

    private static int Detector(Prng prng, DemoDevice d) => prng.Below(Math.Max(1, (d.Points.Count - 1) / 4)) * 4 + prng.Below(2);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
