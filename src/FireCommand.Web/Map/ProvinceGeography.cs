using FireCommand.Core.Data;
using FireCommand.Core.Map;
using FireCommand.Geo.Routing;
using FireCommand.Geo.Storage;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Map;

/// <summary>
/// The province's geography held in memory for the dispatch path: the routing engine over the road
/// network and the jurisdiction boundaries. Built at start and again after roads or boundaries change.
/// Thread-safe: readers get a consistent snapshot; a rebuild replaces it atomically.
/// </summary>
public sealed partial class ProvinceGeography(ILogger<ProvinceGeography> log)
{
    private volatile Snapshot? _current;

    /// <summary>The road segments the graph was built from are kept too: the road layer, coverage and
    /// the gazetteer read them from here instead of loading the table again.</summary>
    public sealed record Snapshot(RoutingEngine? Routing, JurisdictionLocator Jurisdictions, IReadOnlyList<RoadSegment> Roads);

    /// <summary>The current snapshot; throws before the first load (start-up loads it before serving).</summary>
    public Snapshot Current => _current ?? throw new InvalidOperationException("Province geography is not loaded yet.");

    /// <summary>Loads the jurisdictions and roads; routing comes from <paramref name="graphPath"/> when given (a
    /// province package's graph, built from OSM with every node of a road), else from the road segments.</summary>
    public async Task LoadAsync(FireCommandDbContext db, CancellationToken ct, string? graphPath = null)
    {
        var jurisdictions = await db.Jurisdictions.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        var segments = await db.RoadSegments.AsNoTracking().ToListAsync(ct);
        RoutingEngine? routing = null;
        if (graphPath is not null)
        {
            var network = RoadNetworkFile.Load(graphPath);
            routing = new RoutingEngine(network);
            LogPackageGraph(log, network.Graph.NodeCount, network.Graph.ArcCount, graphPath);
        }
        else if (segments.Count > 0)
        {
            var (network, dropped) = ProvinceRoadGraph.Build(segments);
            routing = new RoutingEngine(network);
            LogGraph(log, network.Graph.NodeCount, network.Graph.ArcCount, dropped.DroppedNodes);
        }
        _current = new Snapshot(routing, new JurisdictionLocator(jurisdictions), segments);
    }

    [LoggerMessage(EventId = 110, Level = LogLevel.Information,
        Message = "Road graph ready: {Nodes} nodes, {Arcs} arcs ({Dropped} nodes outside the largest connected part dropped)")]
    private static partial void LogGraph(ILogger logger, int nodes, int arcs, int dropped);

    [LoggerMessage(EventId = 111, Level = LogLevel.Information,
        Message = "Road graph ready: {Nodes} nodes, {Arcs} arcs from the province package's {Graph}")]
    private static partial void LogPackageGraph(ILogger logger, int nodes, int arcs, string graph);
}
