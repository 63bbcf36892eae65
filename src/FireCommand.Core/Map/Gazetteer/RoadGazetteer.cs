using FireCommand.Geo;
using NetTopologySuite.Geometries;

namespace FireCommand.Core.Map.Gazetteer;

/// <summary>
/// Roads and crossings from road segments. Segments of one name are merged into one road entry per
/// connected stretch: every city has its own 人民路, and one entry for all of them would put the pin
/// in the wrong city. A crossing entry ("解放大道与滨江路交叉口") stands at each junction shared by
/// two differently named roads; the same two roads meeting again within <see cref="SameCrossingMeters"/>
/// (dual carriageways, staggered junctions) is the same crossing to a caller.
/// </summary>
internal static class RoadGazetteer
{
    private const double SameCrossingMeters = 300;

    private sealed record Road(int Index, string Name, RoadClass Class, long Id, GeoPoint Location, GeoExtent Extent);

    public static IEnumerable<GazetteerEntry> Entries(IReadOnlyList<RoadSegment> segments, PlaceContext context)
    {
        var named = segments.Where(s => !string.IsNullOrWhiteSpace(s.Name) && s.Geometry.NumPoints > 0).OrderBy(s => s.Id).ToList();
        var component = Components(named);
        var roads = new List<Road>();
        var roadOfRoot = new Dictionary<int, int>();
        foreach (var g in named.Select((s, i) => (Segment: s, Root: component[i])).GroupBy(x => x.Root))
        {
            roadOfRoot[g.Key] = roads.Count;
            roads.Add(ToRoad(roads.Count, g.Select(x => x.Segment).ToList()));
        }
        foreach (var road in roads)
            yield return Entry("road:" + road.Id, GazetteerKind.Road, road.Name, road.Location, RoadImportance(road.Class), context)
                with { Extent = road.Extent };

        // Junction → the roads meeting there, and where it is.
        var meeting = new SortedDictionary<long, (SortedSet<int> Roads, GeoPoint At)>();
        for (var i = 0; i < named.Count; i++)
        {
            var s = named[i];
            var road = roadOfRoot[component[i]];
            Meet(meeting, s.FromJunction, road, s.Geometry.Coordinates[0]);
            Meet(meeting, s.ToJunction, road, s.Geometry.Coordinates[^1]);
        }
        var kept = new Dictionary<(int, int), List<GeoPoint>>();
        foreach (var (junction, (ids, at)) in meeting)
        {
            var here = ids.Select(i => roads[i]).ToList();
            for (var x = 0; x < here.Count; x++)
            for (var y = x + 1; y < here.Count; y++)
            {
                var (a, b) = Order(here[x], here[y]);
                if (a.Name == b.Name) continue;
                if (!kept.TryGetValue((a.Index, b.Index), out var points)) kept[(a.Index, b.Index)] = points = [];
                if (points.Any(p => p.DistanceMetersTo(at) < SameCrossingMeters)) continue;
                points.Add(at);
                var importance = 0.4 + 0.05 * new[] { a, b }.Count(r => r.Class <= RoadClass.UrbanStreet);
                yield return Entry($"junction:{junction}:{a.Id}:{b.Id}", GazetteerKind.Junction, $"{a.Name}与{b.Name}交叉口", at,
                    importance, context) with
                {
                    Aliases = [$"{b.Name}与{a.Name}交叉口"],
                    CrossingRoads = [a.Name, b.Name],
                };
            }
        }
    }

    private static void Meet(SortedDictionary<long, (SortedSet<int> Roads, GeoPoint At)> meeting, long junction, int road, Coordinate c)
    {
        if (!meeting.TryGetValue(junction, out var m)) meeting[junction] = m = ([], new GeoPoint(c.Y, c.X));
        m.Roads.Add(road);
    }

    /// <summary>The bigger road first (解放大道 before 滨江路), then by name, so the name is stable.</summary>
    private static (Road, Road) Order(Road x, Road y) =>
        x.Class < y.Class || (x.Class == y.Class && string.CompareOrdinal(x.Name, y.Name) <= 0) ? (x, y) : (y, x);

    private static GazetteerEntry Entry(string id, GazetteerKind kind, string name, GeoPoint at, double importance, PlaceContext context)
    {
        var jurisdiction = context.Locate(at);
        return new GazetteerEntry(id, kind, name, at)
        {
            Parents = context.Chain(jurisdiction),
            JurisdictionId = jurisdiction,
            Importance = importance,
        };
    }

    /// <summary>Component root per segment: segments of the same name sharing a junction are one road.</summary>
    private static int[] Components(List<RoadSegment> named)
    {
        var parent = Enumerable.Range(0, named.Count).ToArray();
        int Find(int i)
        {
            while (parent[i] != i) i = parent[i] = parent[parent[i]];
            return i;
        }
        var seen = new Dictionary<(string, long), int>();
        for (var i = 0; i < named.Count; i++)
        {
            foreach (var junction in new[] { named[i].FromJunction, named[i].ToJunction })
            {
                if (seen.TryGetValue((named[i].Name!, junction), out var other)) parent[Find(i)] = Find(other);
                else seen[(named[i].Name!, junction)] = i;
            }
        }
        return Enumerable.Range(0, named.Count).Select(Find).ToArray();
    }

    /// <summary>One road: its best class, lowest segment id, and the vertex nearest the middle of its extent (on the road, unlike a centroid).</summary>
    private static Road ToRoad(int index, List<RoadSegment> segments)
    {
        var envelope = new Envelope();
        foreach (var s in segments) envelope.ExpandToInclude(s.Geometry.EnvelopeInternal);
        var centre = envelope.Centre;
        var middle = segments.SelectMany(s => s.Geometry.Coordinates).MinBy(c => c.Distance(centre))!;
        return new Road(index, segments[0].Name!, segments.Min(s => s.Class), segments[0].Id, new GeoPoint(middle.Y, middle.X),
            new GeoExtent(envelope.MinY, envelope.MinX, envelope.MaxY, envelope.MaxX));
    }

    private static double RoadImportance(RoadClass c) => c switch
    {
        RoadClass.Expressway => 0.75,
        RoadClass.Arterial => 0.7,
        RoadClass.UrbanStreet => 0.6,
        RoadClass.Local => 0.4,
        _ => 0.35,
    };
}
