using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace FireCommand.Geo.Tiles;

/// <summary>
/// Reads tiles from a local PMTiles v3 archive (one file: header, root directory, metadata, leaf
/// directories, tile data). Directories may be uncompressed, gzip or brotli; zstd is refused at open,
/// since .NET has no decoder for it. Tiles are returned exactly as stored (still compressed when the
/// header says so): the caller passes the compression on to the client as Content-Encoding.
/// Thread-safe: reads are positional (no shared file position) and the leaf cache is concurrent.
/// </summary>
public sealed class PmTilesReader : IDisposable
{
    // A leaf directory holds thousands of entries; a province-sized archive has a few hundred leaves.
    private const int LeafCacheSize = 256;
    // The spec allows a root and at most three levels of leaves.
    private const int MaxDepth = 4;

    private readonly SafeFileHandle _file;
    private readonly long _fileLength;
    private readonly PmTilesEntry[] _root;
    private readonly ConcurrentDictionary<ulong, PmTilesEntry[]> _leaves = new();

    private PmTilesReader(SafeFileHandle file, PmTilesHeader header)
    {
        _file = file;
        _fileLength = RandomAccess.GetLength(file);
        Header = header;
        if (header.InternalCompression is not (PmTilesCompression.None or PmTilesCompression.Gzip or PmTilesCompression.Brotli))
            throw new InvalidDataException($"PMTiles directories compressed as {header.InternalCompression} cannot be read; rebuild the archive with gzip.");
        _root = ReadDirectory(header.RootDirectoryOffset, header.RootDirectoryLength);
    }

    public PmTilesHeader Header { get; }

    /// <summary>Opens an archive and reads its header and root directory; a bad file throws <see cref="InvalidDataException"/>.</summary>
    public static PmTilesReader Open(string path)
    {
        var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        try
        {
            var bytes = new byte[PmTilesHeader.Length];
            int read = RandomAccess.Read(file, bytes, 0);
            return new PmTilesReader(file, PmTilesHeader.Parse(bytes.AsSpan(0, read)));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The archive's JSON metadata (name, attribution, vector layers…), decompressed.</summary>
    public string ReadMetadata() =>
        Header.MetadataLength == 0 ? "{}" : Encoding.UTF8.GetString(Decompress(ReadRange(Header.MetadataOffset, Header.MetadataLength)));

    /// <summary>The stored bytes of tile z/x/y (XYZ numbering, y down), or null when the archive has none.</summary>
    public byte[]? ReadTile(int z, uint x, uint y)
    {
        if (z < Header.MinZoom || z > Header.MaxZoom) return null;
        ulong id = PmTilesDirectory.TileId(z, x, y);
        var directory = _root;
        for (int depth = 0; depth < MaxDepth; depth++)
        {
            if (PmTilesDirectory.Find(directory, id) is not { } entry) return null;
            if (entry.RunLength > 0) return ReadRange(Header.TileDataOffset + entry.Offset, entry.Length);
            directory = Leaf(Header.LeafDirectoriesOffset + entry.Offset, entry.Length);
        }
        throw new InvalidDataException($"PMTiles leaf directories nest deeper than {MaxDepth - 1} levels.");
    }

    private PmTilesEntry[] Leaf(ulong offset, ulong length)
    {
        if (_leaves.TryGetValue(offset, out var cached)) return cached;
        var leaf = ReadDirectory(offset, length);
        // Not an LRU: a full cache is emptied. Map viewers ask for neighbouring tiles, which share a leaf.
        if (_leaves.Count >= LeafCacheSize) _leaves.Clear();
        _leaves[offset] = leaf;
        return leaf;
    }

    private PmTilesEntry[] ReadDirectory(ulong offset, ulong length) =>
        PmTilesDirectory.Decode(Decompress(ReadRange(offset, length)));

    private byte[] Decompress(byte[] data)
    {
        if (Header.InternalCompression == PmTilesCompression.None) return data;
        using var input = new MemoryStream(data);
        using Stream decoder = Header.InternalCompression == PmTilesCompression.Gzip
            ? new GZipStream(input, CompressionMode.Decompress)
            : new BrotliStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    private byte[] ReadRange(ulong offset, ulong length)
    {
        if (length > int.MaxValue || offset > (ulong)_fileLength || length > (ulong)_fileLength - offset)
            throw new InvalidDataException($"PMTiles range {offset}+{length} lies outside the {_fileLength}-byte file.");
        var buffer = new byte[length];
        int done = 0;
        while (done < buffer.Length)
        {
            int n = RandomAccess.Read(_file, buffer.AsSpan(done), (long)offset + done);
            if (n == 0) throw new InvalidDataException("PMTiles file ended early.");
            done += n;
        }
        return buffer;
    }

    public void Dispose() => _file.Dispose();
}
