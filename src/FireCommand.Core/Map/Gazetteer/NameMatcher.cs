using System.Buffers;

namespace FireCommand.Core.Map.Gazetteer;

/// <summary>
/// Matches one folded query string against every name, alias, root and initials key: exact lookups
/// first, then prefix and contains on the keys sharing the query's rarest bigram, then one-edit
/// fuzzy matches on the keys sharing enough bigrams to be within one edit. Stateless and thread-safe.
/// </summary>
internal static class NameMatcher
{
    /// <summary>Longer keys (long addresses) are not worth a fuzzy comparison and would strain the stack.</summary>
    private const int MaxFuzzyKeyLength = 128;

    private static readonly ArrayPool<int> CounterPool = ArrayPool<int>.Create();

    public static void Match(GazetteerIndex index, string query, QueryScope scope, int limit, MatchCollector into)
    {
        if (query.Length == 0) return;
        MatchExact(index, query, scope, into);
        MatchPartial(index, query, scope, into);
        // Fuzzy matches score below every better kind (see MatchBand), so when better ones already
        // fill the answer the costliest stage cannot change it.
        if (query.Length >= 3 && !GazetteerText.IsAsciiAlphanumeric(query) && into.CountAtLeast(MatchBand.FuzzyCeiling) < limit)
            MatchFuzzy(index, query, scope, into);
    }

    private static void MatchExact(GazetteerIndex index, string query, QueryScope scope, MatchCollector into)
    {
        if (index.Exact.TryGetValue(query, out var keys))
        {
            foreach (var k in keys)
            {
                var key = index.Keys[k];
                var (band, kind) = key.Kind switch
                {
                    KeyKind.Root => (MatchBand.ExactIgnoringSuffix, MatchKind.ExactIgnoringSuffix),
                    KeyKind.Initials => (MatchBand.InitialsExact, MatchKind.PinyinInitials),
                    _ => (MatchBand.Exact, MatchKind.Exact),
                };
                Add(index, into, k, scope, new Hit(band, 1, kind, k, 0, key.Text.Length, 0));
            }
        }
        // "石门乡" for 石门镇, "解放路" for 解放大道: the roots agree and the endings are of one family
        // (人民路 is not 人民村); a name that is the bare root ("石门") matches too.
        if (GazetteerText.RootAndFamily(query) is var (root, family) && index.Exact.TryGetValue(root, out var rootKeys))
        {
            foreach (var k in rootKeys)
            {
                var key = index.Keys[k];
                if (key.Kind == KeyKind.Initials || (key.Kind == KeyKind.Root && key.Family != family)) continue;
                Add(index, into, k, scope, new Hit(MatchBand.ExactIgnoringSuffix, 1, MatchKind.ExactIgnoringSuffix, k, 0, root.Length, 0));
            }
        }
    }

    private static void MatchPartial(GazetteerIndex index, string query, QueryScope scope, MatchCollector into)
    {
        var candidates = RarestPosting(index, query);
        foreach (var k in candidates)
        {
            var key = index.Keys[k];
            // One character inside a name says nothing (路, 村); as a first character it starts a name.
            var at = query.Length == 1 ? (key.Text[0] == query[0] ? 0 : -1) : key.Text.IndexOf(query, StringComparison.Ordinal);
            if (at < 0 || key.Text.Length == query.Length) continue;
            var coverage = (double)query.Length / key.Text.Length;
            var initials = key.Kind == KeyKind.Initials;
            // Two or fewer initials inside a longer string match almost anything.
            if (initials && at > 0 && query.Length < 3) continue;
            var (band, kind) = (initials, at == 0) switch
            {
                (true, true) => (MatchBand.InitialsPrefix, MatchKind.PinyinInitials),
                (true, false) => (MatchBand.InitialsContains, MatchKind.PinyinInitials),
                (false, true) => (MatchBand.Prefix, MatchKind.Prefix),
                _ => (MatchBand.Contains, MatchKind.Contains),
            };
            Add(index, into, k, scope, new Hit(band, coverage, kind, k, at, query.Length, 0));
        }
    }

    private static ReadOnlySpan<int> RarestPosting(GazetteerIndex index, string query)
    {
        if (query.Length == 1) return index.FirstCharacters.TryGetValue(query[0], out var one) ? one : [];
        int[]? rarest = null;
        for (var i = 0; i + 1 < query.Length; i++)
        {
            // A bigram no key has rules out every prefix and contains match.
            if (!index.Bigrams.TryGetValue(GazetteerIndex.Bigram(query[i], query[i + 1]), out var posting)) return [];
            if (rarest is null || posting.Length < rarest.Length) rarest = posting;
        }
        return rarest;
    }

    private static void MatchFuzzy(GazetteerIndex index, string query, QueryScope scope, MatchCollector into)
    {
        // One edit destroys at most two of the query's distinct bigrams, so a key within one edit
        // shares all but two; a three-character query with its middle character wrong shares none.
        var bigrams = new HashSet<int>();
        for (var i = 0; i + 1 < query.Length; i++) bigrams.Add(GazetteerIndex.Bigram(query[i], query[i + 1]));
        var needed = Math.Max(1, bigrams.Count - 2);
        var counts = CounterPool.Rent(index.Keys.Length);
        var touched = new List<int>();
        try
        {
            foreach (var bigram in bigrams)
            {
                if (!index.Bigrams.TryGetValue(bigram, out var posting)) continue;
                foreach (var k in posting)
                    if (counts[k]++ == 0) touched.Add(k);
            }
            foreach (var k in touched)
                if (counts[k] >= needed) Verify(index, query, k, scope, into);
            if (query.Length == 3) MatchMiddleTypo(index, query, counts, scope, into);
        }
        finally
        {
            foreach (var k in touched) counts[k] = 0;
            CounterPool.Return(counts);
        }
    }

    /// <summary>
    /// A three-character query is only matched whole (a partial fuzzy match needs four), so a key
    /// within one edit that shares no bigram with it (石们镇 / 石门镇, 石门镇 / 石镇) starts with the
    /// same character and is two to four characters long.
    /// </summary>
    private static void MatchMiddleTypo(GazetteerIndex index, string query, int[] counts, QueryScope scope,
        MatchCollector into)
    {
        if (!index.FirstCharacters.TryGetValue(query[0], out var starting)) return;
        foreach (var k in starting)
            if (counts[k] == 0 && index.Keys[k].Text.Length is >= 2 and <= 4) Verify(index, query, k, scope, into);
    }

    private static void Verify(GazetteerIndex index, string query, int k, QueryScope scope, MatchCollector into)
    {
        var key = index.Keys[k];
        var text = key.Text;
        if (key.Kind == KeyKind.Initials || text.Length > MaxFuzzyKeyLength || text.Contains(query, StringComparison.Ordinal)) return;
        if (EditDistance.Bounded(query, text, 1) == 1)
        {
            var coverage = (double)Math.Min(query.Length, text.Length) / Math.Max(query.Length, text.Length);
            Add(index, into, k, scope, new Hit(MatchBand.FuzzyWhole, coverage, MatchKind.Fuzzy, k, 0, text.Length, 1));
            return;
        }
        // A typo inside a partial name ("临州万达" in 临川万达广场) needs enough characters to mean anything.
        if (query.Length < 4 || text.Length <= query.Length) return;
        var (distance, start, length) = EditDistance.InText(query, text);
        if (distance == 1 && length > 0)
            Add(index, into, k, scope, new Hit(MatchBand.FuzzyPartial, (double)length / text.Length, MatchKind.Fuzzy, k, start, length, 1));
    }

    private static void Add(GazetteerIndex index, MatchCollector into, int k, QueryScope scope, Hit hit)
    {
        var entry = index.Keys[k].Entry;
        into.Add(entry, scope.Apply(index, entry, hit));
    }
}
