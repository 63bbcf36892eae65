using FireCommand.Core.Resources;

namespace FireCommand.Core.Demo;

/// <summary>
/// Collects water sources with codes per detachment and kind, e.g. JZ-XF-00123 (消防栓),
/// JZ-SC-0012 (水池), JZ-TR-0034 (天然), JZ-QS-003 (取水). About 3 % are out of service, as
/// inspections typically find.
/// </summary>
internal sealed class WaterBook(AdminPlan admin, Prng rng)
{
    private readonly int[,] _counters = new int[admin.Cities.Count, 5];

    public List<WaterSource> Sources { get; } = [];

    public bool Add(WaterSourceKind kind, Vec km, Func<BrigadePlan, string> address, double? flow, double? capacity)
    {
        var brigade = admin.BrigadeAt(km);
        if (brigade is null) return false;
        var city = brigade.City;
        var n = ++_counters[city.Index, (int)kind];
        var code = kind switch
        {
            WaterSourceKind.Hydrant => $"{city.Name.Initials}-XF-{n:D5}",
            WaterSourceKind.FirePool => $"{city.Name.Initials}-SC-{n:D4}",
            WaterSourceKind.NaturalSource => $"{city.Name.Initials}-TR-{n:D4}",
            _ => $"{city.Name.Initials}-QS-{n:D3}",
        };
        Sources.Add(new WaterSource
        {
            Id = Sources.Count + 1,
            Code = code,
            Kind = kind,
            Location = admin.Shape.Frame.Point(km),
            Address = address(brigade),
            FlowLitersPerSecond = flow,
            CapacityCubicMeters = capacity,
            InService = !rng.Chance(0.03),
            JurisdictionId = brigade.Id,
        });
        return true;
    }
}
