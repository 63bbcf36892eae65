namespace FireCommand.Geo;

/// <summary>A WGS-84 position in degrees (OSM and GPS use WGS-84; see <see cref="Coordinates.ChinaCoordinates"/>
/// for the GCJ-02 and BD-09 systems of Chinese web maps). Immutable, so thread-safe.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>True when both values are finite and on the globe.</summary>
    public bool IsValid =>
        double.IsFinite(Latitude) && double.IsFinite(Longitude) &&
        Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180;

    /// <summary>Great-circle (haversine) distance; accurate to ~0.3 % against the ellipsoid, which is
    /// far below the error of a road-speed estimate.</summary>
    public double DistanceMetersTo(GeoPoint other)
    {
        double lat1 = Latitude * Math.PI / 180, lat2 = other.Latitude * Math.PI / 180;
        double dLat = lat2 - lat1, dLon = (other.Longitude - Longitude) * Math.PI / 180;
        double h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                   Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>Parses "lat,lon" as typed on a command line (invariant culture).</summary>
    public static bool TryParse(string text, out GeoPoint point)
    {
        point = default;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 ||
            !double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var lat) ||
            !double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var lon))
            return false;
        point = new GeoPoint(lat, lon);
        return point.IsValid;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Latitude:F7},{Longitude:F7}");
}
