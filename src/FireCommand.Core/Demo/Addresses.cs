namespace FireCommand.Core.Demo;

/// <summary>Postal addresses and telephone numbers in the forms Chinese records use.</summary>
internal static class Addresses
{
    private static readonly IReadOnlyList<string> TownStreets = ["人民路", "解放路", "正街", "新街", "中山路", "建设路", "和平街", "老街", "河街", "兴业路"];

    /// <summary>"江州市临川区人民路128号": the brigade's city and district, then the street of the nearest intersection.</summary>
    public static string Urban(BrigadePlan brigade, UrbanGrid grid, GridNode node, Prng rng) =>
        $"{brigade.AddressPrefix}{(rng.Chance(0.5) ? grid.RowStreet(node) : grid.ColumnStreet(node))}{rng.Between(1, 460)}号";

    /// <summary>"江州市临川区人民路与解放大道交叉口", how hydrants are usually recorded.</summary>
    public static string Crossing(BrigadePlan brigade, UrbanGrid grid, GridNode node) =>
        $"{brigade.AddressPrefix}{grid.RowStreet(node)}与{grid.ColumnStreet(node)}交叉口";

    /// <summary>"江州市青山县石门镇正街36号".</summary>
    public static string Town(SettlementSite town, Prng rng) => $"{town.Address}{rng.Pick(TownStreets)}{rng.Between(1, 180)}号";

    /// <summary>"江州市青山县石门镇大坪村5组".</summary>
    public static string Village(SettlementSite village, Prng rng) => $"{village.Address}{rng.Between(1, 12)}组";

    /// <summary>A landline in the city's area code, e.g. "0736-82345678".</summary>
    public static string Landline(CityPlan city, Prng rng) => $"{city.AreaCode}-{rng.Between(22_000_000, 89_999_999)}";
}
