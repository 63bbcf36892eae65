using System.Collections.Frozen;

namespace FireCommand.Core.Map.Gazetteer;

/// <summary>Which form of an entry's name a search key holds.</summary>
internal enum KeyKind : byte
{
    Name,
    Alias,
    /// <summary>A name or alias without its generic ending (石门镇 → 石门).</summary>
    Root,
    /// <summary>Pinyin initials of a name or alias (临川万达广场 → lcwdgc).</summary>
    Initials,
}

/// <summary>
/// One searchable string of an entry, with the way back to the name as written; a root key also
/// remembers which family of ending it lost.
/// </summary>
internal sealed record IndexKey(int Entry, KeyKind Kind, string Text, string Source, NormalisedText Folded,
    SuffixFamily Family = SuffixFamily.None);

/// <summary>A crossing entry's two roads, folded, with their roots (the name itself when it has no generic ending).</summary>
internal sealed record CrossingRoads(string NameA, string RootA, string NameB, string RootB);

/// <summary>
/// The immutable lookup structures behind <see cref="Gazetteer"/>: exact keys, character bigram and
/// first-character postings for partial and fuzzy matching, the set of place names a query may start with
/// (context), and the crossings by road. Built once; only read afterwards, so any number of threads
/// may search it at once.
/// </summary>
internal sealed class GazetteerIndex
{
    public required GazetteerEntry[] Entries { get; init; }

    /// <summary>Per entry, its parents folded, each with its root (or itself).</summary>
    public required (string Name, string Root)[][] Parents { get; init; }

    public required IndexKey[] Keys { get; init; }

    /// <summary>Per entry, the id of the key holding its name.</summary>
    public required int[] NameKeys { get; init; }

    /// <summary>Key text → keys, for exact lookups of names, aliases, roots and initials.</summary>
    public required FrozenDictionary<string, int[]> Exact { get; init; }

    /// <summary>Two adjacent characters (<see cref="Bigram"/>) → ascending ids of name, alias and initials keys containing them.</summary>
    public required FrozenDictionary<int, int[]> Bigrams { get; init; }

    /// <summary>First character → ascending ids of name, alias and initials keys starting with it.</summary>
    public required FrozenDictionary<char, int[]> FirstCharacters { get; init; }

    /// <summary>Folded parent names and their roots, which a query may name before the place itself.</summary>
    public required FrozenSet<string> ContextTokens { get; init; }

    public required int LongestContextToken { get; init; }

    /// <summary>Folded road name or root → crossing entries on such a road.</summary>
    public required FrozenDictionary<string, int[]> CrossingsByRoad { get; init; }

    /// <summary>Per crossing entry, its two roads; null for other entries.</summary>
    public required CrossingRoads?[] Crossings { get; init; }

    /// <summary>Distinct folded names of roads that have crossings, for fuzzy road matching.</summary>
    public required string[] CrossingRoadNames { get; init; }

    public static int Bigram(char a, char b) => (a << 16) | b;

    /// <summary>True when one of the entry's parents is <paramref name="token"/>, with or without a generic ending.</summary>
    public bool HasParent(int entry, string token)
    {
        var root = GazetteerText.Root(token) ?? token;
        foreach (var (name, parentRoot) in Parents[entry])
            if (name == token || parentRoot == root) return true;
        return false;
    }
}
