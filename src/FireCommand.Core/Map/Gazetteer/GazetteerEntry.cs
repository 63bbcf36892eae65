using FireCommand.Geo;

namespace FireCommand.Core.Map.Gazetteer;

/// <summary>What a gazetteer entry names.</summary>
public enum GazetteerKind
{
    /// <summary>消防安全重点单位 or area.</summary>
    KeyPlace = 1,
    /// <summary>Fire station or grassroots team.</summary>
    Station = 2,
    /// <summary>地级市 city centre.</summary>
    City = 3,
    /// <summary>县城 county seat.</summary>
    CountySeat = 4,
    /// <summary>乡镇 town or township.</summary>
    Town = 5,
    /// <summary>村 village.</summary>
    Village = 6,
    /// <summary>A named road, one entry per connected stretch of that name.</summary>
    Road = 7,
    /// <summary>A crossing of two differently named roads (交叉口).</summary>
    Junction = 8,
    /// <summary>Any other point of interest.</summary>
    Poi = 9,
    /// <summary>A postal address (门牌).</summary>
    Address = 10,
}

/// <summary>
/// One place the call-taker can find. Immutable once handed to <see cref="Gazetteer.Build"/>, which
/// takes its own copies of the lists, so it is safe to share between threads.
/// </summary>
/// <param name="Id">Stable, unique id such as "station:12"; ties in ranking are broken by build order, not by id.</param>
/// <param name="Kind">What the entry names.</param>
/// <param name="Name">The name as written, e.g. "青山县人民医院" or "滨江路与解放路交叉口".</param>
/// <param name="Location">WGS-84 position: the place itself, a road's representative point or the crossing.</param>
public sealed record GazetteerEntry(string Id, GazetteerKind Kind, string Name, GeoPoint Location)
{
    /// <summary>Other names callers use (short names, former names); searched like <see cref="Name"/>.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>
    /// Enclosing places, outermost first ("江州市", "青山县", "石门镇"): shown as context and used to
    /// prefer this entry when a query names them first ("石门镇大坪村").
    /// </summary>
    public IReadOnlyList<string> Parents { get; init; } = [];

    /// <summary>For <see cref="GazetteerKind.Junction"/>: the names of the two crossing roads.</summary>
    public IReadOnlyList<string> CrossingRoads { get; init; } = [];

    /// <summary>The box the place spans (roads), when it is more than a point; distance ranking measures to it.</summary>
    public GeoExtent? Extent { get; init; }

    /// <summary>The jurisdiction (大队) the place lies in, when known.</summary>
    public long? JurisdictionId { get; init; }

    /// <summary>Popularity or importance in [0, 1]; ranks equally good matches (a city before a village).</summary>
    public double Importance { get; init; } = 0.5;
}

/// <summary>
/// A latitude/longitude box (WGS-84 degrees) an entry spans, such as a road's. Ranking by distance
/// measures to the nearest point of the box, so a caller anywhere along a 100 km expressway is
/// near it, not only one near its pin. Immutable.
/// </summary>
public readonly record struct GeoExtent(double MinLatitude, double MinLongitude, double MaxLatitude, double MaxLongitude)
{
    /// <summary>True when both corners are valid WGS-84 points and min ≤ max.</summary>
    public bool IsValid =>
        new GeoPoint(MinLatitude, MinLongitude).IsValid && new GeoPoint(MaxLatitude, MaxLongitude).IsValid &&
        MinLatitude <= MaxLatitude && MinLongitude <= MaxLongitude;

    /// <summary>The point of the box nearest <paramref name="p"/> (<paramref name="p"/> itself when inside).</summary>
    public GeoPoint Nearest(GeoPoint p) =>
        new(Math.Clamp(p.Latitude, MinLatitude, MaxLatitude), Math.Clamp(p.Longitude, MinLongitude, MaxLongitude));
}
