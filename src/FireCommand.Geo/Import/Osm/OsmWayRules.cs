using System.Globalization;
using FireCommand.Geo.Profiles;

namespace FireCommand.Geo.Import.Osm;

/// <summary>Why a way tagged <c>highway</c> was left out of the graph.</summary>
public enum WayRejection
{
    /// <summary>Kept.</summary>
    None,
    /// <summary>Not a motor road (footway, cycleway, steps, construction, area…).</summary>
    NotForVehicles,
    /// <summary>Access tags close it to a fire engine.</summary>
    AccessDenied,
    /// <summary>A ferry: its timetable, not road speed, decides the time.</summary>
    Ferry,
    /// <summary>A posted weight limit below the engine's weight.</summary>
    TooHeavy,
    /// <summary>A track too rough for a fire engine (grade 4–5: soil, grass).</summary>
    RoughTrack,
}

/// <summary>How a routable way may be driven.</summary>
public readonly record struct WayTraits(RoadKind Kind, bool Forward, bool Backward, double? MaxSpeedKmh);

/// <summary>
/// Reads the OSM tags that decide whether and how a fire engine drives a way. Access follows the OSM
/// hierarchy from the most specific applicable key down: <c>emergency</c>, <c>hgv</c>,
/// <c>motor_vehicle</c>, <c>vehicle</c>, <c>access</c>. <c>private</c> and <c>destination</c> do not stop
/// an emergency vehicle; <c>no</c>, <c>agricultural</c> and <c>forestry</c> do. Stateless and thread-safe.
/// </summary>
public static class OsmWayRules
{
    private static readonly string[] AccessKeys = ["emergency", "hgv", "motor_vehicle", "vehicle", "access"];
    private static readonly HashSet<string> Closed = new(StringComparer.Ordinal) { "no", "agricultural", "forestry", "discouraged", "use_sidepath" };

    /// <summary>Classifies a way from its tags (<paramref name="tag"/> returns null for a missing key).</summary>
    public static WayRejection Classify(Func<string, string?> tag, double vehicleWeightTonnes, out WayTraits traits)
    {
        traits = default;
        if (tag("route") == "ferry") return WayRejection.Ferry;
        var kind = OsmHighway.Parse(tag("highway"));
        // Pedestrian zones signed for emergency access are driven at walking pace.
        if (tag("highway") == "pedestrian" && tag("emergency") is "yes" or "designated") kind = RoadKind.LivingStreet;
        if (kind is null || tag("area") == "yes") return WayRejection.NotForVehicles;
        foreach (var key in AccessKeys)
        {
            var value = tag(key);
            if (value is null) continue;
            if (Closed.Contains(value)) return WayRejection.AccessDenied;
            break;
        }
        if (kind == RoadKind.Track && tag("tracktype") is "grade4" or "grade5")
            return WayRejection.RoughTrack;
        if (ParseTonnes(tag("maxweight")) is { } limit && limit < vehicleWeightTonnes)
            return WayRejection.TooHeavy;

        bool forward = true, backward = true;
        switch (tag("oneway"))
        {
            case "yes" or "true" or "1": backward = false; break;
            case "-1" or "reverse": forward = false; break;
            case "no" or "false" or "0": break;
            default:
                if (kind is RoadKind.Motorway || tag("junction") is "roundabout" or "circular") backward = false;
                break;
        }
        traits = new WayTraits(kind.Value, forward, backward, ParseMaxSpeed(tag("maxspeed")));
        return WayRejection.None;
    }

    /// <summary>Parses <c>maxspeed</c>: "50", "50 km/h", "30 mph", "walk"; null when absent or not a number
    /// ("none", "signals", "CN:urban" give no usable cap).</summary>
    public static double? ParseMaxSpeed(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        if (value == "walk") return 6;
        double factor = 1;
        if (value.EndsWith("mph", StringComparison.OrdinalIgnoreCase)) { factor = 1.609344; value = value[..^3]; }
        else if (value.EndsWith("km/h", StringComparison.OrdinalIgnoreCase)) value = value[..^4];
        else if (value.EndsWith("kmh", StringComparison.OrdinalIgnoreCase)) value = value[..^3];
        var first = value.Split(';')[0].Trim();
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && v < 300
            ? v * factor
            : null;
    }

    /// <summary>Parses <c>maxweight</c> in tonnes ("7.5", "7.5 t", "12000 kg"), or null.</summary>
    public static double? ParseTonnes(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        double factor = 1;
        if (value.EndsWith("kg", StringComparison.OrdinalIgnoreCase)) { factor = 0.001; value = value[..^2]; }
        else if (value.EndsWith('t')) value = value[..^1];
        return double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0
            ? v * factor
            : null;
    }
}
