using FireCommand.Core.Resources;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace FireCommand.Core.Map;

/// <summary>
/// Finds the deepest jurisdiction whose boundary contains a point (a brigade, else a detachment,
/// else the corps): an incident belongs to the brigade where it happens. Immutable after
/// construction and thread-safe.
/// </summary>
public sealed class JurisdictionLocator
{
    private readonly STRtree<(long Id, JurisdictionLevel Level, IPreparedGeometry Boundary)> _index = new();
    private readonly IPreparedGeometry? _province;

    public JurisdictionLocator(IEnumerable<Jurisdiction> jurisdictions)
    {
        foreach (var j in jurisdictions.Where(j => j.Boundary is not null))
        {
            var prepared = PreparedGeometryFactory.Prepare(j.Boundary);
            _index.Insert(j.Boundary!.EnvelopeInternal, (j.Id, j.Level, prepared));
            if (j.ParentId is null) _province = prepared;
        }
        _index.Build();
    }

    /// <summary>True when the point lies inside the province (the corps boundary); false when there is none.</summary>
    public bool IsInsideProvince(Point p) => _province?.Covers(p) ?? false;

    /// <summary>The deepest jurisdiction containing the point, or null outside every boundary.</summary>
    public long? Locate(Point p)
    {
        var hits = _index.Query(p.EnvelopeInternal).Where(c => c.Boundary.Covers(p)).ToList();
        return hits.Count == 0 ? null : hits.OrderByDescending(c => c.Level).ThenBy(c => c.Id).First().Id;
    }
}
