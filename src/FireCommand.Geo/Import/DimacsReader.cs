using System.Globalization;
using FireCommand.Geo.Graph;

namespace FireCommand.Geo.Import;

/// <summary>
/// Reads 9th DIMACS Challenge shortest-path files: <c>.gr</c> (<c>p sp n m</c>, arcs <c>a u v w</c>,
/// 1-based) and optional <c>.co</c> (<c>v id lon lat</c> in millionths of a degree), plain or gzip.
/// Weights are kept exactly as given (<see cref="TravelTimeUnit.Nominal"/>) so results compare
/// digit for digit with other engines on the same file; the graph is not trimmed to a component for
/// the same reason. Stateless and thread-safe.
/// </summary>
public static class DimacsReader
{
    /// <summary>Reads a graph and, when given, its coordinates.</summary>
    /// <exception cref="InvalidDataException">A line is malformed or the counts disagree; the message names the line.</exception>
    public static RoadNetwork Read(string grPath, string? coPath = null, IProgress<double>? progress = null)
    {
        var (n, arcs) = ReadArcs(grPath, progress);
        int[]? lat = null, lon = null;
        if (coPath is not null) (lat, lon) = ReadCoordinates(coPath, n);
        var graph = GraphAssembler.Assemble(n, arcs, TravelTimeUnit.Nominal, keepLengths: false, lat, lon, externalIds: null);
        return new RoadNetwork(graph, [], Path.GetFileName(grPath));
    }

    private static (int N, ArcList Arcs) ReadArcs(string path, IProgress<double>? progress)
    {
        using var content = InputFiles.Open(path, out var raw);
        using var reader = new StreamReader(content);
        int n = -1, m = -1;
        ArcList? arcs = null;
        long lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == 'c') continue;
            var fields = Fields(line);
            if (line[0] == 'p')
            {
                if (n >= 0 || fields.Count != 4 || line.AsSpan(fields[1]) is not "sp")
                    throw Bad(path, lineNo, "expected one problem line 'p sp <nodes> <arcs>'");
                n = ParseInt(line, fields[2], path, lineNo);
                m = ParseInt(line, fields[3], path, lineNo);
                if (n <= 0 || n > RoadGraph.MaxNodes || m < 0) throw Bad(path, lineNo, "node or arc count out of range");
                arcs = new ArcList(m);
            }
            else if (line[0] == 'a')
            {
                if (arcs is null) throw Bad(path, lineNo, "arc before the problem line");
                if (fields.Count != 4) throw Bad(path, lineNo, "expected 'a <from> <to> <weight>'");
                int u = ParseInt(line, fields[1], path, lineNo), v = ParseInt(line, fields[2], path, lineNo);
                int w = ParseInt(line, fields[3], path, lineNo);
                if (u < 1 || u > n || v < 1 || v > n) throw Bad(path, lineNo, $"node id outside 1..{n}");
                if (w < 0) throw Bad(path, lineNo, "negative weight");
                arcs.Add(u - 1, v - 1, w, float.NaN);
                if ((arcs.Count & 0xFFFF) == 0) progress?.Report((double)raw.Position / raw.Length);
            }
            else throw Bad(path, lineNo, $"unknown line type '{line[0]}'");
        }
        if (arcs is null) throw new InvalidDataException($"{Path.GetFileName(path)}: no 'p sp' problem line.");
        if (arcs.Count != m)
            throw new InvalidDataException($"{Path.GetFileName(path)}: problem line announces {m} arcs but the file has {arcs.Count} (truncated?).");
        progress?.Report(1.0);
        return (n, arcs);
    }

    private static (int[] Lat, int[] Lon) ReadCoordinates(string path, int n)
    {
        using var content = InputFiles.Open(path, out _);
        using var reader = new StreamReader(content);
        var lat = new int[n]; var lon = new int[n];
        var seen = new bool[n];
        int count = 0;
        long lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line[0] is 'c' or 'p') continue;
            var fields = Fields(line);
            if (line[0] != 'v' || fields.Count != 4) throw Bad(path, lineNo, "expected 'v <id> <lon> <lat>'");
            int id = ParseInt(line, fields[1], path, lineNo);
            int x = ParseInt(line, fields[2], path, lineNo), y = ParseInt(line, fields[3], path, lineNo);
            if (id < 1 || id > n) throw Bad(path, lineNo, $"node id outside 1..{n}");
            if (Math.Abs(x) > 180_000_000 || Math.Abs(y) > 90_000_000) throw Bad(path, lineNo, "coordinate off the globe");
            if (!seen[id - 1]) count++;
            seen[id - 1] = true;
            lon[id - 1] = x * 10; // millionths → 1e-7 degrees
            lat[id - 1] = y * 10;
        }
        if (count != n) throw new InvalidDataException($"{Path.GetFileName(path)}: coordinates for {count} of {n} nodes.");
        return (lat, lon);
    }

    private static List<Range> Fields(string line)
    {
        var fields = new List<Range>(4);
        foreach (var r in line.AsSpan().SplitAny(" \t")) if (r.End.Value > r.Start.Value) fields.Add(r);
        return fields;
    }

    private static int ParseInt(string line, Range field, string path, long lineNo) =>
        int.TryParse(line.AsSpan(field), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw Bad(path, lineNo, $"'{line[field]}' is not an integer");

    private static InvalidDataException Bad(string path, long lineNo, string what) =>
        new($"{Path.GetFileName(path)} line {lineNo}: {what}.");
}
