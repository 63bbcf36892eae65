using FireCommand.Core.Resources;
using FireCommand.Geo;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace FireCommand.Core.Map.Gazetteer;

/// <summary>
/// Context for gazetteer entries built from platform records: the administrative names that enclose a
/// place (江州市 → 青山县 → 石门镇) and the brigade a bare point lies in. Built once per
/// <see cref="ProvinceGazetteer.Entries"/> call and only read afterwards.
/// </summary>
internal sealed class PlaceContext
{
    private static readonly string[] UnitSuffixes =
        ["消防救援总队", "消防救援支队", "消防救援大队", "消防总队", "消防支队", "消防大队", "总队", "支队", "大队"];

    private readonly Dictionary<long, Jurisdiction> _byId;
    private readonly Dictionary<long, string> _names = [];
    private readonly STRtree<(long Id, IPointOnGeometryLocator Locator)> _boundaries = new();
    private readonly Dictionary<long, List<Settlement>> _towns;
    private readonly Dictionary<long, List<Settlement>> _villages;
    private readonly List<Settlement> _centres;

    public PlaceContext(IReadOnlyList<Jurisdiction> jurisdictions, IReadOnlyList<Settlement> settlements)
    {
        _byId = jurisdictions.GroupBy(j => j.Id).ToDictionary(g => g.Key, g => g.First());
        ProvinceName = jurisdictions.Where(j => j.Level == JurisdictionLevel.Corps).Select(j => PlaceName(j.Name)).FirstOrDefault();
        foreach (var j in jurisdictions.Where(j => j.Level == JurisdictionLevel.Brigade && j.Boundary is not null).OrderBy(j => j.Id))
            _boundaries.Insert(j.Boundary!.EnvelopeInternal, (j.Id, new IndexedPointInAreaLocator(j.Boundary)));
        _boundaries.Build();
        _towns = ByJurisdiction(settlements, SettlementKind.Town);
        _villages = ByJurisdiction(settlements, SettlementKind.Village);
        _centres = settlements.Where(s => s.Kind != SettlementKind.Village).OrderBy(s => s.Id).ToList();
    }

    /// <summary>"潇湘省" from the corps' name, when there is a corps row.</summary>
    public string? ProvinceName { get; }

    /// <summary>"江州市消防救援支队" → "江州市", "青山县大队" → "青山县".</summary>
    public static string PlaceName(string unitName)
    {
        foreach (var suffix in UnitSuffixes)
            if (unitName.Length > suffix.Length && unitName.EndsWith(suffix, StringComparison.Ordinal))
                return unitName[..^suffix.Length];
        return unitName;
    }

    /// <summary>Names of the jurisdiction and its ancestors below the corps, outermost first: [江州市, 青山县].</summary>
    public List<string> Chain(long? jurisdictionId)
    {
        var chain = new List<string>();
        for (var id = jurisdictionId; id is { } current && _byId.TryGetValue(current, out var j); id = j.ParentId)
        {
            if (j.Level == JurisdictionLevel.Corps || chain.Count > 8) break;
            chain.Insert(0, _names.TryGetValue(j.Id, out var name) ? name : _names[j.Id] = PlaceName(j.Name));
        }
        return chain;
    }

    /// <summary>
    /// The brigade whose boundary contains <paramref name="point"/> (the lowest id on a shared border);
    /// outside every boundary (a street running past a simplified coastline) or without boundaries,
    /// the jurisdiction of the nearest town, county seat or city.
    /// </summary>
    public long? Locate(GeoPoint point)
    {
        var coordinate = new Coordinate(point.Longitude, point.Latitude);
        long? found = null;
        foreach (var (id, locator) in _boundaries.Query(new Envelope(coordinate)))
            if (locator.Locate(coordinate) != Location.Exterior && (found is null || id < found)) found = id;
        return found ?? _centres.MinBy(s => Position(s.Location).DistanceMetersTo(point))?.JurisdictionId;
    }

    /// <summary>The town (and village) of the jurisdiction that the address names: "…石门镇大坪村5组" → [石门镇, 大坪村].</summary>
    public IEnumerable<string> SettlementsIn(string? address, long jurisdictionId)
    {
        if (string.IsNullOrEmpty(address)) yield break;
        foreach (var kind in new[] { _towns, _villages })
        {
            if (!kind.TryGetValue(jurisdictionId, out var list)) continue;
            var named = list.Where(s => address.Contains(s.Name, StringComparison.Ordinal)).MaxBy(s => s.Name.Length);
            if (named is not null) yield return named.Name;
        }
    }

    /// <summary>The nearest town of the same jurisdiction, as a village's address names it.</summary>
    public Settlement? NearestTown(Settlement village) =>
        _towns.TryGetValue(village.JurisdictionId, out var towns)
            ? towns.MinBy(t => Position(t.Location).DistanceMetersTo(Position(village.Location)))
            : null;

    public static GeoPoint Position(Point p) => new(p.Y, p.X);

    private static Dictionary<long, List<Settlement>> ByJurisdiction(IEnumerable<Settlement> settlements, SettlementKind kind) =>
        settlements.Where(s => s.Kind == kind).OrderBy(s => s.Id).GroupBy(s => s.JurisdictionId).ToDictionary(g => g.Key, g => g.ToList());
}
