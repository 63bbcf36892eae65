using FireCommand.Core.Data;
using FireCommand.Core.Shared;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace FireCommand.Core.Tests.Data;

/// <summary>
/// Stored geometries read back as NetTopologySuite's own WKB reader reads them: the direct reading of
/// two-dimensional points is checked against it, in both byte orders, and everything else must reach it.
/// </summary>
public sealed class WkbConverterTests
{
    private static readonly WkbConverter<Point> Points = new();

    private static Point Reference(byte[] wkb) => (Point)new WKBReader().Read(wkb);

    [Fact]
    public void Points_ReadAsTheGeneralReaderReadsThem_InBothByteOrders()
    {
        var random = new Random(7);
        foreach (var order in new[] { ByteOrder.LittleEndian, ByteOrder.BigEndian })
            for (var i = 0; i < 200; i++)
            {
                // Across the whole globe, with the sub-millimetre digits a GPS fix carries.
                var written = Geography.Point(random.NextDouble() * 180 - 90, random.NextDouble() * 360 - 180);
                var wkb = new WKBWriter(order, handleSRID: false).Write(written);
                var read = Assert.IsType<Point>(Points.ConvertFromProvider(wkb));
                var reference = Reference(wkb);
                Assert.Equal((reference.X, reference.Y), (read.X, read.Y));
                Assert.Equal((written.X, written.Y), (read.X, read.Y));
                Assert.Equal(Geography.Wgs84, read.SRID);
            }
    }

    [Fact]
    public void WhatIsNotAPlainPoint_IsLeftToTheGeneralReader()
    {
        var flat = new WKBWriter().Write(Geography.Point(31.2, 121.4));
        Assert.Null(WkbConverter<Point>.ReadPoint(flat[..20]));
        var bigEndian = new WKBWriter(ByteOrder.BigEndian).Write(Geography.Point(31.2, 121.4));
        Assert.NotNull(WkbConverter<Point>.ReadPoint(bigEndian));

        // A point with a height is 29 bytes and another type code; it keeps its height through the general reader.
        var withHeight = new WKBWriter(ByteOrder.LittleEndian, handleSRID: false, emitZ: true)
            .Write(Geography.Factory.CreatePoint(new CoordinateZ(121.4, 31.2, 12.5)));
        Assert.Null(WkbConverter<Point>.ReadPoint(withHeight));
        Assert.Equal(12.5, ((Point)Points.ConvertFromProvider(withHeight)!).Z);

        // An empty point is written with NaN coordinates and read back empty.
        var empty = new WKBWriter().Write(Geography.Factory.CreatePoint());
        Assert.Null(WkbConverter<Point>.ReadPoint(empty));
        Assert.True(((Point)Points.ConvertFromProvider(empty)!).IsEmpty);

        // Not WKB at all: the general reader's refusal, not a made-up point.
        Assert.Null(WkbConverter<Point>.ReadPoint(new byte[21]));
    }
}
