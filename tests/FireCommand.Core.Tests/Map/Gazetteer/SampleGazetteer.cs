using FireCommand.Core.Map.Gazetteer;
using FireCommand.Geo;

namespace FireCommand.Core.Tests.Map.Gazetteer;

/// <summary>
/// A small hand-made gazetteer for behaviour tests: a city district (临川区, around 28.20 N 112.90 E)
/// and a county (青山县, about 60 km north-east) that share some names (人民路, 大坪村, 万达广场), as
/// real cities do.
/// </summary>
internal static class SampleGazetteer
{
    public static readonly GeoPoint Linchuan = new(28.20, 112.90);
    public static readonly GeoPoint Qingshan = new(28.60, 113.40);

    private static readonly string[] InLinchuan = ["江州市", "临川区"];
    private static readonly string[] InQingshan = ["江州市", "青山县"];

    public static IReadOnlyList<GazetteerEntry> Entries() =>
    [
        Place("city:1", GazetteerKind.City, "江州市", Linchuan, ["云江省"], 1.0),
        Place("county:1", GazetteerKind.CountySeat, "青山县", Qingshan, ["江州市"], 0.85),
        Place("town:1", GazetteerKind.Town, "石门镇", At(Qingshan, 0.05, 0.02), InQingshan, 0.6),
        Place("town:2", GazetteerKind.Town, "白沙镇", At(Linchuan, -0.06, 0.03), InLinchuan, 0.6),
        Place("village:1", GazetteerKind.Village, "大坪村", At(Qingshan, 0.07, 0.03), [.. InQingshan, "石门镇"], 0.3),
        Place("village:2", GazetteerKind.Village, "大坪村", At(Linchuan, -0.07, 0.04), [.. InLinchuan, "白沙镇"], 0.35),
        Place("village:3", GazetteerKind.Village, "王家坪村", At(Qingshan, 0.06, 0.05), [.. InQingshan, "石门镇"], 0.3),
        Place("village:4", GazetteerKind.Village, "人民村", At(Qingshan, -0.05, 0.05), [.. InQingshan, "石门镇"], 0.3),
        Place("kp:1", GazetteerKind.KeyPlace, "青山县人民医院", At(Qingshan, 0.003, 0.001), InQingshan, 0.65),
        Place("kp:2", GazetteerKind.KeyPlace, "江州市第一人民医院", At(Linchuan, 0.002, 0.002), InLinchuan, 0.7),
        Place("kp:3", GazetteerKind.KeyPlace, "临川万达广场", At(Linchuan, 0.01, 0.01), InLinchuan, 0.7),
        Place("kp:4", GazetteerKind.KeyPlace, "青山万达广场", At(Qingshan, 0.01, 0.01), InQingshan, 0.6),
        Place("kp:5", GazetteerKind.KeyPlace, "白沙古镇", At(Linchuan, -0.061, 0.031), [.. InLinchuan, "白沙镇"], 0.6),
        Place("kp:6", GazetteerKind.KeyPlace, "国际大厦", At(Linchuan, 0.004, -0.004), InLinchuan, 0.6),
        Place("station:1", GazetteerKind.Station, "江州市临川区滨江消防救援站", At(Linchuan, 0.005, 0.0), InLinchuan, 0.7)
            with { Aliases = ["滨江消防救援站", "滨江消防站"] },
        Place("road:1", GazetteerKind.Road, "滨江路", At(Linchuan, 0.0, 0.01), InLinchuan, 0.6),
        Place("road:2", GazetteerKind.Road, "解放路", At(Linchuan, 0.01, 0.0), InLinchuan, 0.6),
        Place("road:3", GazetteerKind.Road, "人民路", At(Linchuan, 0.02, 0.0), InLinchuan, 0.6),
        Place("road:4", GazetteerKind.Road, "和平路", At(Linchuan, 0.03, 0.0), InLinchuan, 0.6),
        Place("road:5", GazetteerKind.Road, "人民路", At(Qingshan, 0.02, 0.0), InQingshan, 0.6),
        Place("road:6", GazetteerKind.Road, "解放大道", At(Qingshan, 0.0, 0.02), InQingshan, 0.7),
        Place("road:7", GazetteerKind.Road, "G60沪昆高速", At(Linchuan, 0.2, 0.2), ["江州市"], 0.75)
            with { Extent = new GeoExtent(28.1, 112.8, 28.7, 113.5) },
        Crossing("junction:1", "解放路", "滨江路", At(Linchuan, 0.01, 0.01), InLinchuan),
        Crossing("junction:2", "解放大道", "人民路", At(Qingshan, 0.02, 0.02), InQingshan),
        Crossing("junction:3", "解放路", "和平路", At(Linchuan, 0.03, 0.01), InLinchuan),
        Crossing("junction:4", "解放路", "人民路", At(Linchuan, 0.02, 0.01), InLinchuan),
    ];

    public static Core.Map.Gazetteer.Gazetteer Build() => Core.Map.Gazetteer.Gazetteer.Build(Entries());

    public static GeoPoint At(GeoPoint origin, double dLat, double dLon) => new(origin.Latitude + dLat, origin.Longitude + dLon);

    private static GazetteerEntry Place(string id, GazetteerKind kind, string name, GeoPoint at, string[] parents, double importance) =>
        new(id, kind, name, at) { Parents = parents, Importance = importance };

    private static GazetteerEntry Crossing(string id, string a, string b, GeoPoint at, string[] parents) =>
        new(id, GazetteerKind.Junction, $"{a}与{b}交叉口", at)
        {
            Aliases = [$"{b}与{a}交叉口"],
            CrossingRoads = [a, b],
            Parents = parents,
            Importance = 0.45,
        };
}
