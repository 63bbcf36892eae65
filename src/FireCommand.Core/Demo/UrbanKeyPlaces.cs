using FireCommand.Core.Map;
using FireCommand.Core.Resources;

namespace FireCommand.Core.Demo;

/// <summary>
/// Key places of cities and county seats: residential and office towers (高层), underground malls
/// and car parks (地下), shopping and transport complexes (大型综合体), hospitals, schools, markets.
/// Counts grow with population; places cluster towards the centre the way towers do.
/// </summary>
internal static class UrbanKeyPlaces
{
    public static void Add(KeyPlaceBook book, SettlementSite town, Prng rng)
    {
        var grid = town.Grid!;
        var city = town.Kind == SettlementKind.City;
        var millions = town.Population / 1e6;
        var root = town.Name.Root;
        var label = city ? root + "市" : town.Name.Name;

        var residential = city ? (int)Math.Round(7 + 9 * millions) : rng.Between(3, 6);
        for (var i = 0; i < residential; i++)
            Place(book, grid, rng, 0.85, () => rng.Chance(0.5)
                    ? $"{rng.Pick(KeyPlaceNames.EstateBrands)}{rng.Pick(KeyPlaceNames.EstateSuffixes)}"
                    : $"{root}{rng.Pick(KeyPlaceNames.EstateBrands)}{rng.Pick(KeyPlaceNames.EstateSuffixes)}",
                KeyPlaceCategory.HighRise, rng.Between(400, 3_000), town, p =>
                {
                    // GB 50016: residential buildings over 27 m are high-rise.
                    p.HeightMeters = Math.Round(rng.Range(28, city ? 150 : 100), 1);
                    p.Floors = (int)(p.HeightMeters / 2.95);
                    p.FloorAreaSquareMeters = Math.Round(p.Floors.Value * rng.Range(600, 1_600));
                });

        var towers = city ? (int)Math.Round(3 + 4 * millions) : rng.Between(0, 2);
        for (var i = 0; i < towers; i++)
            Place(book, grid, rng, 0.5, () => rng.Chance(0.6) ? $"{root}{rng.Pick(KeyPlaceNames.Towers)}" : $"{rng.Pick(PlaceSyllables.UrbanAreas)}{rng.Pick(KeyPlaceNames.Towers)}",
                KeyPlaceCategory.HighRise | KeyPlaceCategory.Crowded, rng.Between(800, 8_000), town, p =>
                {
                    // Public buildings over 24 m are high-rise; the tallest towers are in the big cities.
                    p.HeightMeters = Math.Round(rng.Range(30, city ? 80 + 45 * millions : 90), 1);
                    p.Floors = (int)(p.HeightMeters / 4.1);
                    p.FloorAreaSquareMeters = Math.Round(p.Floors.Value * rng.Range(1_500, 3_200));
                });

        var complexes = city ? (int)Math.Round(1 + 1.2 * millions) : rng.Between(0, 1);
        for (var i = 0; i < complexes; i++)
            Place(book, grid, rng, 0.7, () => $"{(rng.Chance(0.5) ? root : rng.Pick(PlaceSyllables.UrbanAreas))}{rng.Pick(KeyPlaceNames.Complexes)}",
                KeyPlaceCategory.LargeComplex | KeyPlaceCategory.Crowded | KeyPlaceCategory.Underground, rng.Between(5_000, 40_000), town, p =>
                {
                    p.HeightMeters = Math.Round(rng.Range(20, 48), 1);
                    p.Floors = (int)(p.HeightMeters / 5.2);
                    p.FloorAreaSquareMeters = Math.Round(rng.Range(80_000, 400_000));
                    if (p.HeightMeters > 24) p.Categories |= KeyPlaceCategory.HighRise;
                });

        var undergrounds = city ? (int)Math.Round(1 + 1.2 * millions) : 0;
        for (var i = 0; i < undergrounds; i++)
        {
            var kind = rng.Pick(KeyPlaceNames.Undergrounds);
            Place(book, grid, rng, 0.5, () => $"{rng.Pick(PlaceSyllables.UrbanAreas)}{kind}",
                KeyPlaceCategory.Underground | (kind.Contains("停车") ? KeyPlaceCategory.None : KeyPlaceCategory.Crowded),
                rng.Between(300, 6_000), town, p =>
                {
                    p.Floors = rng.Between(1, 3);
                    p.FloorAreaSquareMeters = Math.Round(rng.Range(6_000, 60_000));
                });
        }

        if (city)
        {
            var venues = KeyPlaceNames.CityVenues.ToList();
            rng.Shuffle(venues);
            foreach (var venue in venues.Take(rng.Between(2, 4)))
                Place(book, grid, rng, 0.9, () => $"{label}{venue}", KeyPlaceCategory.LargeComplex | KeyPlaceCategory.Crowded,
                    rng.Between(3_000, 30_000), town, p => p.FloorAreaSquareMeters = Math.Round(rng.Range(30_000, 200_000)));
        }

        var hospitals = city ? 1 + (int)(millions / 1.5) : 1;
        for (var i = 1; i <= hospitals; i++)
        {
            var ordinal = i;
            Place(book, grid, rng, 0.7, () => city ? $"{label}第{KeyPlaceNames.Ordinal(ordinal)}人民医院" : ordinal == 1 ? $"{label}人民医院" : $"{label}中医医院",
                KeyPlaceCategory.Crowded | KeyPlaceCategory.HighRise, rng.Between(1_500, 6_000), town, p =>
                {
                    p.HeightMeters = Math.Round(rng.Range(25, 90), 1);
                    p.Floors = (int)(p.HeightMeters / 4);
                });
        }
        var schools = city ? 1 + (int)(millions / 1.5) : 1;
        for (var i = 1; i <= schools; i++)
        {
            var ordinal = i;
            Place(book, grid, rng, 0.9, () => $"{label}第{KeyPlaceNames.Ordinal(ordinal)}中学", KeyPlaceCategory.Crowded,
                rng.Between(1_500, 5_000), town, null);
        }
        Place(book, grid, rng, 0.8, () => $"{rng.Pick(PlaceSyllables.UrbanAreas)}农贸市场", KeyPlaceCategory.Crowded, rng.Between(500, 3_000), town, null);
    }

    /// <summary>Places a key place in a block near a random intersection, nearer the centre more often.</summary>
    private static void Place(KeyPlaceBook book, UrbanGrid grid, Prng rng, double reach, Func<string> name,
        KeyPlaceCategory categories, int occupants, SettlementSite town, Action<KeyPlace>? building)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var node = rng.Pick(grid.Nodes);
            var d = node.Point.DistanceTo(grid.Centre) / grid.RadiusKm;
            if (d > reach || !rng.Chance(1 - 0.7 * d)) continue;
            var candidate = name();
            if (book.IsTaken(candidate)) continue;
            var km = node.Point + Vec.FromAngle(rng.Range(0, 2 * DetMath.Pi)) * rng.Range(0.04, 0.12);
            if (book.Add(candidate, categories, km, b => Addresses.Urban(b, grid, node, rng), occupants, town, building) is not null) return;
        }
    }
}
