using FireCommand.Core.Resources;

namespace FireCommand.Core.Demo;

/// <summary>Collects planned stations, locating each in the brigade whose boundary covers it.</summary>
internal sealed class StationBook(AdminPlan admin, Prng rng)
{
    public List<StationSite> Sites { get; } = [];

    public BrigadePlan? BrigadeAt(Vec km) => admin.BrigadeAt(km);

    public bool IsOccupied(Vec km, double withinKm) => Sites.Any(s => s.Km.DistanceTo(km) < withinKm);

    /// <summary>Adds a station; the name and address are built once the brigade is known. Null outside the province.</summary>
    public StationSite? Add(StationKind kind, Vec km, StationSetting setting, Func<BrigadePlan, (string Name, string ShortName)> naming,
        Func<BrigadePlan, string> address)
    {
        var brigade = admin.BrigadeAt(km);
        // Two stations on one spot would share a Voronoi site and leave one without a district.
        if (brigade is null || IsOccupied(km, 0.05)) return null;
        var (name, shortName) = naming(brigade);
        var station = new Station
        {
            Name = name,
            Kind = kind,
            Location = admin.Shape.Frame.Point(km),
            Address = address(brigade),
            Phone = Addresses.Landline(brigade.City, rng),
            JurisdictionId = brigade.Id,
        };
        var site = new StationSite(station, km, brigade, shortName, setting);
        Sites.Add(site);
        return site;
    }
}
