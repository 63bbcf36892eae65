namespace FireCommand.Core.Map.Gazetteer;

/// <summary>
/// Answers crossing queries as call-takers type them — "滨江路和解放路口", "滨江路与解放大道交叉口",
/// "滨江路 解放路", "滨江路解放路" — by splitting the query into two road names and finding the
/// crossings of roads that match both, each exactly, by root (解放路 for 解放大道) or, for a name of
/// three or more characters, within one edit. Stateless and thread-safe.
/// </summary>
internal static class CrossingMatcher
{
    /// <summary>Words between the two roads. 和 and 同 also occur inside names (和平路), so a split only counts if both sides are roads.</summary>
    private const string Separators = "与和及跟同交";
    /// <summary>Characters a road name ends with, where "滨江路解放路" can be split without a separator.</summary>
    private const string RoadEnds = "路街道巷";
    private const int MaxFuzzySideLength = 12;
    private const double RootSidePenalty = 0.35;
    /// <summary>Two road names and a separator; longer text is an address or a sentence, not a crossing query.</summary>
    private const int MaxQueryLength = 32;

    private static readonly string[] Noise = ["附近", "旁边", "一带", "对面", "这里", "那里", "旁", "处"];

    private static readonly (string Suffix, string Keep)[] CrossingSuffixes =
    [
        ("交叉路口", ""), ("交叉口", ""), ("十字路口", ""), ("丁字路口", ""), ("交汇处", ""), ("交界处", ""), ("十字口", ""),
        ("交口", ""), ("路口", "路"), ("街口", "街"), ("道口", "道"),
    ];

    public static void Match(GazetteerIndex index, string query, IReadOnlyList<int> breaks, QueryScope scope,
        MatchCollector into)
    {
        if (index.CrossingRoadNames.Length == 0 || query.Length is < 4 or > MaxQueryLength) return;
        var tried = new HashSet<(string, string, bool)>();
        foreach (var (left, right, strong) in Splits(query, breaks))
        {
            var a = Trim(left);
            var b = Trim(right);
            if (a.Length >= 2 && b.Length >= 2 && a != b && tried.Add((a, b, strong))) MatchPair(index, a, b, strong, scope, into);
        }
    }

    /// <summary>
    /// Every way to cut the query in two. A cut at a separator, a removed space or punctuation mark,
    /// or after a road ending is strong and may match a road within one edit; any other cut
    /// ("滨江解放路") only counts when both sides name roads exactly or by root.
    /// </summary>
    private static IEnumerable<(string Left, string Right, bool Strong)> Splits(string query, IReadOnlyList<int> breaks)
    {
        for (var i = 1; i < query.Length - 1; i++)
        {
            var c = query[i];
            var isSeparator = Separators.Contains(c) && !(c == '交' && "叉汇界口".Contains(query[i + 1]));
            if (isSeparator) yield return (query[..i], query[(i + 1)..], true);
            var strong = breaks.Contains(i) || RoadEnds.Contains(query[i - 1]);
            yield return (query[..i], query[i..], strong);
        }
    }

    private static string Trim(string side)
    {
        var trimmed = true;
        while (trimmed)
        {
            trimmed = false;
            foreach (var noise in Noise)
            {
                if (side.Length > noise.Length && side.EndsWith(noise, StringComparison.Ordinal))
                {
                    side = side[..^noise.Length];
                    trimmed = true;
                }
            }
        }
        foreach (var (suffix, keep) in CrossingSuffixes)
            if (side.Length > suffix.Length && side.EndsWith(suffix, StringComparison.Ordinal))
                return side[..^suffix.Length] + keep;
        return side;
    }

    private static void MatchPair(GazetteerIndex index, string a, string b, bool strong, QueryScope scope,
        MatchCollector into)
    {
        // Both sides must name a road of the crossing, so only crossings on both sides' roads qualify.
        if (Junctions(index, a, strong) is not { } onA || Junctions(index, b, strong) is not { } onB) return;
        onA.IntersectWith(onB);
        foreach (var j in onA)
        {
            var roads = index.Crossings[j]!;
            var fit = Best(Pair(Fit(a, roads.NameA, roads.RootA), Fit(b, roads.NameB, roads.RootB)),
                Pair(Fit(a, roads.NameB, roads.RootB), Fit(b, roads.NameA, roads.RootA)));
            if (fit is not { } f || f.Edits > (strong ? 1 : 0)) continue;
            var (edits, rootSides) = f;
            // A road named with another ending (解放路 for 解放大道) is a weaker fit, but a slip callers
            // make so often that a crossing a few kilometres nearer may still come first.
            var coverage = 1 - RootSidePenalty * rootSides;
            var band = edits > 0 ? MatchBand.FuzzyWhole : MatchBand.Crossing;
            var key = index.NameKeys[j];
            into.Add(j, scope.Apply(index, j, new Hit(band, coverage, MatchKind.Crossing, key, 0, index.Keys[key].Text.Length, edits)));
        }
    }

    /// <summary>
    /// Crossings on a road the side names exactly or by root; failing that, after a strong cut, within
    /// one edit; null when none (most cuts of a query name no road, and allocate nothing).
    /// </summary>
    private static HashSet<int>? Junctions(GazetteerIndex index, string side, bool strong)
    {
        HashSet<int>? found = null;
        if (index.CrossingsByRoad.TryGetValue(side, out var exact)) (found ??= []).UnionWith(exact);
        if (GazetteerText.Root(side) is { } root && index.CrossingsByRoad.TryGetValue(root, out var byRoot)) (found ??= []).UnionWith(byRoot);
        if (found is not null || !strong || side.Length < 3 || side.Length > MaxFuzzySideLength) return found;
        foreach (var name in index.CrossingRoadNames)
            if (EditDistance.Bounded(side, name, 1) <= 1 && index.CrossingsByRoad.TryGetValue(name, out var js)) (found ??= []).UnionWith(js);
        return found;
    }

    /// <summary>How a side names a road: exactly, by root only, within one edit, or not at all (null).</summary>
    private static RoadFit? Fit(string side, string name, string root)
    {
        if (side == name) return new RoadFit(0, 0);
        if (side == root) return new RoadFit(0, 1);
        var sideRoot = GazetteerText.Root(side) ?? side;
        if (sideRoot == root || sideRoot == name) return new RoadFit(0, 1);
        return side.Length >= 3 && EditDistance.Bounded(side, name, 1) <= 1 ? new RoadFit(1, 0) : null;
    }

    private static RoadFit? Pair(RoadFit? x, RoadFit? y) =>
        x is { } p && y is { } q ? new RoadFit(p.Edits + q.Edits, p.RootSides + q.RootSides) : null;

    /// <summary>Fewer edits first, then names over roots.</summary>
    private static RoadFit? Best(RoadFit? x, RoadFit? y)
    {
        if (x is not { } p) return y;
        if (y is not { } q) return x;
        return (p.Edits, p.RootSides).CompareTo((q.Edits, q.RootSides)) <= 0 ? p : q;
    }

    /// <summary>Edits over both roads, and how many roads were named only by their root.</summary>
    private readonly record struct RoadFit(int Edits, int RootSides);
}
