using FireCommand.Core.Map;
using FireCommand.Core.Resources;

namespace FireCommand.Core.Demo;

/// <summary>
/// Fire water: hydrants along the urban streets (every 120 m in city cores as GB 50974 asks, sparser
/// further out and in county seats and towns), fire pools at key places and towns, natural sources
/// along rivers, ponds by villages and around reservoirs, and intake wharves (取水码头) where a river
/// passes a city or county seat.
/// </summary>
internal static class WaterSourcePlanner
{
    public static List<WaterSource> Plan(AdminPlan admin, SettlementPlan settlements, List<KeyPlaceSite> keyPlaces, int seed)
    {
        var rng = Prng.ForStage(seed, 9);
        var book = new WaterBook(admin, rng);
        AddHydrants(book, settlements.Urban.ToList(), rng.Between(3_600, 4_800), rng);
        foreach (var town in settlements.Towns)
        {
            var hydrants = rng.Between(3, 8);
            for (var i = 0; i < hydrants; i++)
                book.Add(WaterSourceKind.Hydrant, Around(town.Km, 0.1, 0.8, rng), _ => Addresses.Town(town, rng), Flow(rng), null);
            if (rng.Chance(0.7))
                book.Add(WaterSourceKind.FirePool, Around(town.Km, 0.2, 0.6, rng), _ => Addresses.Town(town, rng), null, Math.Round(rng.Range(100, 600)));
        }

        const KeyPlaceCategory needsPool = KeyPlaceCategory.Petrochemical | KeyPlaceCategory.LargeComplex | KeyPlaceCategory.HistoricTown |
            KeyPlaceCategory.HistoricVillage | KeyPlaceCategory.TraditionalVillage | KeyPlaceCategory.RelocationSettlement | KeyPlaceCategory.RuralHighRisk;
        foreach (var k in keyPlaces.Where(k => (k.Place.Categories & needsPool) != 0 && rng.Chance(0.6)))
        {
            var petro = (k.Place.Categories & KeyPlaceCategory.Petrochemical) != 0;
            book.Add(WaterSourceKind.FirePool, Around(k.Km, 0.03, 0.08, rng), _ => k.Place.Address ?? "", null,
                Math.Round(petro ? rng.Range(500, 2_000) : rng.Range(100, 600)));
        }

        var shape = admin.Shape;
        foreach (var river in shape.Rivers)
        {
            var next = rng.Range(2, 5);
            double travelled = 0;
            for (var i = 1; i < river.Count; i++)
            {
                travelled += river[i - 1].DistanceTo(river[i]);
                if (travelled < next) continue;
                next = travelled + rng.Range(3, 6);
                book.Add(WaterSourceKind.NaturalSource, Around(river[i], 0.03, 0.08, rng), b => $"{b.AddressPrefix}河段取水点", null, null);
            }
        }
        foreach (var dam in shape.Reservoirs)
        {
            var sources = rng.Between(3, 5);
            for (var i = 0; i < sources; i++)
                book.Add(WaterSourceKind.NaturalSource, Around(dam, 0.5, 1.5, rng), b => $"{b.AddressPrefix}水库", null, Math.Round(rng.Range(50_000, 500_000)));
        }
        foreach (var village in settlements.Villages.Where(_ => rng.Chance(0.3)))
            book.Add(WaterSourceKind.NaturalSource, Around(village.Km, 0.1, 0.3, rng), _ => Addresses.Village(village, rng) + "山塘",
                null, Math.Round(rng.Range(500, 20_000)));

        // Intake wharves where a river passes closest to a city, county seat or town; a reservoir
        // serves when the province has no river near anyone.
        var riverPoints = shape.Rivers.SelectMany(r => r).Concat(shape.Reservoirs).ToList();
        var wharves = settlements.Urban.Concat(settlements.Towns)
            .Select(s => (Site: s, Point: riverPoints.MinBy(p => p.DistanceTo(s.Km))))
            .Where(x => riverPoints.Count > 0)
            .OrderBy(x => x.Point.DistanceTo(x.Site.Km)).ThenBy(x => x.Site.Id)
            .Take(rng.Between(3, 6));
        foreach (var (_, point) in wharves)
            book.Add(WaterSourceKind.Intake, Around(point, 0.02, 0.05, rng), b => $"{b.AddressPrefix}取水码头", Math.Round(rng.Range(30, 60)), null);
        return book.Sources;
    }

    /// <summary>
    /// Hydrants along every urban street: 120 m apart in city cores (GB 50974), 200 m in
    /// county-seat cores, and an even spacing elsewhere chosen so the province ends up with
    /// <paramref name="budget"/> hydrants, enough to look dense and few enough to keep the map light.
    /// </summary>
    private static void AddHydrants(WaterBook book, List<SettlementSite> urban, int budget, Prng rng)
    {
        double CoreSpacing(SettlementSite u) => u.Kind == SettlementKind.City ? 0.12 : 0.2;
        bool IsCore(SettlementSite u, GridStreet s) =>
            Vec.Lerp(s.A.Point, s.B.Point, 0.5).DistanceTo(u.Grid!.Centre) < u.Grid.RadiusKm * (u.Kind == SettlementKind.City ? 0.35 : 0.3);
        double coreCount = 0, outerLength = 0;
        foreach (var u in urban)
        foreach (var street in u.Grid!.Streets)
        {
            var length = street.A.Point.DistanceTo(street.B.Point);
            if (IsCore(u, street)) coreCount += length / CoreSpacing(u);
            else outerLength += length;
        }
        var outerSpacing = Math.Max(0.3, outerLength / Math.Max(1, budget - coreCount));

        foreach (var u in urban)
        foreach (var street in u.Grid!.Streets)
        {
            var grid = u.Grid;
            var (a, b) = (street.A.Point, street.B.Point);
            var length = a.DistanceTo(b);
            var spacing = IsCore(u, street) ? CoreSpacing(u) : outerSpacing;
            var side = (b - a).Perp.Normalised() * 0.012;
            for (var s = rng.Range(0, spacing); s < length; s += spacing)
            {
                var near = s < length / 2 ? street.A : street.B;
                var p = Vec.Lerp(a, b, s / length) + side * (rng.Chance(0.5) ? 1 : -1);
                book.Add(WaterSourceKind.Hydrant, p, brigade => Addresses.Crossing(brigade, grid, near), Flow(rng), null);
            }
        }
    }

    /// <summary>Rated flow 10–15 L/s (GB 50974).</summary>
    private static double Flow(Prng rng) => Math.Round(rng.Range(10, 15) * 2) / 2;

    private static Vec Around(Vec centre, double minKm, double maxKm, Prng rng) =>
        centre + Vec.FromAngle(rng.Range(0, 2 * DetMath.Pi)) * rng.Range(minKm, maxKm);
}
