using System.Buffers.Binary;
using System.IO.Compression;

namespace FireCommand.Geo.Tests.Tiles;

/// <summary>
/// Writes a PMTiles v3 archive straight from the specification, sharing no code with the reader: tile
/// ids come from the Hilbert curve walked forwards (d → x, y, the inverse of what the reader computes),
/// identical consecutive tiles become one run, directories are gzip-compressed, and with
/// <c>leafSize</c> the entries go into leaf directories that the root points to.
/// </summary>
internal static class PmTilesSpecWriter
{
    public sealed record Tile(int Z, int X, int Y, byte[] Data);

    private sealed record Entry(ulong TileId, ulong Offset, ulong Length, ulong RunLength);

    /// <summary>Tile id of z/x/y by walking the zoom's Hilbert curve (Wikipedia's d2xy) until it reaches (x, y).</summary>
    public static ulong ReferenceTileId(int z, int x, int y)
    {
        ulong below = 0;
        for (int level = 0; level < z; level++) below += 1UL << (2 * level);
        long n = 1L << z;
        for (long d = 0; d < n * n; d++)
        {
            var (hx, hy) = D2Xy(n, d);
            if (hx == x && hy == y) return below + (ulong)d;
        }
        throw new ArgumentOutOfRangeException(nameof(x));
    }

    private static (long X, long Y) D2Xy(long n, long d)
    {
        long x = 0, y = 0, t = d;
        for (long s = 1; s < n; s *= 2)
        {
            long rx = 1 & (t / 2);
            long ry = 1 & (t ^ rx);
            if (ry == 0)
            {
                if (rx == 1)
                {
                    x = s - 1 - x;
                    y = s - 1 - y;
                }
                (x, y) = (y, x);
            }
            x += s * rx;
            y += s * ry;
            t /= 4;
        }
        return (x, y);
    }

    public static byte[] Write(IEnumerable<Tile> tiles, byte tileType, int minZoom, int maxZoom, string metadataJson,
        int? leafSize = null, (double W, double S, double E, double N)? bounds = null)
    {
        var sorted = tiles.Select(t => (Id: ReferenceTileId(t.Z, t.X, t.Y), t.Data)).OrderBy(t => t.Id).ToList();
        var data = new MemoryStream();
        var entries = new List<Entry>();
        var stored = new Dictionary<string, ulong>();
        foreach (var (id, bytes) in sorted)
        {
            var last = entries.Count > 0 ? entries[^1] : null;
            if (last is not null && last.TileId + last.RunLength == id
                && data.ToArray().AsSpan((int)last.Offset, (int)last.Length).SequenceEqual(bytes))
            {
                entries[^1] = last with { RunLength = last.RunLength + 1 };
                continue;
            }
            // Content seen before (not next to it) is stored once: its entry points back, so its offset is not contiguous.
            var key = Convert.ToBase64String(bytes);
            if (!stored.TryGetValue(key, out var offset))
            {
                offset = (ulong)data.Length;
                stored[key] = offset;
                data.Write(bytes);
            }
            entries.Add(new Entry(id, offset, (ulong)bytes.Length, 1));
        }

        byte[] root;
        var leaves = new MemoryStream();
        if (leafSize is { } size)
        {
            var rootEntries = new List<Entry>();
            foreach (var chunk in entries.Chunk(size))
            {
                var leaf = Gzip(EncodeDirectory(chunk));
                rootEntries.Add(new Entry(chunk[0].TileId, (ulong)leaves.Length, (ulong)leaf.Length, 0));
                leaves.Write(leaf);
            }
            root = Gzip(EncodeDirectory(rootEntries));
        }
        else
        {
            root = Gzip(EncodeDirectory(entries));
        }
        var metadata = Gzip(System.Text.Encoding.UTF8.GetBytes(metadataJson));

        var header = new byte[127];
        "PMTiles"u8.CopyTo(header);
        header[7] = 3;
        ulong at = 127;
        void Put(int field, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(field), value);
        Put(8, at); Put(16, (ulong)root.Length); at += (ulong)root.Length;
        Put(24, at); Put(32, (ulong)metadata.Length); at += (ulong)metadata.Length;
        Put(40, at); Put(48, (ulong)leaves.Length); at += (ulong)leaves.Length;
        Put(56, at); Put(64, (ulong)data.Length);
        Put(72, (ulong)sorted.Count); Put(80, (ulong)entries.Count); Put(88, (ulong)entries.Count);
        header[96] = 1; // clustered
        header[97] = 2; // internal compression: gzip
        header[98] = 1; // tile compression: none
        header[99] = tileType;
        header[100] = (byte)minZoom;
        header[101] = (byte)maxZoom;
        var (w, s, e, n) = bounds ?? (-180, -85, 180, 85);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(102), (int)Math.Round(w * 1e7));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(106), (int)Math.Round(s * 1e7));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(110), (int)Math.Round(e * 1e7));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(114), (int)Math.Round(n * 1e7));

        var file = new MemoryStream();
        file.Write(header);
        file.Write(root);
        file.Write(metadata);
        leaves.WriteTo(file);
        data.WriteTo(file);
        return file.ToArray();
    }

    private static byte[] EncodeDirectory(IReadOnlyList<Entry> entries)
    {
        var o = new MemoryStream();
        Varint(o, (ulong)entries.Count);
        ulong previous = 0;
        foreach (var e in entries)
        {
            Varint(o, e.TileId - previous);
            previous = e.TileId;
        }
        foreach (var e in entries) Varint(o, e.RunLength);
        foreach (var e in entries) Varint(o, e.Length);
        for (int i = 0; i < entries.Count; i++)
        {
            // 0 = "right after the previous entry", as the spec allows; otherwise offset + 1.
            bool contiguous = i > 0 && entries[i].Offset == entries[i - 1].Offset + entries[i - 1].Length;
            Varint(o, contiguous ? 0 : entries[i].Offset + 1);
        }
        return o.ToArray();
    }

    private static void Varint(Stream o, ulong value)
    {
        while (value >= 0x80)
        {
            o.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        o.WriteByte((byte)value);
    }

    private static byte[] Gzip(byte[] raw)
    {
        var o = new MemoryStream();
        using (var gz = new GZipStream(o, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(raw);
        return o.ToArray();
    }
}
