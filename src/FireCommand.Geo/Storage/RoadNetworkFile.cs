using System.Runtime.InteropServices;
using System.Text;
using FireCommand.Geo.Graph;

namespace FireCommand.Geo.Storage;

/// <summary>
/// Binary graph file: a header, the CSR arrays as raw little-endian blocks (read straight into the
/// arrays, which is why loading takes milliseconds where an import takes seconds), the imported
/// places and an end marker that exposes truncation. Every array is checked on load, so a damaged
/// file is rejected with <see cref="InvalidDataException"/> instead of crashing a search later.
/// Stateless and thread-safe.
/// </summary>
public static class RoadNetworkFile
{
    private static ReadOnlySpan<byte> Magic => "FCROADS\0"u8;
    private static ReadOnlySpan<byte> EndMarker => "FCEND\0\0\0"u8;
    private const int Version = 1;
    private const int HasLengths = 1, HasCoordinates = 2, HasExternalIds = 4;

    /// <summary>Saves atomically: the previous file stays intact if anything fails.</summary>
    public static void Save(RoadNetwork network, string path)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Graph files are little-endian.");
        AtomicFile.Write(path, stream => Write(network, stream));
    }

    /// <summary>Loads and validates a graph file.</summary>
    /// <exception cref="InvalidDataException">The file is not a graph file, or is truncated or damaged.</exception>
    public static RoadNetwork Load(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            return Read(stream);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"Graph file '{Path.GetFileName(path)}' is truncated.");
        }
    }

    private static void Write(RoadNetwork network, Stream stream)
    {
        var g = network.Graph;
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write((int)g.TimeUnit);
        w.Write(g.NodeCount);
        w.Write(g.EntryCount);
        w.Write(g.ArcCount);
        w.Write((g.HasLengths ? HasLengths : 0) | (g.HasCoordinates ? HasCoordinates : 0) | (g.ExternalIds is null ? 0 : HasExternalIds));
        w.Write(MemoryMarshal.AsBytes(g.FirstEntry.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(g.EntryHead.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(g.EntryTime.AsSpan()));
        if (g.EntryLength is not null) w.Write(MemoryMarshal.AsBytes(g.EntryLength.AsSpan()));
        if (g.LatE7 is not null && g.LonE7 is not null)
        {
            w.Write(MemoryMarshal.AsBytes(g.LatE7.AsSpan()));
            w.Write(MemoryMarshal.AsBytes(g.LonE7.AsSpan()));
        }
        if (g.ExternalIds is not null) w.Write(MemoryMarshal.AsBytes(g.ExternalIds.AsSpan()));
        w.Write(network.Source);
        w.Write(network.Places.Count);
        foreach (var p in network.Places)
        {
            w.Write((byte)p.Kind);
            w.Write(p.SourceId);
            w.Write(p.Name ?? "");
            w.Write(p.Location.Latitude);
            w.Write(p.Location.Longitude);
        }
        w.Write(EndMarker);
    }

    private static RoadNetwork Read(Stream stream)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        Span<byte> magic = stackalloc byte[8];
        stream.ReadExactly(magic);
        if (!magic.SequenceEqual(Magic)) throw new InvalidDataException("Not a FireCommand graph file.");
        int version = r.ReadInt32();
        if (version != Version) throw new InvalidDataException($"Graph file version {version} is not supported (expected {Version}).");
        var unit = (TravelTimeUnit)r.ReadInt32();
        int n = r.ReadInt32(), entries = r.ReadInt32(), arcs = r.ReadInt32(), flags = r.ReadInt32();
        if (!Enum.IsDefined(unit) || n < 0 || n > RoadGraph.MaxNodes || entries < 0 || arcs < 0 || (long)arcs > 2L * entries)
            throw new InvalidDataException("Graph file header is damaged.");
        // Refuse sizes the file cannot hold before allocating for them.
        long need = 4L * (n + 1) + 8L * entries;
        if (stream.CanSeek && stream.Length - stream.Position < need) throw new EndOfStreamException();

        var first = ReadArray<int>(stream, n + 1);
        var head = ReadArray<uint>(stream, entries);
        var time = ReadArray<int>(stream, entries);
        var length = (flags & HasLengths) != 0 ? ReadArray<float>(stream, entries) : null;
        int[]? lat = null, lon = null;
        if ((flags & HasCoordinates) != 0) { lat = ReadArray<int>(stream, n); lon = ReadArray<int>(stream, n); }
        var ids = (flags & HasExternalIds) != 0 ? ReadArray<long>(stream, n) : null;
        Validate(n, entries, first, head, time);

        string source = r.ReadString();
        int placeCount = r.ReadInt32();
        if (placeCount < 0 || placeCount > 10_000_000) throw new InvalidDataException("Graph file place list is damaged.");
        var places = new List<MapPlace>(placeCount);
        for (int i = 0; i < placeCount; i++)
        {
            var kind = (PlaceKind)r.ReadByte();
            string id = r.ReadString(), name = r.ReadString();
            places.Add(new MapPlace(kind, id, name.Length == 0 ? null : name, new GeoPoint(r.ReadDouble(), r.ReadDouble())));
        }
        stream.ReadExactly(magic);
        if (!magic.SequenceEqual(EndMarker)) throw new InvalidDataException("Graph file end marker is missing.");
        var graph = new RoadGraph(unit, arcs, first, head, time, length, lat, lon, ids);
        return new RoadNetwork(graph, places, source);
    }

    private static T[] ReadArray<T>(Stream stream, int count) where T : unmanaged
    {
        var array = GC.AllocateUninitializedArray<T>(count);
        stream.ReadExactly(MemoryMarshal.AsBytes(array.AsSpan()));
        return array;
    }

    private static void Validate(int n, int entries, int[] first, uint[] head, int[] time)
    {
        if (first[0] != 0 || first[n] != entries) throw new InvalidDataException("Graph file offsets are damaged.");
        for (int v = 0; v < n; v++)
            if (first[v + 1] < first[v]) throw new InvalidDataException("Graph file offsets are damaged.");
        for (int e = 0; e < entries; e++)
            if ((head[e] & RoadGraph.NodeMask) >= (uint)n || time[e] < 0)
                throw new InvalidDataException("Graph file arcs are damaged.");
    }
}
