using System.Globalization;
using FireCommand.Core.Resources;

namespace FireCommand.Core.Map.Gazetteer;

/// <summary>
/// Turns the platform's records into gazetteer entries: settlements, stations, key places, their
/// addresses, roads and road crossings. Free of EF Core: the caller loads the rows (the API from its
/// DbContext, the demo from the generator) and passes them in. Pure and thread-safe.
/// </summary>
public static class ProvinceGazetteer
{
    private static readonly string[] GenericStationWords = ["一级", "二级", "小型", "特勤", "微型", "消防", "专职", "乡镇", "政府"];

    /// <summary>
    /// The entries for <paramref name="source"/>, in a deterministic order (settlements, stations, key
    /// places, addresses, roads, crossings; each by id):
    /// <list type="bullet">
    /// <item>settlements, with their county and, for a village, the nearest town of its jurisdiction
    /// as context (the town its address names; settlement rows carry no parent);</item>
    /// <item>stations, with the name shorn of its city and district (麓谷特勤站) and 消防站 for 消防救援站 as aliases;</item>
    /// <item>key places, and the postal addresses of key places and stations as <see cref="GazetteerKind.Address"/> entries;</item>
    /// <item>roads: the segments of one name merged into one entry per connected stretch (each city's
    /// 人民路 is its own), pinned at the vertex nearest the middle of its extent, with that extent;</item>
    /// <item>crossings "A与B交叉口" (alias "B与A交叉口") at each junction shared by two differently named
    /// roads, the bigger road first, one per pair of roads within 300 m;</item>
    /// <item>roads and crossings take the jurisdiction whose boundary holds their pin (else that of the
    /// nearest town, county seat or city) and its names as context;</item>
    /// <item>a province package's names (POIs, other names, addresses) that no record above already gives,
    /// placed in a jurisdiction the same way (see <see cref="PackageNameGazetteer"/>).</item>
    /// </list>
    /// Ids are "settlement:12", "station:3", "keyplace:40", "address:keyplace:40", "road:{lowest segment id}",
    /// "junction:{junction id}:{road id}:{road id}", "name:{index in the package's names}". Importance: city 1.0, county seat 0.85, stations
    /// 0.45–0.8 by kind, key places 0.6–0.8 by occupants, towns and villages by population, roads by class.
    /// </summary>
    public static IReadOnlyList<GazetteerEntry> Entries(ProvinceGazetteerSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var context = new PlaceContext(source.Jurisdictions, source.Settlements);
        var entries = new List<GazetteerEntry>();
        entries.AddRange(source.Settlements.OrderBy(s => s.Id).Select(s => Settlement(s, context)));
        entries.AddRange(source.Stations.OrderBy(s => s.Id).Select(s => Station(s, context)));
        entries.AddRange(source.KeyPlaces.OrderBy(k => k.Id).Select(k => KeyPlace(k, context)));
        entries.AddRange(source.KeyPlaces.OrderBy(k => k.Id).Where(k => !string.IsNullOrWhiteSpace(k.Address))
            .Select(k => Address("keyplace", k.Id, k.Address!, k.Location, k.JurisdictionId, context)));
        entries.AddRange(source.Stations.OrderBy(s => s.Id).Where(s => !string.IsNullOrWhiteSpace(s.Address))
            .Select(s => Address("station", s.Id, s.Address!, s.Location, s.JurisdictionId, context)));
        entries.AddRange(RoadGazetteer.Entries(source.RoadSegments, context));
        if (source.Names is { Count: > 0 } names) entries.AddRange(PackageNameGazetteer.Entries(names, entries, context).ToList());
        return entries;
    }

    private static GazetteerEntry Settlement(Settlement s, PlaceContext context)
    {
        var chain = context.Chain(s.JurisdictionId);
        var (kind, parents, importance) = s.Kind switch
        {
            // A city's row sits in its central district; its only parent is the province.
            SettlementKind.City => (GazetteerKind.City, context.ProvinceName is { } p ? [p] : new List<string>(), 1.0),
            SettlementKind.CountySeat => (GazetteerKind.CountySeat, chain.Where(n => n != s.Name).ToList(), 0.85),
            SettlementKind.Town => (GazetteerKind.Town, chain, 0.6 + Math.Min(0.1, s.Population / 600_000.0)),
            _ => (GazetteerKind.Village, WithTown(chain, context.NearestTown(s)), 0.3 + Math.Min(0.1, s.Population / 40_000.0)),
        };
        return new GazetteerEntry(Id("settlement", s.Id), kind, s.Name, PlaceContext.Position(s.Location))
        {
            Parents = parents,
            JurisdictionId = s.JurisdictionId,
            Importance = importance,
        };
    }

    private static GazetteerEntry Station(Station s, PlaceContext context)
    {
        var chain = context.Chain(s.JurisdictionId);
        var parents = chain.Concat(context.SettlementsIn(s.Address, s.JurisdictionId)).ToList();
        // Callers and crews say "麓谷特勤站" for 江州市临川区麓谷特勤站; a bare class ("一级消防救援站") names no one station.
        var shortName = chain.Aggregate(s.Name, (name, p) => name.StartsWith(p, StringComparison.Ordinal) ? name[p.Length..] : name);
        if (shortName.Length < 3 || GenericStationWords.Any(w => shortName.StartsWith(w, StringComparison.Ordinal))) shortName = s.Name;
        var aliases = new[] { shortName, s.Name.Replace("消防救援站", "消防站"), shortName.Replace("消防救援站", "消防站") }
            .Where(a => a != s.Name).Distinct().ToList();
        var importance = s.Kind switch
        {
            StationKind.Special or StationKind.Class1 => 0.8,
            StationKind.Class2 or StationKind.Small => 0.7,
            StationKind.FullTime or StationKind.TownshipTeam => 0.6,
            _ => 0.45,
        };
        return new GazetteerEntry(Id("station", s.Id), GazetteerKind.Station, s.Name, PlaceContext.Position(s.Location))
        {
            Aliases = aliases,
            Parents = parents,
            JurisdictionId = s.JurisdictionId,
            Importance = importance,
        };
    }

    private static GazetteerEntry KeyPlace(KeyPlace k, PlaceContext context)
    {
        var parents = context.Chain(k.JurisdictionId);
        parents.AddRange(context.SettlementsIn(k.Address, k.JurisdictionId));
        return new GazetteerEntry(Id("keyplace", k.Id), GazetteerKind.KeyPlace, k.Name, PlaceContext.Position(k.Location))
        {
            Parents = parents,
            JurisdictionId = k.JurisdictionId,
            Importance = 0.6 + Math.Min(0.2, (k.Occupants ?? 0) / 50_000.0),
        };
    }

    private static GazetteerEntry Address(string owner, long id, string address, NetTopologySuite.Geometries.Point location,
        long jurisdictionId, PlaceContext context)
    {
        var parents = context.Chain(jurisdictionId);
        parents.AddRange(context.SettlementsIn(address, jurisdictionId));
        return new GazetteerEntry(Id("address:" + owner, id), GazetteerKind.Address, address, PlaceContext.Position(location))
        {
            Parents = parents,
            JurisdictionId = jurisdictionId,
            Importance = 0.25,
        };
    }

    private static List<string> WithTown(List<string> chain, Settlement? town)
    {
        if (town is not null) chain.Add(town.Name);
        return chain;
    }

    internal static string Id(string kind, long id) => kind + ":" + id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The platform records a gazetteer is built from, as loaded from the database (or taken from a
/// generated demo province). Only read; navigation properties are not used, so rows loaded without
/// includes work.
/// </summary>
/// <param name="Jurisdictions">The 总队/支队/大队 tree with boundaries; names become the places' context
/// (江州市消防救援支队 → 江州市, 青山县大队 → 青山县) and boundaries place roads in a jurisdiction.</param>
/// <param name="Settlements">Cities, county seats, towns and villages.</param>
/// <param name="Stations">Fire stations and teams.</param>
/// <param name="KeyPlaces">Key places (重点单位).</param>
/// <param name="RoadSegments">Road segments; named ones become roads and crossings.</param>
/// <param name="Names">A province package's gazetteer names (records.json <c>names</c>); none for the demo province.</param>
public sealed record ProvinceGazetteerSource(
    IReadOnlyList<Jurisdiction> Jurisdictions,
    IReadOnlyList<Settlement> Settlements,
    IReadOnlyList<Station> Stations,
    IReadOnlyList<KeyPlace> KeyPlaces,
    IReadOnlyList<RoadSegment> RoadSegments,
    IReadOnlyList<Province.NameRecord>? Names = null);
