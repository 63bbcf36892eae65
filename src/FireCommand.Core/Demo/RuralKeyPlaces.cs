using FireCommand.Core.Resources;

namespace FireCommand.Core.Demo;

/// <summary>
/// Key places outside the street grids: petrochemical plants in one or two industrial parks,
/// 四名一文一传 (historic city, blocks, towns, villages, relics, traditional villages), poverty
/// relocation settlements (易迁点) and rural fire high-risk areas, the last three mostly in the hills.
/// </summary>
internal static class RuralKeyPlaces
{
    public static void Add(KeyPlaceBook book, SettlementPlan settlements, Prng rng)
    {
        AddChemicalParks(book, settlements, rng);

        var oldCity = rng.Pick(settlements.Cities);
        Near(book, $"{oldCity.Name.Root}古城", KeyPlaceCategory.HistoricCity | KeyPlaceCategory.Crowded, oldCity, 0.3, 0.9,
            rng.Between(5_000, 30_000), rng, null);
        var blocks = rng.Between(2, 4);
        for (var i = 0; i < blocks; i++)
        {
            var city = i == 0 ? oldCity : rng.Pick(settlements.Cities);
            Near(book, $"{rng.Pick(PlaceSyllables.UrbanAreas)}历史文化街区", KeyPlaceCategory.HistoricBlock | KeyPlaceCategory.Crowded,
                city, 0.3, city.City!.UrbanRadiusKm * 0.35, rng.Between(2_000, 12_000), rng, null);
        }

        var hillTowns = Hilly(settlements.Towns, rng);
        foreach (var town in hillTowns.Take(rng.Between(2, 5)))
            Near(book, $"{town.Name.Root}古镇", KeyPlaceCategory.HistoricTown | KeyPlaceCategory.Crowded, town, 0.15, 0.4,
                rng.Between(1_000, 8_000), rng, null);
        foreach (var town in hillTowns.Skip(5).Take(rng.Between(6, 12)))
            Near(book, $"{town.Name.Root}易地扶贫搬迁安置点", KeyPlaceCategory.RelocationSettlement, town, 0.6, 1.2,
                rng.Between(300, 3_000), rng, p =>
                {
                    p.Floors = rng.Between(5, 11);
                    p.HeightMeters = Math.Round(p.Floors.Value * 2.95, 1);
                    if (p.HeightMeters > 27) p.Categories |= KeyPlaceCategory.HighRise;
                });

        var hillVillages = Hilly(settlements.Villages, rng);
        var next = 0;
        foreach (var village in hillVillages.Skip(next).Take(rng.Between(3, 6)))
            Near(book, $"{village.Name.Root}古村", KeyPlaceCategory.HistoricVillage | KeyPlaceCategory.TraditionalVillage, village, 0.05, 0.3,
                rng.Between(200, 1_500), rng, null);
        next += 6;
        foreach (var village in hillVillages.Skip(next).Take(rng.Between(12, 24)))
            Near(book, $"{village.Name.Name}传统村落",
                KeyPlaceCategory.TraditionalVillage | (rng.Chance(0.5) ? KeyPlaceCategory.RuralHighRisk : KeyPlaceCategory.None),
                village, 0.05, 0.3, rng.Between(150, 1_200), rng, null);
        next += 24;
        foreach (var village in hillVillages.Skip(next).Take(rng.Between(12, 24)))
            Near(book, $"{village.Name.Name}连片木结构村寨", KeyPlaceCategory.RuralHighRisk, village, 0.05, 0.3,
                rng.Between(150, 1_500), rng, null);

        var relics = rng.Between(10, 20);
        var all = settlements.Villages.Concat(settlements.Towns).ToList();
        for (var i = 0; i < relics; i++)
        {
            var place = rng.Pick(all);
            Near(book, $"{place.Name.Root}{rng.Pick(KeyPlaceNames.Relics)}", KeyPlaceCategory.CulturalRelic, place, 0.1, 0.4,
                rng.Between(20, 600), rng, null);
        }
    }

    private static void AddChemicalParks(KeyPlaceBook book, SettlementPlan settlements, Prng rng)
    {
        var parks = rng.Between(1, 2);
        var hosts = settlements.CountySeats.Where(s => !s.IsMountain).ToList();
        if (hosts.Count == 0) hosts = settlements.CountySeats.ToList();
        for (var i = 0; i < parks && hosts.Count > 0; i++)
        {
            var host = hosts[rng.Below(hosts.Count)];
            hosts.Remove(host);
            var centre = host.Km + Vec.FromAngle(rng.Range(0, 2 * DetMath.Pi)) * (host.Brigade.SeatRadiusKm + 3.5);
            var plants = rng.Between(4, 9);
            for (var k = 0; k < plants; k++)
            {
                var root = k == 0 ? host.Name.Root : $"{PlaceSyllables.CharAt(PlaceSyllables.Heads, rng.Below(PlaceSyllables.Count(PlaceSyllables.Heads)))}{PlaceSyllables.CharAt(PlaceSyllables.Tails, rng.Below(PlaceSyllables.Count(PlaceSyllables.Tails)))}";
                var km = centre + Vec.FromAngle(rng.Range(0, 2 * DetMath.Pi)) * rng.Range(0, 1.5);
                var number = rng.Between(1, 99);
                book.Add($"{root}{(k == 0 ? KeyPlaceNames.Plants[0] : rng.Pick(KeyPlaceNames.Plants))}", KeyPlaceCategory.Petrochemical, km,
                    b => $"{b.AddressPrefix}{host.Name.Root}化工园区{number}号", rng.Between(80, 1_500), host,
                    p => p.FloorAreaSquareMeters = Math.Round(rng.Range(20_000, 500_000)));
            }
        }
    }

    /// <summary>Places in random order, the hilly ones first: heritage and fire risk both gather in the mountains.</summary>
    private static List<SettlementSite> Hilly(List<SettlementSite> places, Prng rng) =>
        places.Select(p => (Place: p, Key: p.Mountain + rng.NextDouble()))
            .OrderByDescending(x => x.Key).ThenBy(x => x.Place.Id).Select(x => x.Place).ToList();

    private static void Near(KeyPlaceBook book, string name, KeyPlaceCategory categories, SettlementSite place, double minKm, double maxKm,
        int occupants, Prng rng, Action<KeyPlace>? building)
    {
        var km = place.Km + Vec.FromAngle(rng.Range(0, 2 * DetMath.Pi)) * rng.Range(minKm, maxKm);
        book.Add(name, categories, km, b => place.Kind switch
        {
            Map.SettlementKind.Village => Addresses.Village(place, rng),
            Map.SettlementKind.Town => Addresses.Town(place, rng),
            _ => b.AddressPrefix + place.Name.Root + "老城区",
        }, occupants, place, building);
    }
}
