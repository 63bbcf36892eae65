namespace FireCommand.Core.Demo;

/// <summary>
/// All stations of the province (about 100): the urban stations the cities and county seats need,
/// then grassroots teams and micro stations up to a seed-chosen total. Ids 1..n in that order.
/// </summary>
internal static class StationPlanner
{
    public static List<StationSite> Plan(AdminPlan admin, SettlementPlan settlements, List<KeyPlaceSite> keyPlaces,
        NameRegistry names, int seed)
    {
        var rng = Prng.ForStage(seed, 6);
        var namer = new PlaceNamer(rng, names);
        var book = new StationBook(admin, rng);
        // The cities share a fixed number of stations by population, so the province's fleet size
        // does not swing with how many cities a seed happens to draw.
        var cityStations = rng.Between(32, 38);
        var people = settlements.Cities.Sum(c => (double)c.Population);
        foreach (var city in settlements.Cities)
            UrbanStations.AddCity(book, city, Math.Max(4, (int)Math.Round(cityStations * city.Population / people)), namer, rng);
        foreach (var seat in settlements.CountySeats) UrbanStations.AddCountySeat(book, seat, namer, rng);

        var target = rng.Between(98, 114);
        var remaining = Math.Max(16, target - book.Sites.Count);
        var micro = Math.Min(rng.Between(8, 14), remaining / 3);
        var fullTime = (remaining - micro) * 3 / 10;
        RuralStations.AddTownTeams(book, settlements.Towns, fullTime, remaining - micro - fullTime, rng);
        RuralStations.AddMicroStations(book, settlements.Villages, keyPlaces, micro, rng);

        for (var i = 0; i < book.Sites.Count; i++) book.Sites[i].Station.Id = i + 1;
        StationDistricts.Assign(admin, book.Sites);
        return book.Sites;
    }
}
