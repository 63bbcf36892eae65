using FireCommand.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Map;

/// <summary>
/// The road layer is the same for every user and changes only on import, so its GeoJSON is built
/// once and served from memory. Thread-safe.
/// </summary>
public sealed class RoadLayerCache
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _json;

    public async Task<byte[]> GetAsync(FireCommandDbContext db, CancellationToken ct)
    {
        if (_json is { } cached) return cached;
        await _gate.WaitAsync(ct);
        try
        {
            return _json ??= GeoJsonWriter.Collection(
                await db.RoadSegments.AsNoTracking().OrderBy(r => r.Class).ToListAsync(ct),
                r => r.Geometry, r => new { Cls = r.Class.ToString(), r.Name });
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops the cached layer after roads change.</summary>
    public void Invalidate() => _json = null;
}
