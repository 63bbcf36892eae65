using System.Buffers.Binary;

namespace FireCommand.Geo.Tiles;

/// <summary>Compression of a PMTiles directory or tile (spec v3, header bytes 97 and 98).</summary>
public enum PmTilesCompression : byte
{
    Unknown = 0,
    None = 1,
    Gzip = 2,
    Brotli = 3,
    Zstd = 4,
}

/// <summary>What the tiles of a PMTiles archive are (spec v3, header byte 99).</summary>
public enum PmTilesTileType : byte
{
    Unknown = 0,
    Mvt = 1,
    Png = 2,
    Jpeg = 3,
    Webp = 4,
    Avif = 5,
}

/// <summary>
/// The fixed 127-byte header of a PMTiles v3 archive: where the root directory, metadata, leaf
/// directories and tile data lie, how they are compressed, and the zoom range and bounds.
/// </summary>
public sealed record PmTilesHeader(
    ulong RootDirectoryOffset, ulong RootDirectoryLength,
    ulong MetadataOffset, ulong MetadataLength,
    ulong LeafDirectoriesOffset, ulong LeafDirectoriesLength,
    ulong TileDataOffset, ulong TileDataLength,
    PmTilesCompression InternalCompression, PmTilesCompression TileCompression, PmTilesTileType TileType,
    int MinZoom, int MaxZoom,
    double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude)
{
    public const int Length = 127;

    /// <summary>Reads the header; a file that is not PMTiles v3 is a <see cref="InvalidDataException"/> that says why.</summary>
    public static PmTilesHeader Parse(ReadOnlySpan<byte> b)
    {
        if (b.Length < Length) throw new InvalidDataException($"PMTiles header is {Length} bytes; the file has {b.Length}.");
        if (!b[..7].SequenceEqual("PMTiles"u8)) throw new InvalidDataException("Not a PMTiles file (no \"PMTiles\" magic).");
        if (b[7] != 3) throw new InvalidDataException($"PMTiles version {b[7]} is not supported; only version 3 is.");
        return new PmTilesHeader(U64(b, 8), U64(b, 16), U64(b, 24), U64(b, 32), U64(b, 40), U64(b, 48), U64(b, 56), U64(b, 64),
            (PmTilesCompression)b[97], (PmTilesCompression)b[98], (PmTilesTileType)b[99], b[100], b[101],
            E7(b, 102), E7(b, 106), E7(b, 110), E7(b, 114));
    }

    private static ulong U64(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt64LittleEndian(b[at..]);

    private static double E7(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadInt32LittleEndian(b[at..]) / 10_000_000.0;
}
