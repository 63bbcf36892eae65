using FireCommand.Core.Demo;
using FireCommand.Core.Map.Gazetteer;
using FireCommand.Geo;
using PlaceIndex = FireCommand.Core.Map.Gazetteer.Gazetteer;

namespace FireCommand.Bench.Gazetteer;

/// <summary>
/// The gazetteer of two demo provinces (seeds 1 and 2, ≈ 30,000 entries: settlements, stations, key
/// places, addresses, roads and crossings; 人民路 and friends recur in every city, as in life) and one
/// query of each kind a call-taker types, drawn from the data so every query has a real answer.
/// </summary>
internal sealed class GazetteerBenchData
{
    private static readonly Lazy<GazetteerBenchData> Cached = new(() => new GazetteerBenchData());

    public static GazetteerBenchData Instance => Cached.Value;

    private GazetteerBenchData()
    {
        var now = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(8));
        Entries = [.. new[] { 1, 2 }.SelectMany(seed =>
        {
            var p = DemoProvinceGenerator.Generate(seed, now);
            var source = new ProvinceGazetteerSource(p.Jurisdictions, p.Settlements, p.Stations, p.KeyPlaces, p.RoadSegments);
            return ProvinceGazetteer.Entries(source).Select(e => e with { Id = $"{seed}/{e.Id}" });
        })];
        Gazetteer = PlaceIndex.Build(Entries);

        var keyPlace = Entries.First(e => e.Kind == GazetteerKind.KeyPlace && e.Name.Contains("万达", StringComparison.Ordinal));
        var village = Entries.First(e => e.Kind == GazetteerKind.Village && e.Parents.Count >= 3);
        var crossing = Entries.First(e => e.Kind == GazetteerKind.Junction && e.Name.Contains("大道", StringComparison.Ordinal));
        var address = Entries.First(e => e.Kind == GazetteerKind.Address && e.Parents.Count >= 3);
        Near = keyPlace.Location;
        Queries = new Dictionary<string, string>
        {
            ["exact"] = keyPlace.Name,
            ["partial"] = "万达",
            ["typo"] = keyPlace.Name[0] + "州" + keyPlace.Name[2..],
            ["town+village"] = village.Parents[^1] + village.Name,
            ["crossing"] = $"{crossing.CrossingRoads[1]}和{crossing.CrossingRoads[0]}路口",
            // 万达广场 by its initials: inside the initials of every X万达广场.
            ["pinyin"] = "wdgc",
            ["address"] = address.Name,
            ["no-match"] = "火星基地指挥中心",
        };
    }

    public GazetteerEntry[] Entries { get; }

    public PlaceIndex Gazetteer { get; }

    /// <summary>Where the caller is: the key place of the exact query, so ranking by distance runs too.</summary>
    public GeoPoint Near { get; }

    public IReadOnlyDictionary<string, string> Queries { get; }

}
