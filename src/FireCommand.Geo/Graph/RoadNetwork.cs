namespace FireCommand.Geo.Graph;

/// <summary>Kind of a point of interest taken from the source map.</summary>
public enum PlaceKind
{
    /// <summary><c>amenity=fire_station</c></summary>
    FireStation = 0,
    /// <summary><c>emergency=fire_hydrant</c></summary>
    Hydrant = 1,
}

/// <summary>A fire station or hydrant found in the source map, to seed a region's resources.</summary>
/// <param name="Kind">Station or hydrant.</param>
/// <param name="SourceId">Source object id, prefixed by type: "node/123", "way/45".</param>
/// <param name="Name">The <c>name</c> tag, or null.</param>
/// <param name="Location">Node position, or the mean of a way's nodes for a station mapped as an area.</param>
public sealed record MapPlace(PlaceKind Kind, string SourceId, string? Name, GeoPoint Location);

/// <summary>A road graph together with the places imported alongside it and where it came from.
/// Immutable, thread-safe.</summary>
/// <param name="Graph">The routable graph.</param>
/// <param name="Places">Fire stations and hydrants from the source (empty for DIMACS).</param>
/// <param name="Source">File name the graph was built from, without folders.</param>
public sealed record RoadNetwork(RoadGraph Graph, IReadOnlyList<MapPlace> Places, string Source)
{
    /// <summary>The fire stations among <see cref="Places"/>.</summary>
    public IEnumerable<MapPlace> Stations => Places.Where(p => p.Kind == PlaceKind.FireStation);

    /// <summary>The hydrants among <see cref="Places"/>.</summary>
    public IEnumerable<MapPlace> Hydrants => Places.Where(p => p.Kind == PlaceKind.Hydrant);
}
