using FireCommand.Geo.Graph;

namespace FireCommand.Geo.Import.Osm;

/// <summary>What an OSM import kept and dropped, for the operator's summary. Immutable.</summary>
public sealed record OsmImportReport
{
    /// <summary>Nodes in the final graph.</summary>
    public int Nodes { get; init; }
    /// <summary>Directed arcs in the final graph.</summary>
    public int Arcs { get; init; }
    /// <summary>Ways used for the graph.</summary>
    public int RoutableWays { get; init; }
    /// <summary>Ways with a <c>highway</c> tag left out, by reason.</summary>
    public IReadOnlyDictionary<WayRejection, int> RejectedWays { get; init; } = new Dictionary<WayRejection, int>();
    /// <summary>Way node references whose node is missing from the file (clipped extracts).</summary>
    public int MissingNodeReferences { get; init; }
    /// <summary>Fire stations found.</summary>
    public int Stations { get; init; }
    /// <summary>Hydrants found.</summary>
    public int Hydrants { get; init; }
    /// <summary>Parts cut away to keep the largest strongly connected component.</summary>
    public ComponentTrim Dropped { get; init; }
    /// <summary>Wall time of the import.</summary>
    public double Seconds { get; init; }
}
