using System.Globalization;
using FireCommand.Core.Demo;
using FireCommand.Core.Resources;
using FireCommand.Geo;
using FireCommand.Geo.Import.Osm.Features;
using FireCommand.Geo.Profiles;
using NetTopologySuite.Geometries;

namespace FireCommand.Core.Map.Province;

/// <summary>
/// Turns the features of an extract into package records: stations with a generated fleet, water
/// sources, settlements, road pieces and gazetteer names, each placed in the deepest jurisdiction that
/// covers it (the first brigade when none does, so a station just outside a clipped boundary still
/// belongs somewhere). Pure and deterministic.
/// </summary>
internal static class ProvinceRecordsBuilder
{
    /// <summary>OSM says nothing of a station's class; 二级站 is the common urban station and gets the
    /// ordinary line-up (main pumper, tender, rescue), a fair default until the corps' list replaces it.</summary>
    public const StationKind DefaultStationKind = StationKind.Class2;

    public static ProvinceRecords Build(List<Jurisdiction> tree, Dictionary<long, string> sources, OsmFeatureSet features)
    {
        var Locate = Locator(tree);

        var stations = new List<StationRecord>();
        long unitId = 0;
        foreach (var f in features.Features.Where(f => f.Kind == OsmFeatureKind.FireStation).OrderBy(f => f.Source, StringComparer.Ordinal))
        {
            var id = stations.Count + 1;
            var name = Name(f.Tags) ?? Tag(f.Tags, "official_name") ?? $"消防站 {f.Source}";
            var units = Fleet(id, name, DefaultStationKind, ref unitId);
            stations.Add(new StationRecord(id, name, DefaultStationKind, f.Location.Latitude, f.Location.Longitude, Address(f.Tags),
                Tag(f.Tags, "phone"), Locate(f.Location), $"osm:{f.Source}", units));
        }

        var water = new List<WaterSourceRecord>();
        foreach (var f in features.Features.Where(f => WaterKind(f.Kind) is not null).OrderBy(f => f.Source, StringComparer.Ordinal))
            water.Add(new WaterSourceRecord(water.Count + 1, Tag(f.Tags, "ref") ?? $"OSM-{f.Source}", WaterKind(f.Kind)!.Value,
                f.Location.Latitude, f.Location.Longitude, Address(f.Tags), Capacity(f.Tags), Locate(f.Location), $"osm:{f.Source}"));

        var settlements = new List<SettlementRecord>();
        foreach (var f in features.Features.Where(f => f.Kind == OsmFeatureKind.Place).OrderBy(f => f.Source, StringComparer.Ordinal))
            settlements.Add(new SettlementRecord(settlements.Count + 1, Name(f.Tags)!, SettlementKindOf(Tag(f.Tags, "place")),
                f.Location.Latitude, f.Location.Longitude, Population(f.Tags), Locate(f.Location), $"osm:{f.Source}"));

        var roads = features.Roads.Select((r, i) => new RoadRecord(i + 1, r.Name, ClassOf(r.Kind), r.FromNode, r.ToNode, r.OneWay,
            r.Shape.Select(p => new[] { p.Longitude, p.Latitude }).ToArray(), Length(r.Shape))).ToList();

        return new ProvinceRecords(
            tree.Select(j => new JurisdictionRecord(j.Id, j.Name, j.Code, j.Level, j.ParentId, Rings(j.Boundary!), sources[j.Id])).ToList(),
            stations, water, settlements, roads, Names(features));
    }

    /// <summary>The deepest jurisdiction covering a point, or the first brigade.</summary>
    internal static Func<GeoPoint, long> Locator(List<Jurisdiction> tree)
    {
        var locator = new JurisdictionLocator(tree);
        var fallback = tree.First(j => j.Level == JurisdictionLevel.Brigade).Id;
        return p => locator.Locate(Shared.Geography.Point(p.Latitude, p.Longitude)) ?? fallback;
    }

    internal static List<UnitRecord> Fleet(long stationId, string stationName, StationKind kind, ref long unitId)
    {
        // Seeded by the station's position in the package so a rebuild gives the same fleet.
        var rng = Prng.ForStage((int)stationId, 71);
        var (core, _, min, _) = ApparatusCatalog.LineUp(kind, rng);
        var perLabel = new Dictionary<string, int>(StringComparer.Ordinal);
        var units = new List<UnitRecord>();
        foreach (var type in core.Take(Math.Max(min, 1)))
        {
            var spec = ApparatusCatalog.Spec(type, kind, rng);
            var n = perLabel[spec.Label] = perLabel.GetValueOrDefault(spec.Label) + 1;
            units.Add(new UnitRecord(++unitId, $"{stationName} {spec.Label}{n}", type, spec.Capabilities, spec.WaterLiters,
                spec.FoamLiters, spec.ReachMeters, spec.Seats, Generated: true));
        }
        return units;
    }

    private static List<NameRecord> Names(OsmFeatureSet features)
    {
        var names = new List<NameRecord>();
        foreach (var street in features.Roads.Where(r => r.Name is not null).GroupBy(r => r.Name!, StringComparer.Ordinal)
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var shape = street.First().Shape;
            var mid = shape[shape.Length / 2];
            names.Add(new NameRecord(street.Key, "street", mid.Latitude, mid.Longitude, "osm:highway"));
        }
        foreach (var f in features.Features.OrderBy(f => f.Source, StringComparer.Ordinal))
        {
            var kind = f.Kind switch
            {
                OsmFeatureKind.FireStation => "station",
                OsmFeatureKind.Place => "place",
                OsmFeatureKind.Named => "poi",
                _ => "water",
            };
            foreach (var key in new[] { "name", "name:zh", "alt_name", "official_name" })
                if (Tag(f.Tags, key) is { } n) names.Add(new NameRecord(n, kind, f.Location.Latitude, f.Location.Longitude, $"osm:{f.Source}"));
            if (Address(f.Tags) is { } address)
                names.Add(new NameRecord(address, "address", f.Location.Latitude, f.Location.Longitude, $"osm:{f.Source}"));
        }
        return names.DistinctBy(n => (n.Name, n.Kind, n.Source)).ToList();
    }

    private static WaterSourceKind? WaterKind(OsmFeatureKind kind) => kind switch
    {
        OsmFeatureKind.Hydrant => WaterSourceKind.Hydrant,
        OsmFeatureKind.WaterTank or OsmFeatureKind.FireWaterPond => WaterSourceKind.FirePool,
        OsmFeatureKind.SuctionPoint => WaterSourceKind.NaturalSource,
        _ => null,
    };

    private static SettlementKind SettlementKindOf(string? place) => place switch
    {
        "city" => SettlementKind.City,
        "town" => SettlementKind.Town,
        _ => SettlementKind.Village,
    };

    internal static RoadClass ClassOf(RoadKind kind) => kind switch
    {
        RoadKind.Motorway or RoadKind.MotorwayLink => RoadClass.Expressway,
        RoadKind.Trunk or RoadKind.TrunkLink or RoadKind.Primary or RoadKind.PrimaryLink => RoadClass.Arterial,
        RoadKind.Secondary or RoadKind.SecondaryLink or RoadKind.Tertiary or RoadKind.TertiaryLink => RoadClass.UrbanStreet,
        _ => RoadClass.Local,
    };

    /// <summary>"addr:street addr:housenumber", with the city in front when given; null without a street or place.</summary>
    private static string? Address(IReadOnlyDictionary<string, string> tags)
    {
        var street = Tag(tags, "addr:street") ?? Tag(tags, "addr:place");
        if (street is null) return Tag(tags, "addr:full");
        var number = Tag(tags, "addr:housenumber");
        var city = Tag(tags, "addr:city");
        return string.Join(" ", new[] { city, street, number }.Where(s => s is not null));
    }

    private static string? Name(IReadOnlyDictionary<string, string> tags) => Tag(tags, "name:zh") ?? Tag(tags, "name");

    private static string? Tag(IReadOnlyDictionary<string, string> tags, string key) =>
        tags.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    private static int Population(IReadOnlyDictionary<string, string> tags) =>
        int.TryParse(Tag(tags, "population")?.Replace(",", "", StringComparison.Ordinal), NumberStyles.Integer,
            CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : 0;

    private static double? Capacity(IReadOnlyDictionary<string, string> tags) =>
        double.TryParse(Tag(tags, "water_tank:volume") ?? Tag(tags, "capacity"), NumberStyles.Float, CultureInfo.InvariantCulture,
            out var v) && v > 0 ? v : null;

    private static double Length(GeoPoint[] shape)
    {
        double meters = 0;
        for (var i = 1; i < shape.Length; i++) meters += shape[i - 1].DistanceMetersTo(shape[i]);
        return meters;
    }

    private static List<double[][]> Rings(MultiPolygon area) =>
        area.Geometries.Cast<Polygon>().Select(p => p.ExteriorRing.Coordinates.Select(c => new[] { c.X, c.Y }).ToArray()).ToList();
}
