using System.Globalization;
using FireCommand.Core.Map.Province;
using FireCommand.Geo;

namespace FireCommand.Core.Map.Gazetteer;

/// <summary>
/// Gazetteer entries for a province package's <c>names</c> (records.json): points of interest, their
/// other names (name:zh, alt_name, official_name) and addresses (addr:*) from OSM, which no database
/// table holds. A name that an entry from the records already gives within <see cref="SameNameMeters"/>
/// (a station, a settlement, a street) is left out, so a search lists a place once. Pure and thread-safe.
/// </summary>
internal static class PackageNameGazetteer
{
    /// <summary>A package name this close to a record's entry of the same name is that record.</summary>
    public const double SameNameMeters = 500;

    public static IEnumerable<GazetteerEntry> Entries(IReadOnlyList<NameRecord> names, IReadOnlyList<GazetteerEntry> fromRecords,
        PlaceContext context)
    {
        var known = new Dictionary<string, List<GeoPoint>>(StringComparer.Ordinal);
        foreach (var e in fromRecords)
            foreach (var n in e.Aliases.Prepend(e.Name))
            {
                if (!known.TryGetValue(n, out var at)) known[n] = at = [];
                at.Add(e.Location);
            }

        for (int i = 0; i < names.Count; i++)
        {
            var n = names[i];
            var location = new GeoPoint(n.Latitude, n.Longitude);
            if (string.IsNullOrWhiteSpace(n.Name) || !location.IsValid) continue;
            if (known.TryGetValue(n.Name, out var same) && same.Any(p => p.DistanceMetersTo(location) <= SameNameMeters)) continue;
            var (kind, importance) = n.Kind switch
            {
                "address" => (GazetteerKind.Address, 0.25),
                "street" => (GazetteerKind.Road, 0.35),
                "station" => (GazetteerKind.Poi, 0.55),
                "place" => (GazetteerKind.Poi, 0.4),
                "water" => (GazetteerKind.Poi, 0.2),
                _ => (GazetteerKind.Poi, 0.5),
            };
            var jurisdiction = context.Locate(location);
            yield return new GazetteerEntry("name:" + i.ToString(CultureInfo.InvariantCulture), kind, n.Name, location)
            {
                Parents = context.Chain(jurisdiction),
                JurisdictionId = jurisdiction,
                Importance = importance,
            };
        }
    }
}
