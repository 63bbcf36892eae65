using System.IO.Compression;

namespace FireCommand.Geo.Import;

/// <summary>Opens input files, decompressing gzip when the content starts with the gzip signature
/// (rather than trusting the extension). Stateless and thread-safe.</summary>
internal static class InputFiles
{
    /// <summary>Opens a file for sequential reading; <paramref name="raw"/> is the file stream (for
    /// progress by position) and the result the possibly decompressed content.</summary>
    public static Stream Open(string path, out FileStream raw)
    {
        raw = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            return IsGzip(raw) ? new GZipStream(raw, CompressionMode.Decompress, leaveOpen: false) : raw;
        }
        catch
        {
            raw.Dispose();
            throw;
        }
    }

    public static bool IsGzip(FileStream stream)
    {
        Span<byte> head = stackalloc byte[2];
        int read = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == 2 && head[0] == 0x1F && head[1] == 0x8B;
    }
}
