namespace FireCommand.Geo.Import.Osm;

/// <summary>
/// Walks the blob frames of an OSM PBF file (4-byte big-endian header length, BlobHeader, blob) without
/// decoding them. A download cut short ends mid-blob, and a decoder may simply stop there and return
/// a partial map; checking the framing first turns that into a clear error. Stateless, thread-safe.
/// </summary>
internal static class PbfFraming
{
    /// <summary>Throws <see cref="InvalidDataException"/> when the frames do not fill the file exactly.</summary>
    public static void Check(Stream stream, string name)
    {
        Span<byte> lengthBytes = stackalloc byte[4];
        long total = stream.Length;
        int blobs = 0;
        while (stream.Position < total)
        {
            long at = stream.Position;
            if (stream.ReadAtLeast(lengthBytes, 4, throwOnEndOfStream: false) < 4) throw Truncated(name, at);
            int headerLength = (lengthBytes[0] << 24) | (lengthBytes[1] << 16) | (lengthBytes[2] << 8) | lengthBytes[3];
            if (headerLength <= 0 || headerLength > 64 * 1024)
                throw new InvalidDataException($"{name}: not an OSM PBF file (bad blob header length at byte {at}).");
            var header = new byte[headerLength];
            if (stream.ReadAtLeast(header, headerLength, throwOnEndOfStream: false) < headerLength) throw Truncated(name, at);
            long dataSize = DataSize(header) ?? throw new InvalidDataException($"{name}: damaged blob header at byte {at}.");
            if (dataSize < 0 || stream.Position + dataSize > total) throw Truncated(name, at);
            stream.Seek(dataSize, SeekOrigin.Current);
            blobs++;
        }
        if (blobs == 0) throw new InvalidDataException($"{name}: empty file.");
        stream.Position = 0;
    }

    // BlobHeader { string type = 1; bytes indexdata = 2; int32 datasize = 3; }
    private static long? DataSize(ReadOnlySpan<byte> header)
    {
        int i = 0;
        long? dataSize = null;
        while (i < header.Length)
        {
            if (ReadVarint(header, ref i) is not { } tag) return null;
            int wire = (int)(tag & 7), field = (int)(tag >> 3);
            if (wire == 0)
            {
                if (ReadVarint(header, ref i) is not { } value) return null;
                if (field == 3) dataSize = (long)value;
            }
            else if (wire == 2)
            {
                if (ReadVarint(header, ref i) is not { } length || length > (ulong)(header.Length - i)) return null;
                i += (int)length;
            }
            else return null;
        }
        return dataSize;
    }

    private static ulong? ReadVarint(ReadOnlySpan<byte> data, ref int i)
    {
        ulong value = 0;
        for (int shift = 0; shift < 64 && i < data.Length; shift += 7)
        {
            byte b = data[i++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
        return null;
    }

    private static InvalidDataException Truncated(string name, long at) =>
        new($"{name}: OSM PBF file is truncated (a block starting at byte {at} is incomplete).");
}
