namespace FireCommand.Geo.Snapping;

/// <summary>
/// A place on the road network: a graph node, or a point part-way along the road piece between
/// <see cref="NodeA"/> and <see cref="NodeB"/> (<see cref="Fraction"/> 0 at A, 1 at B), plus the
/// off-road leg from where the caller actually is. Immutable.
/// </summary>
/// <param name="NodeA">First end (equal to <paramref name="NodeB"/> for a node).</param>
/// <param name="NodeB">Second end.</param>
/// <param name="Fraction">Share of the piece's length from A to the point.</param>
/// <param name="RoadPoint">The point on the road.</param>
/// <param name="OffRoadMeters">Straight-line distance from the requested point to <paramref name="RoadPoint"/>.</param>
public readonly record struct RoadPosition(int NodeA, int NodeB, double Fraction, GeoPoint RoadPoint, double OffRoadMeters)
{
    /// <summary>The point the caller asked for (the road point when it was given as a node).</summary>
    public GeoPoint Requested { get; init; } = RoadPoint;

    /// <summary>True for a position exactly at a graph node.</summary>
    public bool IsNode => NodeA == NodeB;

    /// <summary>A position exactly at a node, with no off-road leg.</summary>
    public static RoadPosition AtNode(int node, GeoPoint point) => new(node, node, 0, point, 0);
}

/// <summary>Outcome of snapping a coordinate to the road network.</summary>
/// <param name="Position">The road position, or null when no road is within the allowed distance.</param>
/// <param name="NearestRoadMeters">Distance to the nearest road found (infinity when none was found in range).</param>
public readonly record struct SnapResult(RoadPosition? Position, double NearestRoadMeters)
{
    /// <summary>True when the point was placed on a road.</summary>
    public bool IsOnRoad => Position is not null;
}
