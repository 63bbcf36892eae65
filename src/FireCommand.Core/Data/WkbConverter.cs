using System.Buffers.Binary;
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
        if (typeof(T) == typeof(Point) && ReadPoint(bytes) is { } point) return (T)(Geometry)point;
        var g = new WKBReader(Geography.Factory.GeometryServices).Read(bytes);
        g.SRID = Geography.Wgs84;
        // Station districts were single polygons before they could have several parts; old rows read as one part.
        if (g is Polygon p && typeof(T) == typeof(MultiPolygon)) g = Geography.Factory.CreateMultiPolygon([p]);
        return (T)g;
    }

    /// <summary>
    /// A two-dimensional point (the 21 bytes of ISO WKB type 1, either byte order) read directly. Every
    /// recommendation reads the position of every unit it may send, and the general reader's set-up cost
    /// more than the point; anything else (empty, with Z or M, an SRID header) goes to the general reader.
    /// </summary>
    internal static Point? ReadPoint(ReadOnlySpan<byte> wkb)
    {
        if (wkb.Length != 21 || wkb[0] > 1) return null;
        var little = wkb[0] == 1;
        var type = little ? BinaryPrimitives.ReadUInt32LittleEndian(wkb[1..]) : BinaryPrimitives.ReadUInt32BigEndian(wkb[1..]);
        if (type != 1) return null;
        var x = little ? BinaryPrimitives.ReadDoubleLittleEndian(wkb[5..]) : BinaryPrimitives.ReadDoubleBigEndian(wkb[5..]);
        var y = little ? BinaryPrimitives.ReadDoubleLittleEndian(wkb[13..]) : BinaryPrimitives.ReadDoubleBigEndian(wkb[13..]);
        // NaN coordinates are how WKB writes an empty point: the general reader knows what to make of it.
        if (double.IsNaN(x) || double.IsNaN(y)) return null;
        var point = Geography.Factory.CreatePoint(new Coordinate(x, y));
        point.SRID = Geography.Wgs84;
        return point;
    }
}

/// <summary>Geometries are compared by exact coordinates, not as collections of parts.</summary>
public sealed class GeometryComparer<T>() : Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<T>(
    (a, b) => a == null ? b == null : b != null && a.EqualsExact(b),
    g => g.GetHashCode(),
    g => (T)g.Copy())
    where T : Geometry;
