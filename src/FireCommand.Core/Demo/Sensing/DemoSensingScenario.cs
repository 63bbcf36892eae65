namespace FireCommand.Core.Demo.Sensing;

/// <summary>What happens to a simulated device.</summary>
public enum DemoHappeningKind
{
    /// <summary>One detector alarms (dust, steam, cooking, a test) and is reset on site before its window runs out.</summary>
    FalseAlarm = 1,
    /// <summary>A real fire: a detector, then a second detector, a manual call point or water flow in the same zone.</summary>
    Fire = 2,
    /// <summary>A component reports a fault and is repaired later.</summary>
    Fault = 3,
    /// <summary>A zone is shielded (屏蔽) for maintenance and restored later.</summary>
    Shielded = 4,
    /// <summary>The device loses its connection (power, network) and comes back later.</summary>
    Offline = 5,
}

/// <summary>
/// One happening: after how long (from the previous one), to which device and point, what, and how long
/// it lasts (until the reset, the repair, the restore or the reconnect; for a fire, the delay of the
/// confirming report). <see cref="Confirmation"/> says which point confirms a fire.
/// </summary>
public sealed record DemoHappening(TimeSpan After, DemoHappeningKind Kind, int Device, int Point, TimeSpan Lasting, int Confirmation);

/// <summary>Mean happenings per hour across all simulated devices.</summary>
public sealed record DemoRates(double FiresPerHour, double FalseAlarmsPerHour, double FaultsPerHour, double ShieldsPerHour,
    double OfflinePerHour)
{
    public double Total => FiresPerHour + FalseAlarmsPerHour + FaultsPerHour + ShieldsPerHour + OfflinePerHour;
}

/// <summary>
/// The demo's script of what happens to its devices: a Poisson process per kind (exponential gaps at the
/// configured rates), each on a device drawn from the seeded stream, so a seed replays the same sequence.
/// Fires and false alarms happen on transmission devices' detectors and on MQTT smoke sensors; a fire's
/// confirmation is the second detector, the manual call point or the water-flow indicator of the same
/// zone. False alarms are reset after 20–50 s, inside the shortest verification window (60 s), as staff
/// on site do once they have looked. Not thread-safe: one consumer.
/// </summary>
public sealed class DemoSensingScenario
{
    private readonly Prng _prng;
    private readonly DemoRates _rates;
    private readonly IReadOnlyList<DemoDevice> _devices;
    private readonly List<int> _transmission;
    private readonly List<int> _smoke;

    public DemoSensingScenario(int seed, DemoRates rates, IReadOnlyList<DemoDevice> devices)
    {
        _prng = Prng.ForStage(seed, 0x5E45_2000UL);
        _rates = rates;
        _devices = devices;
        _transmission = [.. devices.Where(d => d.IsGb26875).Select(d => d.Index)];
        _smoke = [.. devices.Where(d => d.ProfileCode == Core.Sensing.Rules.DefaultProfiles.Smoke).Select(d => d.Index)];
    }

    /// <summary>The next happening, or null when no rate is set or there are no devices.</summary>
    public DemoHappening? Next()
    {
        var total = _rates.Total;
        if (total <= 0 || _devices.Count == 0) return null;
        var after = TimeSpan.FromHours(-Math.Log(1 - _prng.NextDouble()) / total);
        var pick = _prng.NextDouble() * total;
        var kind = (pick -= _rates.FiresPerHour) < 0 ? DemoHappeningKind.Fire
            : (pick -= _rates.FalseAlarmsPerHour) < 0 ? DemoHappeningKind.FalseAlarm
            : (pick -= _rates.FaultsPerHour) < 0 ? DemoHappeningKind.Fault
            : (pick -= _rates.ShieldsPerHour) < 0 ? DemoHappeningKind.Shielded
            : DemoHappeningKind.Offline;
        return kind switch
        {
            DemoHappeningKind.Fire when _transmission.Count > 0 => FireOn(after),
            DemoHappeningKind.FalseAlarm when _transmission.Count > 0 || _smoke.Count > 0 => FalseAlarm(after),
            DemoHappeningKind.Fault or DemoHappeningKind.Shielded or DemoHappeningKind.Offline => Trouble(after, kind),
            _ => new DemoHappening(after, DemoHappeningKind.Fault, _prng.Below(_devices.Count), 0, Minutes(10, 60), 0),
        };
    }

    private DemoHappening FireOn(TimeSpan after)
    {
        var device = _devices[_prng.Pick(_transmission)];
        var floor = _prng.Below(Floors(device));
        var detector = floor * 4 + _prng.Below(2);
        // The other detector, the manual call point or the water-flow indicator of the same floor's zone.
        var confirmation = floor * 4 + _prng.Pick(detector % 4 == 0 ? new[] { 1, 2, 3 } : new[] { 0, 2, 3 });
        return new DemoHappening(after, DemoHappeningKind.Fire, device.Index, detector, TimeSpan.FromSeconds(_prng.Between(5, 40)), confirmation);
    }

    private DemoHappening FalseAlarm(TimeSpan after)
    {
        var onSmoke = _transmission.Count == 0 || (_smoke.Count > 0 && _prng.Chance(0.3));
        var lasting = TimeSpan.FromSeconds(_prng.Between(20, 50));
        if (onSmoke) return new DemoHappening(after, DemoHappeningKind.FalseAlarm, _prng.Pick(_smoke), 0, lasting, 0);
        var device = _devices[_prng.Pick(_transmission)];
        return new DemoHappening(after, DemoHappeningKind.FalseAlarm, device.Index, _prng.Below(Floors(device)) * 4 + _prng.Below(2), lasting, 0);
    }

    private DemoHappening Trouble(TimeSpan after, DemoHappeningKind kind)
    {
        var device = _devices[_prng.Below(_devices.Count)];
        var point = device.Points.Count == 0 ? 0 : _prng.Below(device.Points.Count);
        var lasting = kind switch
        {
            DemoHappeningKind.Shielded => Minutes(60, 600),
            // Longer than the transmission device's offline rule (10 min) often enough to be seen.
            DemoHappeningKind.Offline => Minutes(3, 40),
            _ => Minutes(10, 240),
        };
        return new DemoHappening(after, kind, device.Index, point, lasting, 0);
    }

    private static int Floors(DemoDevice device) => Math.Max(1, (device.Points.Count - 1) / 4);

    private TimeSpan Minutes(int min, int max) => TimeSpan.FromMinutes(_prng.Between(min, max));
}
