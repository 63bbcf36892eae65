using FireCommand.Core.Resources;
using FireCommand.Core.Shared;
using FireCommand.Geo;
using FireCommand.Geo.Import.Osm.Features;
using NetTopologySuite.Geometries;

namespace FireCommand.Core.Map.Province;

/// <summary>
/// The jurisdiction tree of a package from OSM administrative boundaries. Each admin_level is mapped
/// to a level of the corps' tree (<see cref="DefaultAdminLevels"/> unless configured); a boundary
/// whose member ways are not all in the extract cannot be closed and is left out, with a note. The
/// tree always has a corps, at least one detachment and one brigade: a missing level is filled with
/// one jurisdiction covering its parent, marked generated, so every station has a brigade.
/// Pure: the same input gives the same tree.
/// </summary>
public static class ProvinceJurisdictions
{
    /// <summary>China's admin levels: 4 province → 总队, 5 prefecture → 支队, 6 county → 大队. Townships (8) are
    /// below a brigade and not mapped unless configured.</summary>
    public static IReadOnlyDictionary<int, JurisdictionLevel> DefaultAdminLevels { get; } = new Dictionary<int, JurisdictionLevel>
    {
        [4] = JurisdictionLevel.Corps,
        [5] = JurisdictionLevel.Detachment,
        [6] = JurisdictionLevel.Brigade,
    };

    /// <summary>Parses "4=corps,6=detachment,8=brigade".</summary>
    /// <exception cref="ArgumentException">A pair is not level=corps|detachment|brigade.</exception>
    public static Dictionary<int, JurisdictionLevel> ParseAdminLevels(string text)
    {
        var map = new Dictionary<int, JurisdictionLevel>();
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !int.TryParse(parts[0], out var level) || level is < 1 or > 12
                || !Enum.TryParse<JurisdictionLevel>(parts[1], ignoreCase: true, out var mapped) || !Enum.IsDefined(mapped))
                throw new ArgumentException($"admin level mapping '{pair}' is not level=corps|detachment|brigade (level 1–12).");
            map[level] = mapped;
        }
        return map;
    }

    /// <summary>The tree; boundaries from the corps' files (<c>files</c>) replace OSM's boundaries of each level they give.</summary>
    public static List<Jurisdiction> Build(string provinceName, IReadOnlyList<OsmBoundary> boundaries,
        IReadOnlyDictionary<int, JurisdictionLevel> adminLevels, Geometry roadArea, List<string> notes,
        Dictionary<long, string> sources, IReadOnlyList<Boundaries.FileBoundary>? files = null)
    {
        files ??= [];
        var fileLevels = files.Select(f => f.Level).ToHashSet();
        var mapped = new List<(Boundaries.FileBoundary B, JurisdictionLevel Level, MultiPolygon Area)>();
        foreach (var b in boundaries)
        {
            if (!adminLevels.TryGetValue(b.AdminLevel, out var level)) continue;
            if (b.OuterRings.Count == 0)
            {
                notes.Add($"boundary {b.Name} ({b.Source}, admin_level {b.AdminLevel}) left out: " +
                          (b.MissingMemberWays > 0 ? $"{b.MissingMemberWays} of {b.MemberWays} member ways are outside the extract" : "its ways do not close"));
                continue;
            }
            if (fileLevels.Contains(level))
            {
                notes.Add($"boundary {b.Name} ({b.Source}) left out: the {level} level comes from a boundary file");
                continue;
            }
            mapped.Add((new Boundaries.FileBoundary(b.Name, level, null, Area(b.OuterRings), b.Source), level, Area(b.OuterRings)));
        }
        mapped.AddRange(files.Select(f => (f, f.Level, f.Area)));

        var tree = new List<Jurisdiction>();
        Jurisdiction Add(string name, JurisdictionLevel level, long? parent, MultiPolygon area, string source, string? code = null)
        {
            var j = new Jurisdiction { Id = tree.Count + 1, Name = name, Code = code ?? $"{tree.Count + 1:D6}", Level = level, ParentId = parent, Boundary = area };
            tree.Add(j);
            sources[j.Id] = source;
            return j;
        }

        var corpsBoundary = mapped.Where(m => m.Level == JurisdictionLevel.Corps).OrderByDescending(m => m.Area.Area).FirstOrDefault();
        var root = corpsBoundary.B is not null
            ? Add(corpsBoundary.B.Name, JurisdictionLevel.Corps, null, corpsBoundary.Area, corpsBoundary.B.Source, corpsBoundary.B.Code)
            : Add(provinceName, JurisdictionLevel.Corps, null, AsMulti(roadArea), "generated: road area of the extract");
        if (corpsBoundary.B is null)
            notes.Add("no corps-level boundary in the extract: one corps jurisdiction covers the extract's road area");

        foreach (var d in mapped.Where(m => m.Level == JurisdictionLevel.Detachment).OrderBy(m => m.B.Source, StringComparer.Ordinal))
            Add(d.B.Name, JurisdictionLevel.Detachment, root.Id, d.Area, d.B.Source, d.B.Code);
        if (!tree.Any(j => j.Level == JurisdictionLevel.Detachment))
        {
            Add($"{provinceName}支队", JurisdictionLevel.Detachment, root.Id, root.Boundary!, "generated: covers the corps");
            notes.Add("no detachment-level boundary: one detachment covers the corps area");
        }
        var detachments = tree.Where(j => j.Level == JurisdictionLevel.Detachment).ToList();
        foreach (var b in mapped.Where(m => m.Level == JurisdictionLevel.Brigade).OrderBy(m => m.B.Source, StringComparer.Ordinal))
        {
            var parent = Boundaries.Containment.Parent(b.Area, detachments);
            if (parent is null) notes.Add($"brigade {b.B.Name} ({b.B.Source}) lies in no detachment: it is put under {detachments[0].Name}");
            Add(b.B.Name, JurisdictionLevel.Brigade, (parent ?? detachments[0]).Id, b.Area, b.B.Source, b.B.Code);
        }
        foreach (var d in detachments.Where(d => !tree.Any(j => j.ParentId == d.Id)))
        {
            Add($"{d.Name.TrimEnd('支', '队')}大队", JurisdictionLevel.Brigade, d.Id, d.Boundary!, "generated: covers its detachment");
            notes.Add($"no brigade-level boundary inside {d.Name}: one brigade covers it");
        }
        return tree;
    }

    /// <summary>The area a package without boundaries covers: the convex hull of its roads, widened by about 500 m.</summary>
    public static Geometry RoadArea(IEnumerable<GeoPoint> points)
    {
        var coordinates = points.Select(p => new Coordinate(p.Longitude, p.Latitude)).ToArray();
        return Geography.Factory.CreateMultiPointFromCoords(coordinates).ConvexHull().Buffer(0.005);
    }

    private static MultiPolygon Area(IReadOnlyList<GeoPoint[]> rings)
    {
        var polygons = rings.Select(r => Geography.Factory.CreatePolygon(r.Select(p => new Coordinate(p.Longitude, p.Latitude)).ToArray()))
            .Where(p => p.IsValid).ToArray();
        return Geography.Factory.CreateMultiPolygon(polygons);
    }

    private static MultiPolygon AsMulti(Geometry g) => g switch
    {
        MultiPolygon m => m,
        Polygon p => Geography.Factory.CreateMultiPolygon([p]),
        _ => throw new ArgumentException("The road area is not an area.", nameof(g)),
    };
}
