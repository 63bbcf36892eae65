namespace FireCommand.Core.Demo;

/// <summary>All key places of the province, urban first, then rural; ids 1..n in that order.</summary>
internal static class KeyPlacePlanner
{
    public static List<KeyPlaceSite> Plan(AdminPlan admin, SettlementPlan settlements, int seed)
    {
        var rng = Prng.ForStage(seed, 5);
        var book = new KeyPlaceBook(admin, rng);
        foreach (var urban in settlements.Urban) UrbanKeyPlaces.Add(book, urban, rng);
        RuralKeyPlaces.Add(book, settlements, rng);
        return book.Sites;
    }
}
