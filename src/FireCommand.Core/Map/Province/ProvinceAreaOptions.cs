using FireCommand.Core.Map.Province.Boundaries;
using FireCommand.Core.Map.Province.ResponseAreas;

namespace FireCommand.Core.Map.Province;

/// <summary>
/// The areas of a package beyond OSM's: the corps' boundary files (each level they give replaces OSM's),
/// where station response areas come from, and what to do with a feature whose geometry is not a valid area.
/// </summary>
public sealed record ProvinceAreaOptions(IReadOnlyList<BoundaryFileSpec> BoundaryFiles, ResponseAreaSpec ResponseAreas,
    InvalidGeometryHandling InvalidGeometry = InvalidGeometryHandling.Fail)
{
    /// <summary>OSM boundaries only, response areas by road time.</summary>
    public static ProvinceAreaOptions Default { get; } = new([], ResponseAreaSpec.RoadTime);
}
