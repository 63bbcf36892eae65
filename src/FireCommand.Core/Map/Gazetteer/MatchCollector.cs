using System.Buffers;
using FireCommand.Geo;

namespace FireCommand.Core.Map.Gazetteer;

/// <summary>
/// Keeps the best hit per entry during one search and hands back the top ones as matches. One
/// instance per search (not shared between threads); dispose it to return its scratch array.
/// </summary>
internal sealed class MatchCollector : IDisposable
{
    // A private pool: every array is handed back with the slots this search touched reset to zero,
    // so a rented array is clean without clearing all of it (20,000 entries would cost a memset per query).
    private static readonly ArrayPool<int> SlotPool = ArrayPool<int>.Create();
    private const double MetersPerDegree = 6_371_008.8 * Math.PI / 180;

    private readonly GazetteerIndex _index;
    private readonly GeoPoint? _near;
    private readonly double _metersPerDegreeLongitude;
    private readonly int[] _slots;
    private readonly List<Candidate> _candidates = [];

    public MatchCollector(GazetteerIndex index, GeoPoint? near)
    {
        _index = index;
        _near = near;
        _metersPerDegreeLongitude = near is { } n ? MetersPerDegree * Math.Cos(n.Latitude * Math.PI / 180) : 0;
        _slots = SlotPool.Rent(index.Entries.Length);
    }

    /// <summary>How many entries already score at least <paramref name="score"/>.</summary>
    public int CountAtLeast(double score)
    {
        var n = 0;
        foreach (var c in _candidates)
            if (c.Score >= score) n++;
        return n;
    }

    /// <summary>Records <paramref name="hit"/> for <paramref name="entry"/> unless it already has a better one.</summary>
    public void Add(int entry, Hit hit)
    {
        var slot = _slots[entry] - 1;
        var distance = slot >= 0 ? _candidates[slot].DistanceMeters : ApproximateDistance(_index.Entries[entry]);
        var score = MatchRanking.Score(hit, _index.Entries[entry], distance);
        if (slot < 0)
        {
            _candidates.Add(new Candidate(entry, hit, score, distance));
            _slots[entry] = _candidates.Count;
        }
        else if (score > _candidates[slot].Score)
        {
            _candidates[slot] = new Candidate(entry, hit, score, distance);
        }
    }

    /// <summary>The best <paramref name="limit"/> matches, by score and then build order (deterministic).</summary>
    public List<GazetteerMatch> Top(int limit)
    {
        var best = new PriorityQueue<Candidate, Candidate>(limit + 1, WorstFirst.Instance);
        foreach (var c in _candidates)
        {
            if (best.Count < limit) best.Enqueue(c, c);
            else if (WorstFirst.Instance.Compare(c, best.Peek()) > 0) best.EnqueueDequeue(c, c);
        }
        var top = new List<Candidate>(best.Count);
        while (best.Count > 0) top.Add(best.Dequeue());
        top.Reverse();
        return top.ConvertAll(ToMatch);
    }

    public void Dispose()
    {
        foreach (var c in _candidates) _slots[c.Entry] = 0;
        SlotPool.Return(_slots);
    }

    /// <summary>
    /// Equirectangular distance: within 0.5 % of the great circle over a province, which is plenty
    /// for ranking and several times cheaper than haversine for the thousands of candidates a short
    /// query has. Returned matches carry the great-circle distance.
    /// </summary>
    private double? ApproximateDistance(GazetteerEntry entry)
    {
        if (_near is not { } n) return null;
        var p = Closest(entry, n);
        var dy = (p.Latitude - n.Latitude) * MetersPerDegree;
        var dx = (p.Longitude - n.Longitude) * _metersPerDegreeLongitude;
        return Math.Sqrt(dx * dx + dy * dy);
    }

    private GazetteerMatch ToMatch(Candidate c)
    {
        var key = _index.Keys[c.Hit.Key];
        var (start, length) = key.Folded.ToSource(c.Hit.SpanStart, c.Hit.SpanLength);
        return new GazetteerMatch(_index.Entries[c.Entry], Math.Round(c.Score, 3), c.Hit.Kind, c.Hit.EditDistance,
            key.Source, start, length, c.Hit.ContextShare > 0,
            _near is { } n ? n.DistanceMetersTo(Closest(_index.Entries[c.Entry], n)) : null);
    }

    /// <summary>The entry's point nearest the caller: its location, or the nearest point of its extent.</summary>
    private static GeoPoint Closest(GazetteerEntry entry, GeoPoint near) => entry.Extent is { } e ? e.Nearest(near) : entry.Location;

    private readonly record struct Candidate(int Entry, Hit Hit, double Score, double? DistanceMeters);

    /// <summary>Orders candidates worst first: lower score, then later in build order.</summary>
    private sealed class WorstFirst : IComparer<Candidate>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(Candidate x, Candidate y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : y.Entry.CompareTo(x.Entry);
        }
    }
}
