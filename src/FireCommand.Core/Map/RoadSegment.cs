using NetTopologySuite.Geometries;

namespace FireCommand.Core.Map;

/// <summary>Road classes of the network, fastest first.</summary>
public enum RoadClass
{
    /// <summary>高速公路</summary>
    Expressway = 1,
    /// <summary>国道/省道 trunk and arterial</summary>
    Arterial = 2,
    /// <summary>城市主干道/次干道</summary>
    UrbanStreet = 3,
    /// <summary>县道/乡道</summary>
    Local = 4,
    /// <summary>山区道路</summary>
    Mountain = 5,
}

/// <summary>
/// One edge of the road network between two junctions, with its shape. Junction ids are shared by
/// the segments that meet there, so the routing graph is built from these rows.
/// </summary>
public sealed class RoadSegment
{
    public long Id { get; set; }
    public string? Name { get; set; }
    public RoadClass Class { get; set; }
    public long FromJunction { get; set; }
    public long ToJunction { get; set; }
    public bool OneWay { get; set; }
    public required LineString Geometry { get; set; }
    public double LengthMeters { get; set; }
}
