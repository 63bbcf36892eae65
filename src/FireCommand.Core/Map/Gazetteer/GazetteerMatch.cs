namespace FireCommand.Core.Map.Gazetteer;

/// <summary>How a query matched an entry, best first.</summary>
public enum MatchKind
{
    /// <summary>The whole name or alias, after normalisation.</summary>
    Exact = 1,
    /// <summary>The name without its generic ending: "石门" or "石门乡" for 石门镇, "解放路" for 解放大道.</summary>
    ExactIgnoringSuffix = 2,
    /// <summary>Both roads of a crossing query ("滨江路和解放路口"), each by name, by root or within one
    /// edit (<see cref="GazetteerMatch.EditDistance"/> counts the edits over both roads).</summary>
    Crossing = 3,
    /// <summary>The name starts with the query.</summary>
    Prefix = 4,
    /// <summary>The name contains the query.</summary>
    Contains = 5,
    /// <summary>The query is (the start of, or inside) the pinyin initials of the name: "lcwd" for 临川万达广场.</summary>
    PinyinInitials = 6,
    /// <summary>One character wrong, missing or extra (<see cref="GazetteerMatch.EditDistance"/> says how many edits).</summary>
    Fuzzy = 7,
}

/// <summary>
/// One ranked answer of <see cref="Gazetteer.Search"/>. Immutable.
/// </summary>
/// <param name="Entry">The place found.</param>
/// <param name="Score">Higher is better; comparable only within one search. Match quality dominates:
/// no importance, distance or context adjustment lifts a match above a better kind of match.</param>
/// <param name="Kind">How it matched.</param>
/// <param name="EditDistance">Characters changed, inserted or deleted (0 unless fuzzy; for a crossing, summed over both roads).</param>
/// <param name="MatchedText">The entry's name or alias that matched, as written.</param>
/// <param name="SpanStart">Start of the matched part within <paramref name="MatchedText"/>.</param>
/// <param name="SpanLength">Length of the matched part (for pinyin, the characters whose initials matched).</param>
/// <param name="ContextMatched">True when the query named enclosing places ("石门镇…") and this entry lies in them.</param>
/// <param name="DistanceMeters">Great-circle distance from the search's <c>near</c> point to the entry's
/// location, or to the nearest point of its <see cref="GazetteerEntry.Extent"/>; null without <c>near</c>.</param>
public sealed record GazetteerMatch(
    GazetteerEntry Entry,
    double Score,
    MatchKind Kind,
    int EditDistance,
    string MatchedText,
    int SpanStart,
    int SpanLength,
    bool ContextMatched,
    double? DistanceMeters);
