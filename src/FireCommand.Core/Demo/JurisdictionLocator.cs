using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace FireCommand.Core.Demo;

/// <summary>
/// Finds the brigade whose WGS-84 boundary covers a point. Works on the final geometries, so a
/// point the generator assigns to a brigade is covered by that brigade's stored boundary; on a
/// shared border the lowest brigade id wins. Not thread-safe (the NTS locators index lazily).
/// </summary>
internal sealed class JurisdictionLocator
{
    private readonly List<(BrigadePlan Brigade, Envelope Envelope, IndexedPointInAreaLocator Locator)> _brigades;

    public JurisdictionLocator(IEnumerable<BrigadePlan> brigades)
    {
        _brigades = brigades.OrderBy(b => b.Id)
            .Select(b => (b, b.Boundary.EnvelopeInternal, new IndexedPointInAreaLocator(b.Boundary)))
            .ToList();
    }

    public BrigadePlan? Locate(Coordinate lonLat)
    {
        foreach (var (brigade, envelope, locator) in _brigades)
        {
            if (!envelope.Covers(lonLat)) continue;
            if (locator.Locate(lonLat) != Location.Exterior) return brigade;
        }
        return null;
    }
}
