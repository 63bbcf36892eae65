namespace FireCommand.Geo.Coordinates;

/// <summary>
/// Conversions between WGS-84 (GPS, OSM), GCJ-02 (the offset datum required for maps published in
/// China: AMap/Gaode, Tencent, Google China) and BD-09 (Baidu, a further offset of GCJ-02). Phones and
/// web maps in China hand us GCJ-02 or BD-09; the road graph is WGS-84, so every point from them is
/// converted before snapping. Outside mainland China GCJ-02 equals WGS-84, as the public
/// implementations do. GCJ-02 → WGS-84 has no closed form; it is inverted iteratively to below
/// 1e-9 degrees (0.1 mm). Stateless and thread-safe.
/// </summary>
public static class ChinaCoordinates
{
    // Krasovsky 1940 ellipsoid, used by the GCJ-02 algorithm.
    private const double A = 6378245.0;
    private const double Ee = 0.00669342162296594323;
    private const double XPi = Math.PI * 3000.0 / 180.0;

    /// <summary>True when the point lies in the rough bounding box where GCJ-02 applies.</summary>
    public static bool IsInChina(GeoPoint p) =>
        p.Longitude is >= 72.004 and <= 137.8347 && p.Latitude is >= 0.8293 and <= 55.8271;

    /// <summary>WGS-84 → GCJ-02.</summary>
    public static GeoPoint Wgs84ToGcj02(GeoPoint wgs)
    {
        if (!IsInChina(wgs)) return wgs;
        var (dLat, dLon) = Offset(wgs.Latitude, wgs.Longitude);
        return new GeoPoint(wgs.Latitude + dLat, wgs.Longitude + dLon);
    }

    /// <summary>GCJ-02 → WGS-84 (iterative inverse, error below 1e-9°).</summary>
    public static GeoPoint Gcj02ToWgs84(GeoPoint gcj)
    {
        if (!IsInChina(gcj)) return gcj;
        double lat = gcj.Latitude, lon = gcj.Longitude;
        for (int i = 0; i < 30; i++)
        {
            var forward = Wgs84ToGcj02(new GeoPoint(lat, lon));
            double eLat = forward.Latitude - gcj.Latitude, eLon = forward.Longitude - gcj.Longitude;
            lat -= eLat;
            lon -= eLon;
            if (Math.Abs(eLat) < 1e-10 && Math.Abs(eLon) < 1e-10) break;
        }
        return new GeoPoint(lat, lon);
    }

    /// <summary>GCJ-02 → BD-09.</summary>
    public static GeoPoint Gcj02ToBd09(GeoPoint gcj)
    {
        double x = gcj.Longitude, y = gcj.Latitude;
        double z = Math.Sqrt(x * x + y * y) + 0.00002 * Math.Sin(y * XPi);
        double theta = Math.Atan2(y, x) + 0.000003 * Math.Cos(x * XPi);
        return new GeoPoint(z * Math.Sin(theta) + 0.006, z * Math.Cos(theta) + 0.0065);
    }

    /// <summary>BD-09 → GCJ-02: the published closed-form inverse (error ~1e-6°, about 0.1 m), refined by
    /// iterating the forward transform to below 1e-10°, so that a chain BD-09 → GCJ-02 → WGS-84 stays
    /// well inside the metre an imported station may be off by.</summary>
    public static GeoPoint Bd09ToGcj02(GeoPoint bd)
    {
        double x = bd.Longitude - 0.0065, y = bd.Latitude - 0.006;
        double z = Math.Sqrt(x * x + y * y) - 0.00002 * Math.Sin(y * XPi);
        double theta = Math.Atan2(y, x) - 0.000003 * Math.Cos(x * XPi);
        double lat = z * Math.Sin(theta), lon = z * Math.Cos(theta);
        for (int i = 0; i < 10; i++)
        {
            var forward = Gcj02ToBd09(new GeoPoint(lat, lon));
            double eLat = forward.Latitude - bd.Latitude, eLon = forward.Longitude - bd.Longitude;
            if (Math.Abs(eLat) < 1e-10 && Math.Abs(eLon) < 1e-10) break;
            lat -= eLat;
            lon -= eLon;
        }
        return new GeoPoint(lat, lon);
    }

    /// <summary>WGS-84 → BD-09.</summary>
    public static GeoPoint Wgs84ToBd09(GeoPoint wgs) => Gcj02ToBd09(Wgs84ToGcj02(wgs));

    /// <summary>BD-09 → WGS-84.</summary>
    public static GeoPoint Bd09ToWgs84(GeoPoint bd) => Gcj02ToWgs84(Bd09ToGcj02(bd));

    /// <summary>Converts between any two systems.</summary>
    public static GeoPoint Convert(GeoPoint point, CoordinateSystem from, CoordinateSystem to)
    {
        if (from == to) return point;
        var wgs = from switch
        {
            CoordinateSystem.Gcj02 => Gcj02ToWgs84(point),
            CoordinateSystem.Bd09 => Bd09ToWgs84(point),
            _ => point,
        };
        return to switch
        {
            CoordinateSystem.Gcj02 => Wgs84ToGcj02(wgs),
            CoordinateSystem.Bd09 => Wgs84ToBd09(wgs),
            _ => wgs,
        };
    }

    private static (double DLat, double DLon) Offset(double lat, double lon)
    {
        double x = lon - 105.0, y = lat - 35.0;
        double dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.Sqrt(Math.Abs(x))
            + (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0
            + (20.0 * Math.Sin(y * Math.PI) + 40.0 * Math.Sin(y / 3.0 * Math.PI)) * 2.0 / 3.0
            + (160.0 * Math.Sin(y / 12.0 * Math.PI) + 320 * Math.Sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        double dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.Sqrt(Math.Abs(x))
            + (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0
            + (20.0 * Math.Sin(x * Math.PI) + 40.0 * Math.Sin(x / 3.0 * Math.PI)) * 2.0 / 3.0
            + (150.0 * Math.Sin(x / 12.0 * Math.PI) + 300.0 * Math.Sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.Sin(radLat);
        magic = 1 - Ee * magic * magic;
        double sqrtMagic = Math.Sqrt(magic);
        dLat = dLat * 180.0 / (A * (1 - Ee) / (magic * sqrtMagic) * Math.PI);
        dLon = dLon * 180.0 / (A / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return (dLat, dLon);
    }
}

/// <summary>Geodetic systems a coordinate may arrive in.</summary>
public enum CoordinateSystem
{
    /// <summary>GPS, OSM, the road graph.</summary>
    Wgs84 = 0,
    /// <summary>"Mars coordinates" of AMap/Gaode and Tencent maps.</summary>
    Gcj02 = 1,
    /// <summary>Baidu maps.</summary>
    Bd09 = 2,
}
