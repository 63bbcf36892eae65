namespace FireCommand.Geo.Graph;

/// <summary>What one unit of an arc weight means.</summary>
public enum TravelTimeUnit
{
    /// <summary>Tenths of a second: graphs built from OSM or the platform's road segments. Integer
    /// deciseconds keep sums exact and comparable with other engines while 0.1 s is finer than any
    /// dispatch decision needs.</summary>
    Deciseconds = 0,

    /// <summary>Integer weights taken unchanged from an outside graph (DIMACS); not convertible to
    /// seconds, only comparable with the same graph in another engine.</summary>
    Nominal = 1,
}

/// <summary>Conversions between seconds and graph weights.</summary>
public static class TravelTimeUnits
{
    /// <summary>Weight for a duration in seconds, or null when the unit has no time meaning.</summary>
    public static int? FromSeconds(this TravelTimeUnit unit, double seconds) =>
        unit == TravelTimeUnit.Deciseconds ? (int)Math.Round(seconds * 10) : null;

    /// <summary>Seconds for a weight, or null when the unit has no time meaning.</summary>
    public static double? ToSeconds(this TravelTimeUnit unit, long weight) =>
        unit == TravelTimeUnit.Deciseconds ? weight / 10.0 : null;
}
