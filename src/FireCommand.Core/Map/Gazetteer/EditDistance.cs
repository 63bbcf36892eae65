namespace FireCommand.Core.Map.Gazetteer;

/// <summary>
/// Levenshtein distances for short names (one substitution, insertion or deletion costs 1). Names
/// are short and the query is capped at <see cref="Gazetteer.MaxQueryLength"/>, so plain dynamic
/// programming on two stack rows is fast enough once the n-gram index has picked the candidates.
/// </summary>
internal static class EditDistance
{
    /// <summary>Distance between <paramref name="a"/> and <paramref name="b"/>, or <c>max + 1</c> once it exceeds <paramref name="max"/>.</summary>
    public static int Bounded(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j], current[j - 1]) + 1);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > max) return max + 1;
            current.CopyTo(previous);
        }
        return Math.Min(previous[b.Length], max + 1);
    }

    /// <summary>
    /// The fewest edits that turn <paramref name="pattern"/> into some substring of
    /// <paramref name="text"/> (the pattern may start and end anywhere in the text), with the
    /// position of that substring; the leftmost best one wins.
    /// </summary>
    public static (int Distance, int Start, int Length) InText(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        // Row j holds the cost of aligning the pattern prefix so far ending at text position j, and
        // where in the text that alignment began.
        Span<int> cost = stackalloc int[text.Length + 1];
        Span<int> start = stackalloc int[text.Length + 1];
        Span<int> nextCost = stackalloc int[text.Length + 1];
        Span<int> nextStart = stackalloc int[text.Length + 1];
        for (var j = 0; j <= text.Length; j++) (cost[j], start[j]) = (0, j);
        for (var i = 1; i <= pattern.Length; i++)
        {
            (nextCost[0], nextStart[0]) = (i, 0);
            for (var j = 1; j <= text.Length; j++)
            {
                var (best, from) = (cost[j - 1] + (pattern[i - 1] == text[j - 1] ? 0 : 1), start[j - 1]);
                if (cost[j] + 1 < best) (best, from) = (cost[j] + 1, start[j]);
                if (nextCost[j - 1] + 1 < best) (best, from) = (nextCost[j - 1] + 1, nextStart[j - 1]);
                (nextCost[j], nextStart[j]) = (best, from);
            }
            nextCost.CopyTo(cost);
            nextStart.CopyTo(start);
        }
        var end = 0;
        for (var j = 1; j <= text.Length; j++)
            if (cost[j] < cost[end]) end = j;
        return (cost[end], start[end], end - start[end]);
    }
}
