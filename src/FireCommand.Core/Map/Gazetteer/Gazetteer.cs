using FireCommand.Geo;

namespace FireCommand.Core.Map.Gazetteer;

/// <summary>
/// The local gazetteer behind alarm locating (接警定位): finds places by what a caller says — a full
/// or partial name, a name with a wrong, missing or extra character, enclosing places first
/// ("石门镇大坪村"), a road crossing ("滨江路和解放路口") or pinyin initials ("lcwd") — offline, in well
/// under a millisecond for a province.
/// <para>
/// Immutable once built: <see cref="Search"/> may be called from any number of threads at once
/// without locking. Build a new instance (for example with <see cref="FromProvince"/>) when the
/// places change and swap the reference.
/// </para>
/// </summary>
public sealed class Gazetteer
{
    /// <summary>Longest query <see cref="Search"/> accepts, in characters as typed; anything longer is not a place name.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>Most matches one search returns.</summary>
    public const int MaxLimit = 100;

    private readonly GazetteerIndex _index;

    private Gazetteer(GazetteerIndex index)
    {
        _index = index;
        Entries = Array.AsReadOnly(index.Entries);
    }

    /// <summary>Number of entries indexed.</summary>
    public int Count => _index.Entries.Length;

    /// <summary>The entries in build order (ties in ranking go to the earlier one).</summary>
    public IReadOnlyList<GazetteerEntry> Entries { get; }

    /// <summary>
    /// Indexes <paramref name="entries"/>. Thread-safe (pure); takes its own copies of the entries' lists.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">An id is empty or repeated, a name has no letters or digits, a
    /// location or extent is not valid WGS-84, or an importance lies outside [0, 1].</exception>
    public static Gazetteer Build(IEnumerable<GazetteerEntry> entries) => new(GazetteerIndexBuilder.Build(entries));

    /// <summary>
    /// Builds the gazetteer from the platform's own records; see <see cref="ProvinceGazetteer.Entries"/>
    /// for what becomes an entry. Thread-safe (pure); the records are only read.
    /// </summary>
    public static Gazetteer FromProvince(ProvinceGazetteerSource source) => Build(ProvinceGazetteer.Entries(source));

    /// <summary>
    /// Ranked places for <paramref name="query"/>: by match quality (exact, exact ignoring a generic
    /// ending such as 镇/路, crossing, prefix, contains, pinyin initials, one edit; a match of only the
    /// part after named enclosing places or before a house number ranks lower), and within equal
    /// quality by context (the query named the entry's enclosing places), closeness to
    /// <paramref name="near"/> and importance. Deterministic: the same gazetteer and arguments give
    /// the same list. Thread-safe.
    /// </summary>
    /// <param name="query">What the call-taker typed; full-width forms, spaces and punctuation are ignored.
    /// Empty or whitespace-only queries return an empty list.</param>
    /// <param name="limit">Most matches to return, 1 to <see cref="MaxLimit"/>.</param>
    /// <param name="near">Where the caller probably is (cell location, the call centre's district),
    /// to prefer nearby places among equally good matches.</param>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="query"/> is longer than
    /// <see cref="MaxQueryLength"/>, or <paramref name="limit"/> is outside 1..<see cref="MaxLimit"/>
    /// (ParamName says which; an endpoint turns this into a 400 ProblemDetails for that field).</exception>
    /// <exception cref="ArgumentException"><paramref name="near"/> is not a valid WGS-84 point.</exception>
    public IReadOnlyList<GazetteerMatch> Search(string query, int limit = 10, GeoPoint? near = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Length > MaxQueryLength)
            throw new ArgumentOutOfRangeException(nameof(query), query.Length, $"A query has at most {MaxQueryLength} characters.");
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        if (near is { IsValid: false }) throw new ArgumentException("Not a valid WGS-84 point.", nameof(near));

        var folded = GazetteerText.Normalise(query);
        if (folded.Text.Length == 0) return [];

        using var collector = new MatchCollector(_index, near);
        NameMatcher.Match(_index, folded.Text, QueryScope.Whole, limit, collector);
        CrossingMatcher.Match(_index, folded.Text, folded.Breaks, QueryScope.Whole, collector);

        // "石门镇大坪村": the place after the enclosing places it names.
        var (contexts, rest) = ContextParser.Peel(_index, folded.Text);
        if (contexts.Count > 0)
        {
            var offset = folded.Text.Length - rest.Length;
            var breaks = folded.Breaks.Where(b => b > offset).Select(b => b - offset).ToList();
            var scope = new QueryScope(contexts, WithoutHouseNumber: false);
            NameMatcher.Match(_index, rest, scope, limit, collector);
            CrossingMatcher.Match(_index, rest, breaks, scope, collector);
        }
        // "人民路128号" with no such address indexed: at least the street.
        if (QueryScope.StreetOf(rest) is { } street)
            NameMatcher.Match(_index, street, new QueryScope(contexts, WithoutHouseNumber: true), limit, collector);
        return collector.Top(limit);
    }
}
