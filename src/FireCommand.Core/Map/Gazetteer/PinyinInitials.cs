using System.Text;

namespace FireCommand.Core.Map.Gazetteer;

/// <summary>
/// Pinyin initials of Chinese characters ("临川万达" → "lcwd"), computed offline with no data file.
/// <para>
/// Source: the first level of GB 2312 (the 3,755 most common hanzi, rows 16–55) is ordered by
/// pinyin, so a character's initial follows from its GB 2312 code and the first character of each
/// initial in that order (啊 a, 芭 b, 擦 c …). .NET ships the GBK (code page 936) table, a superset of
/// GB 2312, so nothing is downloaded or committed. No Debian package carries Unihan, and the pinyin
/// ones (libpinyin, rime) would make the build depend on an installed package.
/// </para>
/// <para>
/// Limits, stated honestly: characters outside GB 2312 level 1 have no initial unless they are in the
/// small hand-made table below, which covers exactly the level-2 characters the demo province's name
/// lists use (a test checks that every character the generator emits is covered); a name with any
/// uncovered character gets no initials. A polyphone takes the reading it is sorted under, plus the
/// alternatives listed for place names (大厦 sha / 厦门 xia), so a name may have a few initials strings.
/// </para>
/// Thread-safe: the table is built once, lazily, and never changes.
/// </summary>
internal static class PinyinInitials
{
    /// <summary>The first character of each initial in GB 2312 level-1 order; there are no i, u, v initials.</summary>
    private const string FirstOfEach = "啊芭擦搭蛾发噶哈击喀垃妈拿哦啪期然撒塌挖昔压匝";
    private const string Letters = "abcdefghjklmnopqrstwxyz";
    private const int CjkStart = 0x4E00, CjkEnd = 0x9FFF;
    /// <summary>GB 2312 level 1 ends at 座 (0xD7F9); level 2 is ordered by radical, not by sound.</summary>
    private const int LevelOneEnd = 0xD7F9;

    /// <summary>Level-2 characters used by the demo name lists, each followed by its initial(s), by hand.</summary>
    private const string HandTable = "圩xw 坳a 垅l 攸y 沅y 浏l 潇x 澧l 祠c 翡f 芙f 薇w 岚l 瓯o";

    /// <summary>Polyphones common in place names: the reading GB 2312 sorts them under comes first.</summary>
    private const string Polyphones = "厦xs 长cz 重zc 行xh 乐ly 会hk 解jx 堡bp 朝cz 石sd 传cz 区qo 藏cz 宿sx 柏bp 泊bp 埔pb 番fp 铅qy";

    private const int MaxVariants = 4;

    private static readonly Lazy<string?[]> Table = new(BuildTable, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The initials of one character: lower-case letters, the first being the main reading; ASCII
    /// letters and digits stand for themselves; null when unknown.
    /// </summary>
    public static string? Of(char c)
    {
        if (char.IsAsciiLetterOrDigit(c)) return char.ToLowerInvariant(c).ToString();
        return c is >= (char)CjkStart and <= (char)CjkEnd ? Table.Value[c - CjkStart] : null;
    }

    /// <summary>
    /// Initials strings of a normalised name, one character per source character (so spans line up),
    /// at most four variants for polyphones; empty when any character is not covered.
    /// </summary>
    public static IReadOnlyList<string> Variants(string normalised)
    {
        var variants = new List<StringBuilder> { new(normalised.Length) };
        foreach (var c in normalised)
        {
            var initials = Of(c);
            if (initials is null) return [];
            var count = variants.Count;
            for (var v = 0; v < count; v++)
            {
                for (var k = 1; k < initials.Length && variants.Count < MaxVariants; k++)
                    variants.Add(new StringBuilder(variants[v].ToString()).Append(initials[k]));
                variants[v].Append(initials[0]);
            }
        }
        return variants.Select(v => v.ToString()).Distinct(StringComparer.Ordinal).ToList();
    }

    private static string?[] BuildTable()
    {
        var gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)
            ?? throw new InvalidOperationException("Code page 936 (GBK) is not available.");
        var starts = FirstOfEach.Select(c => Code(gbk, c)).ToArray();
        var table = new string?[CjkEnd - CjkStart + 1];
        for (var cp = CjkStart; cp <= CjkEnd; cp++)
        {
            var code = Code(gbk, (char)cp);
            if (code < starts[0] || code > LevelOneEnd) continue;
            var letter = starts.Length - 1;
            while (starts[letter] > code) letter--;
            table[cp - CjkStart] = Letters[letter].ToString();
        }
        foreach (var (c, initials) in Pairs(HandTable)) table[c - CjkStart] = initials;
        foreach (var (c, initials) in Pairs(Polyphones)) table[c - CjkStart] = initials;
        return table;
    }

    private static IEnumerable<(char Char, string Initials)> Pairs(string list) =>
        list.Split(' ').Select(p => (p[0], p[1..]));

    private static int Code(Encoding gbk, char c)
    {
        Span<byte> bytes = stackalloc byte[4];
        var n = gbk.GetBytes([c], bytes);
        return n == 2 ? (bytes[0] << 8) | bytes[1] : -1;
    }
}
