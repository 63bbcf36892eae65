using FireCommand.Core.Map;
using FireCommand.Core.Resources;

namespace FireCommand.Core.Demo;

/// <summary>
/// Fire-rescue stations of cities and county seats. A city gets 1–2 特勤站 near the centre and
/// 一级/二级/小型站 spread over the built-up area (small stations in the dense core, 一级站 on the
/// growing edge); a county seat gets its 一级站 and, if large, a second station.
/// </summary>
internal static class UrbanStations
{
    /// <summary>Adds <paramref name="total"/> (at least 4) stations to a city.</summary>
    public static void AddCity(StationBook book, SettlementSite city, int total, PlaceNamer namer, Prng rng)
    {
        var grid = city.Grid!;
        var specials = total >= 8 ? 2 : 1;
        var class1 = (int)Math.Ceiling((total - specials) * 0.4);
        var class2 = (int)Math.Round((total - specials) * 0.35);
        var small = total - specials - class1 - class2;
        var spacing = 0.9 * Math.Sqrt(DetMath.Pi * grid.RadiusKm * grid.RadiusKm / total);

        var chosen = new List<GridNode> { Spread(grid, rng, [], 0, 0.3) ?? grid.Nodes[0] };
        while (chosen.Count < total && spacing > 0.05)
        {
            var node = Spread(grid, rng, chosen, spacing, 0.9);
            if (node is null) spacing *= 0.9;
            else chosen.Add(node);
        }
        // The first special station stays central; of the rest the core gets the small stations, the edge the big ones.
        var rest = chosen.Skip(1).OrderBy(n => n.Point.DistanceTo(grid.Centre)).ToList();
        var kinds = new List<StationKind>();
        kinds.AddRange(Enumerable.Repeat(StationKind.Small, small));
        kinds.AddRange(Enumerable.Repeat(StationKind.Class2, class2));
        kinds.AddRange(Enumerable.Repeat(StationKind.Special, specials - 1));
        kinds.AddRange(Enumerable.Repeat(StationKind.Class1, class1));
        Add(book, city, chosen[0], StationKind.Special, namer, rng);
        for (var i = 0; i < rest.Count && i < kinds.Count; i++) Add(book, city, rest[i], kinds[i], namer, rng);

        // Every urban district brigade has a station of its own.
        foreach (var district in city.City!.Brigades.Where(b => b.IsDistrict))
        {
            if (book.Sites.Any(s => s.Brigade == district)) continue;
            var node = grid.Nodes.Where(n => !book.IsOccupied(n.Point, 0.8) && book.BrigadeAt(n.Point) == district)
                .MinBy(n => n.Point.DistanceTo(district.Seat));
            if (node is not null) Add(book, city, node, StationKind.Class2, namer, rng);
        }
    }

    public static void AddCountySeat(StationBook book, SettlementSite seat, PlaceNamer namer, Prng rng)
    {
        var grid = seat.Grid!;
        var first = Spread(grid, rng, [], 0, 0.35) ?? grid.Nodes[0];
        var county = seat.Name.Name;
        book.Add(StationKind.Class1, first.Point, StationSetting.Suburban,
            _ => ($"{county}一级消防救援站", $"{county}一级站"), b => Addresses.Urban(b, grid, first, rng));
        if (seat.Population < 180_000) return;
        var second = Spread(grid, rng, [first], 1.2, 0.95);
        if (second is null) return;
        var kind = rng.Chance(0.6) ? StationKind.Class2 : StationKind.Small;
        var area = namer.UrbanArea();
        book.Add(kind, second.Point, StationSetting.Suburban,
            _ => ($"{county}{area}{(kind == StationKind.Class2 ? "二级" : "小型")}消防救援站", $"{county}{area}站"),
            b => Addresses.Urban(b, grid, second, rng));
    }

    private static StationSite? Add(StationBook book, SettlementSite city, GridNode node, StationKind kind, PlaceNamer namer, Prng rng)
    {
        var area = namer.UrbanArea();
        var (label, shortLabel) = kind switch
        {
            StationKind.Special => ("特勤站", "特勤站"),
            StationKind.Small => ("小型消防救援站", "小型站"),
            _ => ("消防救援站", "站"),
        };
        return book.Add(kind, node.Point, StationSetting.Urban,
            b => ($"{city.Name.Name}{b.Name.Name}{area}{label}", $"{area}{shortLabel}"),
            b => Addresses.Urban(b, city.Grid!, node, rng));
    }

    /// <summary>A random intersection within <paramref name="reach"/> × radius of the centre and at least <paramref name="spacingKm"/> from the chosen ones.</summary>
    private static GridNode? Spread(UrbanGrid grid, Prng rng, List<GridNode> chosen, double spacingKm, double reach)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var node = rng.Pick(grid.Nodes);
            if (node.Point.DistanceTo(grid.Centre) > reach * grid.RadiusKm) continue;
            if (chosen.Any(c => c.Point.DistanceTo(node.Point) < spacingKm)) continue;
            return node;
        }
        return null;
    }
}
