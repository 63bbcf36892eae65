using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;

namespace FireCommand.Core.Demo;

/// <summary>
/// Places the prefecture cities, their urban districts and counties, and partitions the province
/// into detachment and brigade areas (cities by Voronoi of their centres, brigades by Voronoi of
/// their seats inside the city's area). Jurisdiction ids: 1 the corps, then the detachments, then
/// the brigades in city order.
/// </summary>
internal static class AdminPlanner
{
    public static AdminPlan Plan(ProvinceShape shape, NameRegistry names, int seed)
    {
        var rng = Prng.ForStage(seed, 2);
        var namer = new PlaceNamer(rng, names);
        var cities = PlaceCities(shape, rng, namer);
        var shaper = new BorderShaper(rng.NextUInt64(), cities.Select(c => c.Centre).ToList());
        var regions = Partitioner.Split(shape.Outline, cities.Select(c => c.Centre).ToList(), shaper);

        var seats = new List<Vec>(cities.Select(c => c.Centre));
        long nextBrigadeId = cities.Count + 2;
        foreach (var city in cities)
        {
            city.DetachmentId = city.Index + 2;
            city.Code = $"{shape.CodePrefix}{city.Index + 1:D2}00";
            city.RegionKm = regions[city.Index];
            city.Boundary = Wgs84(shape, city.RegionKm);
            PlanBrigades(shape, city, seats, rng, namer);
            var cells = Partitioner.Split(city.RegionKm, city.Brigades.Select(b => b.Seat).ToList(), shaper);
            for (var i = 0; i < city.Brigades.Count; i++)
            {
                var brigade = city.Brigades[i];
                brigade.Id = nextBrigadeId++;
                brigade.Boundary = Wgs84(shape, cells[i]);
            }
        }

        var province = Wgs84(shape, shape.Outline);
        var locator = new JurisdictionLocator(cities.SelectMany(c => c.Brigades));
        return new AdminPlan { Shape = shape, Cities = cities, ProvinceBoundary = province, Locator = locator };
    }

    private static MultiPolygon Wgs84(ProvinceShape shape, Geometry km) =>
        Partitioner.PolygonsOnly(shape.Frame.ToWgs84(km));

    private static List<CityPlan> PlaceCities(ProvinceShape shape, Prng rng, PlaceNamer namer)
    {
        var count = rng.Between(4, 6);
        var env = shape.Outline.EnvelopeInternal;
        var centres = new List<Vec>();
        var spacing = 115.0;
        for (var attempt = 1; centres.Count < count; attempt++)
        {
            if (attempt % 800 == 0) spacing *= 0.92;
            var p = new Vec(rng.Range(env.MinX, env.MaxX), rng.Range(env.MinY, env.MaxY));
            if (!shape.Contains(p) || shape.DistanceToBorder(p) < 32 || shape.MountainFactor(p) > 0.1) continue;
            if (centres.Any(c => c.DistanceTo(p) < spacing)) continue;
            centres.Add(p);
        }
        // The capital sits nearest the middle; the rest follow clockwise, which gives tidy codes.
        var capital = centres.OrderBy(c => c.LengthSquared).First();
        var ordered = new List<Vec> { capital };
        ordered.AddRange(centres.Where(c => c != capital).OrderBy(c => Bearing(c - capital)));

        var areaCodes = Enumerable.Range(30, 70).ToList();
        rng.Shuffle(areaCodes);
        var cities = new List<CityPlan>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var population = i == 0 ? rng.Between(2_800_000, 5_000_000) : rng.Between(500_000, 2_600_000);
            cities.Add(new CityPlan
            {
                Name = namer.City(),
                Centre = ordered[i],
                Population = population,
                UrbanRadiusKm = 2.6 + 2.0 * Math.Sqrt(population / 1e6),
                Index = i,
                AreaCode = $"07{areaCodes[i]}",
                PlateLetter = "ABCDEFGH"[i],
            });
        }
        return cities;
    }

    /// <summary>A monotone stand-in for the compass bearing, enough for sorting without atan2.</summary>
    private static double Bearing(Vec v)
    {
        var l = Math.Abs(v.X) + Math.Abs(v.Y);
        if (l == 0) return 0;
        var t = v.X / l;
        return v.Y >= 0 ? 1 - t : 3 + t;
    }

    private static void PlanBrigades(ProvinceShape shape, CityPlan city, List<Vec> seats, Prng rng, PlaceNamer namer)
    {
        var districts = city.Index == 0 ? rng.Between(2, 3) : rng.Between(1, 2);
        var countyTarget = Math.Min(rng.Between(2, 4), 6 - districts);
        var code = 2;
        AddDistrict(city, city.Centre, namer, shape, ref code);

        // Extra urban districts sit inside the built-up area, so the city is split between them.
        var start = rng.Range(0, 2 * DetMath.Pi);
        for (var d = 1; d < districts; d++)
        {
            var angle = start + 2 * DetMath.Pi * d / districts + rng.Range(-0.3, 0.3);
            AddDistrict(city, city.Centre + Vec.FromAngle(angle) * (city.UrbanRadiusKm * rng.Range(0.6, 0.72)), namer, shape, ref code);
        }

        var region = city.RegionKm;
        var locator = new IndexedPointInAreaLocator(region);
        var border = new IndexedFacetDistance(region.Boundary);
        var env = region.EnvelopeInternal;
        var spacing = 32.0;
        var counties = 0;
        for (var attempt = 1; attempt < 6000 && (counties < countyTarget || city.Brigades.Count < 3); attempt++)
        {
            if (attempt % 1000 == 0) spacing = Math.Max(20, spacing * 0.9);
            var p = new Vec(rng.Range(env.MinX, env.MaxX), rng.Range(env.MinY, env.MaxY));
            if (locator.Locate(new Coordinate(p.X, p.Y)) != Location.Interior) continue;
            // Seats near the city's border would give brigades that are mostly someone else's land.
            if (border.Distance(LocalFrame.Plane.CreatePoint(new Coordinate(p.X, p.Y))) < 12) continue;
            if (seats.Any(s => s.DistanceTo(p) < spacing) || !rng.Chance(1 - 0.6 * shape.MountainFactor(p))) continue;
            seats.Add(p);
            var population = rng.Between(60_000, 450_000);
            city.Brigades.Add(new BrigadePlan
            {
                Name = namer.County(),
                IsDistrict = false,
                Seat = p,
                City = city,
                Code = $"{city.Code[..4]}{21 + counties:D2}",
                SeatPopulation = population,
                SeatRadiusKm = 1.3 + 0.9 * Math.Sqrt(population / 100_000.0),
            });
            counties++;
        }
        while (city.Brigades.Count < 3)
            AddDistrict(city, city.Centre + Vec.FromAngle(rng.Range(0, 2 * DetMath.Pi)) * (city.UrbanRadiusKm * 0.7), namer, shape, ref code);
    }

    private static void AddDistrict(CityPlan city, Vec seat, PlaceNamer namer, ProvinceShape shape, ref int code)
    {
        city.Brigades.Add(new BrigadePlan
        {
            Name = namer.District(),
            IsDistrict = true,
            Seat = seat,
            City = city,
            Code = $"{shape.CodePrefix}{city.Index + 1:D2}{code++:D2}",
        });
    }
}
