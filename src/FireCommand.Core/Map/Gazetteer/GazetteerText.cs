using System.Globalization;

namespace FireCommand.Core.Map.Gazetteer;

/// <summary>
/// A name or query after normalisation: full-width forms folded to half-width, ASCII lower-cased,
/// spaces and punctuation removed. <see cref="SourceIndex"/> maps each kept character back to the
/// original string so a matched span can be highlighted in the name as written; <see cref="Breaks"/>
/// remembers where removed separators stood ("滨江路 / 解放路" → a break before 解), which the
/// crossing parser uses as a split point.
/// </summary>
internal sealed record NormalisedText(string Text, int[]? SourceIndex, int[] Breaks)
{
    /// <summary>Maps a span of <see cref="Text"/> back to (start, length) in the original string.</summary>
    public (int Start, int Length) ToSource(int start, int length)
    {
        if (SourceIndex is null || length == 0) return (start, length);
        var from = SourceIndex[start];
        return (from, SourceIndex[start + length - 1] - from + 1);
    }
}

/// <summary>Families of generic endings that callers swap for one another.</summary>
internal enum SuffixFamily : byte
{
    /// <summary>No ending was removed.</summary>
    None,
    /// <summary>Administrative areas and settlements: 省 市 县 区 镇 乡 村 …</summary>
    Area,
    /// <summary>Roads: 路 街 大道 巷 国道 高速 …</summary>
    Road,
    /// <summary>House numbers: 号.</summary>
    Number,
}

/// <summary>
/// Chinese text handling shared by the index and the query side, so both fold a name the same way.
/// Pure functions; thread-safe.
/// </summary>
internal static class GazetteerText
{
    /// <summary>
    /// Generic endings of administrative units, roads and house numbers, longest first. Callers mix
    /// them up within a family ("石门乡" for 石门镇, "解放路" for 解放大道) or leave them out ("大坪" for
    /// 大坪村), so a name is also indexed by its root without one of these.
    /// </summary>
    private static readonly (string Suffix, SuffixFamily Family)[] Suffixes =
    [
        ("特别行政区", SuffixFamily.Area), ("高速公路", SuffixFamily.Road), ("自治州", SuffixFamily.Area),
        ("自治县", SuffixFamily.Area), ("开发区", SuffixFamily.Area), ("街道", SuffixFamily.Area), ("社区", SuffixFamily.Area),
        ("大道", SuffixFamily.Road), ("大街", SuffixFamily.Road), ("国道", SuffixFamily.Road), ("省道", SuffixFamily.Road),
        ("县道", SuffixFamily.Road), ("乡道", SuffixFamily.Road), ("高速", SuffixFamily.Road), ("地区", SuffixFamily.Area),
        ("省", SuffixFamily.Area), ("市", SuffixFamily.Area), ("县", SuffixFamily.Area), ("区", SuffixFamily.Area),
        ("镇", SuffixFamily.Area), ("乡", SuffixFamily.Area), ("村", SuffixFamily.Area), ("组", SuffixFamily.Area),
        ("路", SuffixFamily.Road), ("街", SuffixFamily.Road), ("巷", SuffixFamily.Road), ("道", SuffixFamily.Road),
        ("号", SuffixFamily.Number),
    ];

    public static NormalisedText Normalise(string text)
    {
        var chars = new char[text.Length];
        int[]? map = null;
        var breaks = new List<int>();
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = Fold(text[i]);
            if (IsDropped(c))
            {
                if (n > 0 && (breaks.Count == 0 || breaks[^1] != n)) breaks.Add(n);
                continue;
            }
            if (n != i && map is null)
            {
                map = new int[text.Length];
                for (var k = 0; k < n; k++) map[k] = k;
            }
            if (map is not null) map[n] = i;
            chars[n++] = c;
        }
        if (breaks.Count > 0 && breaks[^1] == n) breaks.RemoveAt(breaks.Count - 1);
        return new NormalisedText(new string(chars, 0, n), map, breaks.Count == 0 ? [] : [.. breaks]);
    }

    /// <summary>The normalised form only, for names that need no span mapping.</summary>
    public static string Fold(string text) => Normalise(text).Text;

    /// <summary>
    /// The root without one generic ending ("石门镇" → "石门", "解放大道" → "解放"), or null when
    /// the text has no such ending or the root would be shorter than two characters ("市" stays).
    /// </summary>
    public static string? Root(string normalised) => RootAndFamily(normalised)?.Root;

    /// <summary>The root and the family of the ending it lost: 石门乡 and 石门镇 agree, 人民路 and 人民村 do not.</summary>
    public static (string Root, SuffixFamily Family)? RootAndFamily(string normalised)
    {
        foreach (var (suffix, family) in Suffixes)
        {
            if (normalised.Length - suffix.Length >= 2 && normalised.EndsWith(suffix, StringComparison.Ordinal))
                return (normalised[..^suffix.Length], family);
        }
        return null;
    }

    /// <summary>True for text made of ASCII letters and digits only, the shape of a pinyin-initials query.</summary>
    public static bool IsAsciiAlphanumeric(string normalised)
    {
        foreach (var c in normalised)
            if (!char.IsAsciiLetterOrDigit(c)) return false;
        return normalised.Length > 0;
    }

    private static char Fold(char c)
    {
        // Full-width ASCII (U+FF01–U+FF5E) as typed by Chinese IMEs; the ideographic space is U+3000.
        if (c is >= '\uFF01' and <= '\uFF5E') c = (char)(c - 0xFEE0);
        else if (c == '\u3000') c = ' ';
        return char.IsAsciiLetterUpper(c) ? (char)(c + 32) : c;
    }

    private static bool IsDropped(char c)
    {
        if (char.IsWhiteSpace(c)) return true;
        return char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation
                or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol
                or UnicodeCategory.OtherSymbol or UnicodeCategory.Control or UnicodeCategory.Format => true,
            _ => false,
        };
    }
}
