using FireCommand.Core.Map;

namespace FireCommand.Core.Demo;

/// <summary>The settlements of the province, by kind, in id order (cities, county seats, towns, villages).</summary>
internal sealed class SettlementPlan
{
    public List<SettlementSite> Cities { get; } = [];
    public List<SettlementSite> CountySeats { get; } = [];
    public List<SettlementSite> Towns { get; } = [];
    public List<SettlementSite> Villages { get; } = [];
    public IEnumerable<SettlementSite> All => Cities.Concat(CountySeats).Concat(Towns).Concat(Villages);
    public IEnumerable<SettlementSite> Urban => Cities.Concat(CountySeats);
}

/// <summary>
/// Scatters towns and villages by dart throwing with minimum spacings (a Poisson-disc pattern
/// looks lived-in, a grid does not), thinner in the mountains and clustered around towns.
/// </summary>
internal static class SettlementPlanner
{
    public static SettlementPlan Plan(AdminPlan admin, NameRegistry names, int seed)
    {
        var rng = Prng.ForStage(seed, 3);
        var namer = new PlaceNamer(rng, names);
        var shape = admin.Shape;
        var plan = new SettlementPlan();

        foreach (var city in admin.Cities)
        {
            var main = city.Brigades[0];
            plan.Cities.Add(Site(admin, city.Name, SettlementKind.City, city.Centre, city.Population, main, city));
            foreach (var county in city.Brigades.Where(b => !b.IsDistrict))
                plan.CountySeats.Add(Site(admin, county.Name, SettlementKind.CountySeat, county.Seat, county.SeatPopulation, county, null));
        }

        var env = shape.Outline.EnvelopeInternal;
        var towns = new PointGrid<SettlementSite>(8);
        var townTarget = rng.Between(90, 135);
        var spacing = 13.0;
        for (var attempt = 1; plan.Towns.Count < townTarget && attempt < 100_000; attempt++)
        {
            if (attempt % 5000 == 0) spacing *= 0.92;
            var p = new Vec(rng.Range(env.MinX, env.MaxX), rng.Range(env.MinY, env.MaxY));
            if (!shape.Contains(p) || towns.AnyWithin(p, spacing) || NearUrban(plan, p, 6, 5)) continue;
            var mountain = shape.MountainFactor(p);
            if (!rng.Chance(1 - 0.55 * mountain)) continue;
            var brigade = admin.Locator.Locate(shape.Frame.ToLonLat(p));
            if (brigade is null) continue;
            var site = Site(admin, namer.Town(mountain > 0.5), SettlementKind.Town, p,
                (int)(rng.Range(5_000, 60_000) * (1 - 0.5 * mountain)), brigade, null);
            plan.Towns.Add(site);
            towns.Add(p, site);
        }

        var villages = new PointGrid<SettlementSite>(4);
        var villageTarget = rng.Between(950, 1350);
        spacing = 3.4;
        for (var attempt = 1; plan.Villages.Count < villageTarget && attempt < 400_000; attempt++)
        {
            if (attempt % 20_000 == 0) spacing *= 0.92;
            var p = new Vec(rng.Range(env.MinX, env.MaxX), rng.Range(env.MinY, env.MaxY));
            if (!shape.Contains(p) || villages.AnyWithin(p, spacing) || towns.AnyWithin(p, 2.4) || NearUrban(plan, p, 1.5, 1.2)) continue;
            var mountain = shape.MountainFactor(p);
            var nearTown = towns.TryNearest(p, 60, _ => true, out _, out var townKm) ? townKm : 60;
            // Villages gather around market towns and thin out on the mountainsides.
            if (!rng.Chance((1 - 0.72 * mountain) * (0.35 + 0.65 / (1 + nearTown / 9)))) continue;
            var brigade = admin.Locator.Locate(shape.Frame.ToLonLat(p));
            if (brigade is null) continue;
            var site = Site(admin, namer.Village(), SettlementKind.Village, p,
                (int)(rng.Range(300, 4_000) * (1 - 0.6 * mountain)), brigade, null);
            site.Town = towns.TryNearest(p, 60, t => t.Brigade == brigade, out var town, out _) ? town : null;
            plan.Villages.Add(site);
            villages.Add(p, site);
        }

        long id = 1;
        foreach (var s in plan.All) s.Id = id++;
        return plan;
    }

    private static bool NearUrban(SettlementPlan plan, Vec p, double cityMarginKm, double seatMarginKm)
    {
        foreach (var c in plan.Cities)
            if (c.Km.DistanceTo(p) < c.City!.UrbanRadiusKm + cityMarginKm) return true;
        foreach (var s in plan.CountySeats)
            if (s.Km.DistanceTo(p) < s.Brigade.SeatRadiusKm + seatMarginKm) return true;
        return false;
    }

    private static SettlementSite Site(AdminPlan admin, PlaceName name, SettlementKind kind, Vec p, int population,
        BrigadePlan brigade, CityPlan? city)
    {
        var lonLat = admin.Shape.Frame.ToLonLat(p);
        return new SettlementSite
        {
            Name = name,
            Kind = kind,
            Km = p,
            LonLat = lonLat,
            Population = population,
            // The stored boundary decides, so the settlement is always inside its jurisdiction.
            Brigade = admin.Locator.Locate(lonLat) ?? brigade,
            Mountain = admin.Shape.MountainFactor(p),
            City = city,
        };
    }
}
