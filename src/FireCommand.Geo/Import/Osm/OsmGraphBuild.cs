using FireCommand.Geo.Graph;
using FireCommand.Geo.Profiles;

namespace FireCommand.Geo.Import.Osm;

/// <summary>Turns collected ways into arcs with fire-engine times, then trims to the largest strongly
/// connected component. Stateless and thread-safe.</summary>
internal static class OsmGraphBuild
{
    public static (RoadGraph Graph, ComponentTrim Trim) Build(OsmWayCollector c, FireEngineProfile profile)
    {
        int n = c.Lat.Count;
        var lat = c.Lat.ToArray(); var lon = c.Lon.ToArray();
        // A node is a junction when three or more road pieces meet there (a way's inner node is two).
        var pieces = new int[n];
        foreach (var way in c.Ways)
            for (int i = 0; i < way.Nodes.Length; i++)
                if (c.NodeIndex[way.Nodes[i]] is var v and >= 0)
                    pieces[v] += i == 0 || i == way.Nodes.Length - 1 ? 1 : 2;
        var urban = UrbanAreas.Classify(lat, lon, pieces.Select(p => p >= 3).ToArray(), profile.UrbanJunctionsPerKm2);

        var arcs = new ArcList(c.Ways.Sum(w => w.Nodes.Length) * 2);
        int missing = 0;
        foreach (var way in c.Ways)
        {
            var t = way.Traits;
            for (int i = 0; i + 1 < way.Nodes.Length; i++)
            {
                int a = c.NodeIndex[way.Nodes[i]], b = c.NodeIndex[way.Nodes[i + 1]];
                if (a < 0 || b < 0) { missing++; continue; }
                double meters = Meters(lat, lon, a, b);
                int time = profile.TravelDeciseconds(meters, t.Kind, urban[a] || urban[b], t.MaxSpeedKmh);
                if (t.Forward) arcs.Add(a, b, time, (float)meters);
                if (t.Backward) arcs.Add(b, a, time, (float)meters);
            }
        }
        c.MissingReferences = missing;
        var latE7 = lat.Select(x => (int)Math.Round(x * 1e7)).ToArray();
        var lonE7 = lon.Select(x => (int)Math.Round(x * 1e7)).ToArray();
        var full = GraphAssembler.Assemble(n, arcs, TravelTimeUnit.Deciseconds, keepLengths: true, latE7, lonE7, c.OsmIds.ToArray());
        var (graph, _, trim) = LargestComponent.Keep(full);
        return (graph, trim);
    }

    /// <summary>Distance with the endpoints in a fixed order: floating point is not symmetric, and a
    /// last-bit difference between the two directions would keep a two-way road from merging into one edge.</summary>
    private static double Meters(double[] lat, double[] lon, int a, int b)
    {
        if (a > b) (a, b) = (b, a);
        return new GeoPoint(lat[a], lon[a]).DistanceMetersTo(new GeoPoint(lat[b], lon[b]));
    }
}
