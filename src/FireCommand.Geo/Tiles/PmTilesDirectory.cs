namespace FireCommand.Geo.Tiles;

/// <summary>
/// One directory entry: a run of <see cref="RunLength"/> consecutive tile ids sharing one blob at
/// <see cref="Offset"/>/<see cref="Length"/> (relative to the tile data), or, when the run length is
/// 0, a leaf directory at that place (relative to the leaf directories).
/// </summary>
public readonly record struct PmTilesEntry(ulong TileId, ulong Offset, uint Length, uint RunLength);

/// <summary>
/// PMTiles v3 tile ids and directories: the Hilbert-curve tile id, the column-wise varint directory
/// encoding, and the search for the entry that holds a tile id. Pure functions, thread-safe.
/// </summary>
public static class PmTilesDirectory
{
    /// <summary>The largest zoom whose tile ids fit the format's 64-bit ids.</summary>
    public const int MaxZoom = 31;

    /// <summary>
    /// Tile id of z/x/y: the count of tiles on all lower zooms, plus the position of (x, y) along the
    /// Hilbert curve of zoom z (spec v3, "Tile IDs").
    /// </summary>
    public static ulong TileId(int z, uint x, uint y)
    {
        if (z is < 0 or > MaxZoom) throw new ArgumentOutOfRangeException(nameof(z), z, $"zoom must be 0..{MaxZoom}");
        ulong n = 1UL << z;
        if (x >= n) throw new ArgumentOutOfRangeException(nameof(x), x, $"x must be below {n} at zoom {z}");
        if (y >= n) throw new ArgumentOutOfRangeException(nameof(y), y, $"y must be below {n} at zoom {z}");
        ulong below = ((1UL << (2 * z)) - 1) / 3;
        ulong d = 0;
        ulong xx = x, yy = y;
        for (ulong s = n / 2; s > 0; s /= 2)
        {
            ulong rx = (xx & s) > 0 ? 1UL : 0UL;
            ulong ry = (yy & s) > 0 ? 1UL : 0UL;
            d += s * s * ((3 * rx) ^ ry);
            if (ry == 0)
            {
                if (rx == 1)
                {
                    xx = n - 1 - xx;
                    yy = n - 1 - yy;
                }
                (xx, yy) = (yy, xx);
            }
        }
        return below + d;
    }

    /// <summary>
    /// Decodes an (already decompressed) directory: the entry count, then the tile ids as deltas, the
    /// run lengths, the lengths and the offsets, each column as unsigned LEB128 varints. An offset of 0
    /// after the first entry means "right after the previous entry"; otherwise the stored value is offset + 1.
    /// </summary>
    public static PmTilesEntry[] Decode(ReadOnlySpan<byte> data)
    {
        int at = 0;
        ulong count = ReadVarint(data, ref at);
        // Each entry takes at least four bytes; a larger count is a corrupt file, not a reason to allocate.
        if (count > (ulong)data.Length / 4 + 1) throw new InvalidDataException($"PMTiles directory claims {count} entries in {data.Length} bytes.");
        var ids = new ulong[count];
        var runs = new uint[count];
        var lengths = new uint[count];
        var entries = new PmTilesEntry[count];
        ulong last = 0;
        for (ulong i = 0; i < count; i++)
        {
            last += ReadVarint(data, ref at);
            ids[i] = last;
        }
        for (ulong i = 0; i < count; i++) runs[i] = checked((uint)ReadVarint(data, ref at));
        for (ulong i = 0; i < count; i++) lengths[i] = checked((uint)ReadVarint(data, ref at));
        for (ulong i = 0; i < count; i++)
        {
            ulong stored = ReadVarint(data, ref at);
            ulong offset = stored == 0 && i > 0 ? entries[i - 1].Offset + entries[i - 1].Length : stored - 1;
            if (stored == 0 && i == 0) throw new InvalidDataException("PMTiles directory: the first entry has no offset.");
            entries[i] = new PmTilesEntry(ids[i], offset, lengths[i], runs[i]);
        }
        return entries;
    }

    /// <summary>
    /// The entry that holds <paramref name="tileId"/>: a tile run that covers it, or the leaf directory
    /// (run length 0) whose range it falls in; null when the archive has no such tile.
    /// </summary>
    public static PmTilesEntry? Find(ReadOnlySpan<PmTilesEntry> entries, ulong tileId)
    {
        int lo = 0, hi = entries.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (entries[mid].TileId < tileId) lo = mid + 1;
            else if (entries[mid].TileId > tileId) hi = mid - 1;
            else return entries[mid];
        }
        // hi is now the last entry that starts before the tile id.
        if (hi < 0) return null;
        var e = entries[hi];
        return e.RunLength == 0 || tileId - e.TileId < e.RunLength ? e : null;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int at)
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (at >= data.Length) throw new InvalidDataException("PMTiles directory ends inside a number.");
            byte b = data[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
        throw new InvalidDataException("PMTiles directory holds a number longer than 64 bits.");
    }
}
