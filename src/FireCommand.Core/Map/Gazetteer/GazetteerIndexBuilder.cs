using System.Collections.Frozen;

namespace FireCommand.Core.Map.Gazetteer;

/// <summary>Validates entries and builds the <see cref="GazetteerIndex"/> from them.</summary>
internal static class GazetteerIndexBuilder
{
    public static GazetteerIndex Build(IEnumerable<GazetteerEntry> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var entries = source.Select(Validated).ToArray();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in entries)
            if (!ids.Add(e.Id)) throw new ArgumentException($"Duplicate gazetteer entry id '{e.Id}'.", nameof(source));

        var keys = new List<IndexKey>();
        var contextTokens = new HashSet<string>(StringComparer.Ordinal);
        var parents = new (string, string)[entries.Length][];
        var crossings = new CrossingRoads?[entries.Length];
        var nameKeys = new int[entries.Length];
        // A province has a few hundred distinct parents shared by tens of thousands of entries.
        var foldedParents = new Dictionary<string, (string Name, string Root)>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Length; i++)
        {
            var e = entries[i];
            nameKeys[i] = keys.Count;
            AddKeys(keys, i, KeyKind.Name, e.Name);
            foreach (var alias in e.Aliases) AddKeys(keys, i, KeyKind.Alias, alias);
            parents[i] = e.Parents.Select(p => FoldedParent(p, foldedParents)).Where(p => p.Name.Length > 0).ToArray();
            foreach (var (name, root) in parents[i])
            {
                contextTokens.Add(name);
                if (root.Length >= 2) contextTokens.Add(root);
            }
            crossings[i] = CrossingOf(e);
        }

        var searchable = Enumerable.Range(0, keys.Count).Where(k => keys[k].Kind != KeyKind.Root).ToList();
        return new GazetteerIndex
        {
            Entries = entries,
            Parents = parents,
            Keys = [.. keys],
            NameKeys = nameKeys,
            Exact = Group<string>(Enumerable.Range(0, keys.Count), k => [keys[k].Text], StringComparer.Ordinal),
            Bigrams = Group(searchable, k => Bigrams(keys[k].Text), EqualityComparer<int>.Default),
            FirstCharacters = Group(searchable, k => [keys[k].Text[0]], EqualityComparer<char>.Default),
            ContextTokens = contextTokens.ToFrozenSet(StringComparer.Ordinal),
            LongestContextToken = contextTokens.Count == 0 ? 0 : contextTokens.Max(t => t.Length),
            CrossingsByRoad = Group(Enumerable.Range(0, entries.Length).Where(i => crossings[i] is not null),
                i => RoadKeys(crossings[i]!), StringComparer.Ordinal),
            Crossings = crossings,
            CrossingRoadNames = crossings.Where(c => c is not null).SelectMany(c => new[] { c!.NameA, c.NameB })
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
        };
    }

    private static GazetteerEntry Validated(GazetteerEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (string.IsNullOrWhiteSpace(e.Id)) throw new ArgumentException("A gazetteer entry needs an id.", nameof(e));
        if (GazetteerText.Fold(e.Name ?? "").Length == 0)
            throw new ArgumentException($"Gazetteer entry '{e.Id}' has no searchable name.", nameof(e));
        if (!e.Location.IsValid) throw new ArgumentException($"Gazetteer entry '{e.Id}' has an invalid location.", nameof(e));
        if (e.Extent is { IsValid: false }) throw new ArgumentException($"Gazetteer entry '{e.Id}' has an invalid extent.", nameof(e));
        if (!double.IsFinite(e.Importance) || e.Importance is < 0 or > 1)
            throw new ArgumentException($"Gazetteer entry '{e.Id}' has importance {e.Importance}; it must lie in [0, 1].", nameof(e));
        // Own copies, so a caller changing its lists later cannot desynchronise the entry from the index.
        return e with
        {
            Aliases = [.. (e.Aliases ?? []).Where(a => !string.IsNullOrWhiteSpace(a))],
            Parents = [.. (e.Parents ?? []).Where(p => !string.IsNullOrWhiteSpace(p))],
            CrossingRoads = [.. e.CrossingRoads ?? []],
        };
    }

    private static void AddKeys(List<IndexKey> keys, int entry, KeyKind kind, string source)
    {
        var folded = GazetteerText.Normalise(source);
        if (folded.Text.Length == 0) return;
        keys.Add(new IndexKey(entry, kind, folded.Text, source, folded));
        if (GazetteerText.RootAndFamily(folded.Text) is var (root, family))
            keys.Add(new IndexKey(entry, KeyKind.Root, root, source, folded, family));
        // Pure ASCII names ("G60") already match an ASCII query as themselves.
        if (GazetteerText.IsAsciiAlphanumeric(folded.Text)) return;
        foreach (var initials in PinyinInitials.Variants(folded.Text))
            keys.Add(new IndexKey(entry, KeyKind.Initials, initials, source, folded));
    }

    private static (string Name, string Root) FoldedParent(string parent, Dictionary<string, (string, string)> cache)
    {
        if (!cache.TryGetValue(parent, out var folded))
        {
            var name = GazetteerText.Fold(parent);
            cache[parent] = folded = (name, GazetteerText.Root(name) ?? name);
        }
        return folded;
    }

    private static CrossingRoads? CrossingOf(GazetteerEntry e)
    {
        if (e.Kind != GazetteerKind.Junction || e.CrossingRoads.Count != 2) return null;
        var a = GazetteerText.Fold(e.CrossingRoads[0]);
        var b = GazetteerText.Fold(e.CrossingRoads[1]);
        if (a.Length == 0 || b.Length == 0 || a == b) return null;
        return new CrossingRoads(a, GazetteerText.Root(a) ?? a, b, GazetteerText.Root(b) ?? b);
    }

    private static IEnumerable<string> RoadKeys(CrossingRoads c) => new[] { c.NameA, c.RootA, c.NameB, c.RootB }.Distinct();

    private static IEnumerable<int> Bigrams(string text)
    {
        for (var i = 0; i + 1 < text.Length; i++) yield return GazetteerIndex.Bigram(text[i], text[i + 1]);
    }

    /// <summary>Inverts "item → tokens" into "token → ascending distinct items".</summary>
    private static FrozenDictionary<TKey, int[]> Group<TKey>(IEnumerable<int> items, Func<int, IEnumerable<TKey>> tokens,
        IEqualityComparer<TKey> comparer) where TKey : notnull
    {
        var lists = new Dictionary<TKey, List<int>>(comparer);
        foreach (var item in items)
        {
            foreach (var token in tokens(item))
            {
                if (!lists.TryGetValue(token, out var list)) lists[token] = list = [];
                if (list.Count == 0 || list[^1] != item) list.Add(item);
            }
        }
        return lists.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), comparer);
    }
}
