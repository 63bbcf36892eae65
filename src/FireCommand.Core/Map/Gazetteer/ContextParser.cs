namespace FireCommand.Core.Map.Gazetteer;

/// <summary>
/// Splits the enclosing places off the front of a query, as callers and addresses name them:
/// "石门镇大坪村" → [石门镇] + "大坪村", "江州市青山县人民医院" → [江州市, 青山县] + "人民医院".
/// Only names that are some entry's parent count, longest first. Stateless and thread-safe.
/// </summary>
internal static class ContextParser
{
    /// <summary>Addresses rarely nest deeper than city, county, town and village.</summary>
    private const int MaxContexts = 4;

    public static (IReadOnlyList<string> Contexts, string Remainder) Peel(GazetteerIndex index, string query)
    {
        if (index.LongestContextToken == 0) return ([], query);
        var lookup = index.ContextTokens.GetAlternateLookup<ReadOnlySpan<char>>();
        var contexts = new List<string>();
        var at = 0;
        while (contexts.Count < MaxContexts)
        {
            var found = 0;
            // Leave at least two characters for the place itself.
            for (var length = Math.Min(index.LongestContextToken, query.Length - at - 2); length >= 2; length--)
            {
                if (lookup.Contains(query.AsSpan(at, length)))
                {
                    found = length;
                    break;
                }
            }
            if (found == 0) break;
            contexts.Add(query.Substring(at, found));
            at += found;
        }
        return (contexts, query[at..]);
    }
}
