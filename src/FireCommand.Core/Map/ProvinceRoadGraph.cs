using FireCommand.Geo;
using FireCommand.Geo.Graph;
using FireCommand.Geo.Profiles;

namespace FireCommand.Core.Map;

/// <summary>
/// Builds the routing graph from the platform's own road segments, through the same builder, speed
/// profile and component trim as an OSM import, so the demo province and an imported region route alike.
/// </summary>
public static class ProvinceRoadGraph
{
    public static (RoadNetwork Network, ComponentTrim Dropped) Build(IEnumerable<RoadSegment> segments,
        FireEngineProfile? profile = null)
    {
        var builder = new RoadGraphBuilder(profile);
        foreach (var s in segments)
        {
            var shape = s.Geometry.Coordinates.Select(c => new GeoPoint(c.Y, c.X)).ToArray();
            builder.AddSegment(s.FromJunction, s.ToJunction, shape, KindOf(s.Class), s.OneWay);
        }
        return builder.Build("platform");
    }

    public static RoadKind KindOf(RoadClass c) => c switch
    {
        RoadClass.Expressway => RoadKind.Expressway,
        RoadClass.Arterial => RoadKind.Arterial,
        RoadClass.UrbanStreet => RoadKind.UrbanStreet,
        RoadClass.Local => RoadKind.Local,
        RoadClass.Mountain => RoadKind.Mountain,
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, "Unknown road class."),
    };
}
