using FireCommand.Geo;

namespace FireCommand.Core.Dispatch.Simulation;

/// <summary>
/// Draws demo calls as a Poisson process whose rate follows the hour of day, placed in settlements
/// in proportion to their population. Not thread-safe (it owns its random source).
/// </summary>
public sealed class CallGenerator
{
    // Relative call rate by local hour: quiet before dawn, peaks late morning and early evening,
    // the shape of Chinese 119 call logs (cooking fires and traffic at the evening peak).
    private static readonly double[] Diurnal =
    [
        0.45, 0.35, 0.3, 0.3, 0.35, 0.5, 0.75, 0.95, 1.1, 1.2, 1.3, 1.35,
        1.3, 1.2, 1.2, 1.25, 1.3, 1.45, 1.5, 1.4, 1.2, 1.0, 0.8, 0.6,
    ];

    private static readonly (IncidentType Type, string Subtype, string Description, double Weight, bool Urban)[] Kinds =
    [
        (IncidentType.Fire, "住宅火灾", "居民楼内冒出浓烟，有明火", 18, true),
        (IncidentType.Fire, "厨房火灾", "饭店后厨油锅起火", 8, true),
        (IncidentType.Fire, "车辆火灾", "路边一辆小轿车起火", 7, true),
        (IncidentType.Fire, "垃圾火灾", "垃圾堆着火，烟很大", 8, true),
        (IncidentType.Fire, "山林火灾", "山上起火，火势在蔓延", 5, false),
        (IncidentType.Fire, "农房火灾", "村民家柴房着火", 7, false),
        (IncidentType.Rescue, Decisions.IncidentSubtypes.Traffic, "两车相撞，有人被困车内", 12, true),
        (IncidentType.Rescue, Decisions.IncidentSubtypes.Lift, "电梯停在两层之间，里面有人", 10, true),
        (IncidentType.Rescue, Decisions.IncidentSubtypes.WaterRescue, "有人落水，在河边呼救", 3, false),
        (IncidentType.Rescue, Decisions.IncidentSubtypes.HazmatLeak, "槽罐车有液体泄漏，气味刺鼻", 2, true),
        (IncidentType.SocialAssistance, "开门救助", "老人独自在家，敲门无人应答", 8, true),
        (IncidentType.SocialAssistance, "摘除马蜂窝", "屋檐下有马蜂窝", 6, false),
        (IncidentType.SocialAssistance, "动物救助", "小猫困在树上", 3, true),
    ];

    private readonly IReadOnlyList<DemandPoint> _demand;
    private readonly double[] _cumulative;
    private readonly Random _random;

    /// <param name="demand">Settlements calls come from, weighted by population.</param>
    /// <param name="callsPerHour">Mean calls per hour across the province at a rate factor of 1.</param>
    /// <param name="seed">Seed of the random source.</param>
    public CallGenerator(IReadOnlyList<DemandPoint> demand, double callsPerHour, int seed)
    {
        if (demand.Count == 0) throw new ArgumentException("Calls need somewhere to come from.", nameof(demand));
        _demand = demand;
        CallsPerHour = callsPerHour;
        _random = new Random(seed);
        _cumulative = new double[demand.Count];
        double sum = 0;
        for (var i = 0; i < demand.Count; i++) _cumulative[i] = sum += Math.Max(1, demand[i].Population);
    }

    public double CallsPerHour { get; }

    /// <summary>The calls that arrive in the interval starting at <paramref name="from"/> (local time of day decides the rate).</summary>
    public IReadOnlyList<SimulatedCall> Next(DateTimeOffset from, TimeSpan interval)
    {
        var expected = CallsPerHour * Diurnal[from.Hour] * interval.TotalHours;
        var count = Poisson(expected);
        var calls = new List<SimulatedCall>(count);
        for (var i = 0; i < count; i++) calls.Add(Draw());
        return calls;
    }

    private SimulatedCall Draw()
    {
        var place = _demand[PickPlace()];
        var kinds = Kinds.Where(k => k.Urban == place.Urban || _random.NextDouble() < 0.3).ToArray();
        var total = kinds.Sum(k => k.Weight);
        var roll = _random.NextDouble() * total;
        var kind = kinds.First(k => (roll -= k.Weight) <= 0);
        // A few hundred metres around the centre in town, less in a village.
        var spread = place.Urban ? 0.006 : 0.0015;
        var at = new GeoPoint(place.Location.Latitude + (_random.NextDouble() - 0.5) * spread,
            place.Location.Longitude + (_random.NextDouble() - 0.5) * spread);
        var trapped = kind.Subtype is Decisions.IncidentSubtypes.Traffic or Decisions.IncidentSubtypes.Lift ? 1 + _random.Next(3) : kind.Type == IncidentType.Fire && _random.NextDouble() < 0.05 ? 1 : 0;
        var number = "13" + _random.Next(0, 10) + _random.NextInt64(10_000_000, 99_999_999);
        return new SimulatedCall(at, $"{place.Name}附近", kind.Type, kind.Subtype, kind.Description, trapped, number);
    }

    private int PickPlace()
    {
        var roll = _random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, roll);
        return index >= 0 ? index : ~index;
    }

    // Knuth's method; the means here are small (a few calls per tick).
    private int Poisson(double mean)
    {
        var limit = Math.Exp(-mean);
        var product = _random.NextDouble();
        var count = 0;
        while (product > limit)
        {
            count++;
            product *= _random.NextDouble();
        }
        return count;
    }
}
