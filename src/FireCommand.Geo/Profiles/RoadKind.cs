namespace FireCommand.Geo.Profiles;

/// <summary>
/// Road classes a fire engine may drive on: the OSM <c>highway=*</c> values that carry motor traffic,
/// and the platform's own classes (<c>Expressway … Mountain</c>) used by road segments drawn in the
/// platform. Anything else (footway, cycleway, steps, construction…) is not routable.
/// </summary>
public enum RoadKind
{
    /// <summary>OSM motorway (高速公路).</summary>
    Motorway, MotorwayLink,
    /// <summary>OSM trunk (国道/城市快速路).</summary>
    Trunk, TrunkLink,
    /// <summary>OSM primary (省道/主干道).</summary>
    Primary, PrimaryLink,
    /// <summary>OSM secondary (县道/次干道).</summary>
    Secondary, SecondaryLink,
    /// <summary>OSM tertiary (乡道/支路).</summary>
    Tertiary, TertiaryLink,
    /// <summary>OSM unclassified (minor public road).</summary>
    Unclassified,
    /// <summary>OSM residential street.</summary>
    Residential,
    /// <summary>OSM living street (shared space, walking pace).</summary>
    LivingStreet,
    /// <summary>OSM service road (yards, estates, parking aisles).</summary>
    Service,
    /// <summary>OSM track (farm and forest roads; only good grades are routable).</summary>
    Track,
    /// <summary>OSM road of unknown class.</summary>
    Road,
    /// <summary>Platform class: 高速公路.</summary>
    Expressway,
    /// <summary>Platform class: 国道/省道 trunk and arterial.</summary>
    Arterial,
    /// <summary>Platform class: 城市主干道/次干道.</summary>
    UrbanStreet,
    /// <summary>Platform class: 县道/乡道.</summary>
    Local,
    /// <summary>Platform class: 山区道路.</summary>
    Mountain,
}

/// <summary>Maps OSM <c>highway=*</c> values to <see cref="RoadKind"/>. Stateless and thread-safe.</summary>
public static class OsmHighway
{
    private static readonly Dictionary<string, RoadKind> Kinds = new(StringComparer.Ordinal)
    {
        ["motorway"] = RoadKind.Motorway, ["motorway_link"] = RoadKind.MotorwayLink,
        ["trunk"] = RoadKind.Trunk, ["trunk_link"] = RoadKind.TrunkLink,
        ["primary"] = RoadKind.Primary, ["primary_link"] = RoadKind.PrimaryLink,
        ["secondary"] = RoadKind.Secondary, ["secondary_link"] = RoadKind.SecondaryLink,
        ["tertiary"] = RoadKind.Tertiary, ["tertiary_link"] = RoadKind.TertiaryLink,
        ["unclassified"] = RoadKind.Unclassified, ["residential"] = RoadKind.Residential,
        ["living_street"] = RoadKind.LivingStreet, ["service"] = RoadKind.Service,
        ["track"] = RoadKind.Track, ["road"] = RoadKind.Road,
    };

    /// <summary>The road kind for a <c>highway</c> value, or null when fire engines cannot use it.</summary>
    public static RoadKind? Parse(string? highway) =>
        highway is not null && Kinds.TryGetValue(highway, out var kind) ? kind : null;
}
