using FireCommand.Core.Resources;

namespace FireCommand.Core.Demo;

/// <summary>
/// Grassroots teams (一队一站): government full-time teams (专职队) in the larger towns, township
/// teams (乡镇专职队) in others, spread so every county gets its share, and micro stations
/// (微型消防站) in high-risk villages and at crowded key places.
/// </summary>
internal static class RuralStations
{
    public static void AddTownTeams(StationBook book, List<SettlementSite> towns, int fullTime, int township, Prng rng)
    {
        var perBrigade = new Dictionary<long, int>();
        int Teams(SettlementSite t) => perBrigade.GetValueOrDefault(t.Brigade.Id);
        var free = towns.Select(t => (Town: t, Tiebreak: rng.NextDouble())).ToList();
        for (var i = 0; i < fullTime + township && free.Count > 0; i++)
        {
            var kind = i < fullTime ? StationKind.FullTime : StationKind.TownshipTeam;
            // Full-time teams go to the biggest towns, township teams anywhere; both fill the emptiest county first.
            var pick = kind == StationKind.FullTime
                ? free.OrderBy(x => Teams(x.Town)).ThenByDescending(x => x.Town.Population).ThenBy(x => x.Town.Id).First()
                : free.OrderBy(x => Teams(x.Town)).ThenBy(x => x.Tiebreak).ThenBy(x => x.Town.Id).First();
            free.Remove(pick);
            var town = pick.Town;
            var name = town.Name.Name;
            var added = book.Add(kind, town.Km, StationSetting.Rural,
                _ => kind == StationKind.FullTime ? ($"{name}政府专职消防队", $"{name}专职队") : ($"{name}乡镇专职消防队", $"{name}乡镇队"),
                _ => Addresses.Town(town, rng));
            if (added is not null) perBrigade[town.Brigade.Id] = Teams(town) + 1;
        }
    }

    public static void AddMicroStations(StationBook book, List<SettlementSite> villages, List<KeyPlaceSite> keyPlaces, int count, Prng rng)
    {
        const KeyPlaceCategory crowded = KeyPlaceCategory.LargeComplex | KeyPlaceCategory.HistoricBlock | KeyPlaceCategory.HistoricTown;
        var places = keyPlaces.Where(k => (k.Place.Categories & crowded) != 0).ToList();
        rng.Shuffle(places);
        var atPlaces = Math.Min(places.Count, count / 3);
        foreach (var k in places.Take(atPlaces))
            book.Add(StationKind.MicroStation, k.Km, StationSetting.Rural,
                _ => ($"{k.Place.Name}微型消防站", $"{k.Place.Name}微站"), _ => k.Place.Address ?? "");

        // High-risk and traditional villages first: that is what micro stations are for.
        const KeyPlaceCategory risky = KeyPlaceCategory.RuralHighRisk | KeyPlaceCategory.TraditionalVillage;
        var riskyVillages = keyPlaces.Where(k => (k.Place.Categories & risky) != 0 && k.Settlement is not null)
            .Select(k => k.Settlement!).Distinct().ToList();
        var others = villages.Except(riskyVillages).ToList();
        rng.Shuffle(others);
        var added = 0;
        foreach (var village in riskyVillages.Concat(others))
        {
            if (added >= count - atPlaces) break;
            var name = village.Name.Name;
            if (book.Add(StationKind.MicroStation, village.Km, StationSetting.Rural,
                    _ => ($"{name}微型消防站", $"{name}微站"), _ => Addresses.Village(village, rng)) is not null)
                added++;
        }
    }
}
