using FireCommand.Core.Shared;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace FireCommand.Core.Data;

/// <summary>Stores an NTS geometry as ISO WKB (SRID 4326 restored on read). Thread-safe.</summary>
public sealed class WkbConverter<T>() : ValueConverter<T, byte[]>(g => Write(g), b => Read(b))
    where T : Geometry
{
    private static byte[] Write(T geometry) => new WKBWriter().Write(geometry);

    private static T Read(byte[] bytes)
    {
        var g = new WKBReader(Geography.Factory.GeometryServices).Read(bytes);
        g.SRID = Geography.Wgs84;
        // Station districts were single polygons before they could have several parts; old rows read as one part.
        if (g is Polygon p && typeof(T) == typeof(MultiPolygon)) g = Geography.Factory.CreateMultiPolygon([p]);
        return (T)g;
    }
}

/// <summary>Geometries are compared by exact coordinates, not as collections of parts.</summary>
public sealed class GeometryComparer<T>() : Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<T>(
    (a, b) => a == null ? b == null : b != null && a.EqualsExact(b),
    g => g.GetHashCode(),
    g => (T)g.Copy())
    where T : Geometry;
