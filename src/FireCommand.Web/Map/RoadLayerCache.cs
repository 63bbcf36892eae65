namespace FireCommand.Web.Map;

/// <summary>
/// The road layer is the same for every user and changes only when the province geography is
/// reloaded, so its GeoJSON is built once per geography snapshot and served from memory. Thread-safe.
/// </summary>
public sealed class RoadLayerCache(ProvinceGeography geography)
{
    private readonly Lock _gate = new();
    private (ProvinceGeography.Snapshot Snapshot, byte[] Json)? _cache;

    public byte[] Get()
    {
        var snapshot = geography.Current;
        lock (_gate)
        {
            if (_cache is { } c && ReferenceEquals(c.Snapshot, snapshot)) return c.Json;
            var json = GeoJsonWriter.Collection(snapshot.Roads.OrderBy(r => r.Class),
                r => r.Geometry, r => new { Cls = r.Class.ToString(), r.Name });
            _cache = (snapshot, json);
            return json;
        }
    }
}
