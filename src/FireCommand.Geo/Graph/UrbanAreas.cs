namespace FireCommand.Geo.Graph;

/// <summary>
/// Decides which nodes lie in built-up areas from the density of road junctions around them (a 1 km
/// grid). OSM rarely tags built-up areas on roads, while junction density separates a town grid
/// from country roads reliably enough for a speed factor. Stateless and thread-safe.
/// </summary>
internal static class UrbanAreas
{
    private const double CellMeters = 1000;

    /// <param name="lat">Node latitudes in degrees.</param>
    /// <param name="lon">Node longitudes in degrees.</param>
    /// <param name="isJunction">Whether each node joins three or more road pieces.</param>
    /// <param name="junctionsPerKm2">Density from which a cell is urban.</param>
    public static bool[] Classify(double[] lat, double[] lon, bool[] isJunction, double junctionsPerKm2)
    {
        int n = lat.Length;
        var urban = new bool[n];
        if (n == 0) return urban;
        double meanLat = lat.Average();
        double kx = 111_320 * Math.Cos(meanLat * Math.PI / 180) / CellMeters, ky = 110_574 / CellMeters;
        var counts = new Dictionary<long, int>();
        for (int i = 0; i < n; i++)
            if (isJunction[i]) counts[Key(i)] = counts.GetValueOrDefault(Key(i)) + 1;
        for (int i = 0; i < n; i++) urban[i] = counts.GetValueOrDefault(Key(i)) >= junctionsPerKm2;
        return urban;

        long Key(int i) => ((long)Math.Floor(lat[i] * ky) << 32) ^ (uint)(int)Math.Floor(lon[i] * kx);
    }
}
