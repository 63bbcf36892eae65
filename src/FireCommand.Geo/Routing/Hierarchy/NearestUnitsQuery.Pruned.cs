namespace FireCommand.Geo.Routing.Hierarchy;

public sealed partial class NearestUnitsQuery
{
    private int[] _backDist = [];
    private int[] _backStamp = [];
    private int _backCurrent;
    private readonly List<UnitTravelTime> _candidates = [];

    /// <summary>
    /// The same answer as <see cref="NearestUnits"/> without buckets, for unit sets that change with
    /// every query: one downward search from the incident labels its search space, then each unit's
    /// upward search stops as soon as its queue key reaches the unit's best meeting time or exceeds the
    /// K-th best time of the units done so far (no later meeting node can beat either).
    /// </summary>
    public List<UnitTravelTime> NearestFromIncident(int incident, IReadOnlyList<int> unitNodes, int k,
        IReadOnlyList<int>? startOffsets = null)
    {
        ArgumentNullException.ThrowIfNull(unitNodes);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (startOffsets is not null && startOffsets.Count != unitNodes.Count)
            throw new ArgumentException("One start offset per unit.", nameof(startOffsets));
        var result = new List<UnitTravelTime>(Math.Min(k, unitNodes.Count));
        if (k == 0 || unitNodes.Count == 0) return result;
        if (_backDist.Length == 0) { _backDist = new int[_ch.NodeCount]; _backStamp = new int[_ch.NodeCount]; }
        if (++_backCurrent == int.MaxValue) { Array.Clear(_backStamp); _backCurrent = 1; }

        // Downward search (backward over the down arcs) from the incident, every non-stalled node kept.
        NewSearch();
        Push(_ch.Rank[incident], 0);
        while (_heap.Count > 0)
        {
            var (v, d) = _heap.Pop();
            if (Stalled(v, d, _ch.UpFirst, _ch.UpHead, _ch.UpTime)) continue;
            _backStamp[v] = _backCurrent; _backDist[v] = d;
            for (int e = _ch.DownFirst[v]; e < _ch.DownFirst[v + 1]; e++) Relax(_ch.DownTail[e], (long)d + _ch.DownTime[e]);
        }

        Span<int> top = k <= 64 ? stackalloc int[k] : new int[k];
        int topCount = 0;
        long kth = long.MaxValue; // k-th best exact time so far (a unit tying it is still wanted)
        _candidates.Clear();
        var first = _ch.UpFirst; var head = _ch.UpHead; var time = _ch.UpTime;
        var (order, lower) = Order(incident, unitNodes, startOffsets);
        var crow = _ch.CrowFlies; var nodeAt = _ch.NodeAtRank;
        for (int o = 0; o < order.Length; o++)
        {
            if (lower[o] > kth) break; // sorted: no later unit can reach the top k either
            int unit = order[o];
            int offset = startOffsets?[unit] ?? 0;
            long best = long.MaxValue;
            NewSearch();
            Push(_ch.Rank[unitNodes[unit]], offset);
            while (_heap.Count > 0)
            {
                int key = _heap.PeekKey();
                if (key > kth || key >= best) break;
                var (v, d) = _heap.Pop();
                if (Stalled(v, d, _ch.DownFirst, _ch.DownTail, _ch.DownTime)) continue;
                // Every time through v is at least d + the crow-flies bound from v to the incident.
                if (kth != long.MaxValue && d + crow.Bound(nodeAt[v], incident) > kth) continue;
                if (_backStamp[v] == _backCurrent) best = Math.Min(best, (long)d + _backDist[v]);
                for (int e = first[v]; e < first[v + 1]; e++) Relax(head[e], (long)d + time[e]);
            }
            // Exact whenever best <= kth: the top meeting node of its fastest path has a key <= best.
            if (best > kth || best > int.MaxValue - 1) continue;
            _candidates.Add(new UnitTravelTime(unit, (int)best));
            if (topCount < k) top[topCount++] = (int)best;
            else
            {
                int worst = 0;
                for (int i = 1; i < k; i++) if (top[i] > top[worst]) worst = i;
                if (best < top[worst]) top[worst] = (int)best;
            }
            if (topCount == k)
            {
                int max = top[0];
                for (int i = 1; i < k; i++) max = Math.Max(max, top[i]);
                kth = max;
            }
        }
        _candidates.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.UnitIndex.CompareTo(b.UnitIndex));
        for (int i = 0; i < _candidates.Count && i < k; i++) result.Add(_candidates[i]);
        return result;
    }

    /// <summary>Units by a lower bound on their time (crow-flies bound + start offset), smallest first,
    /// so the K-th best time tightens early and the rest can be cut off. The order only changes the
    /// speed, never the answer.</summary>
    private (int[] Order, long[] Lower) Order(int incident, IReadOnlyList<int> unitNodes, IReadOnlyList<int>? startOffsets)
    {
        var order = new int[unitNodes.Count];
        var lower = new long[unitNodes.Count];
        for (int i = 0; i < order.Length; i++)
        {
            int offset = startOffsets?[i] ?? 0;
            ArgumentOutOfRangeException.ThrowIfNegative(offset);
            order[i] = i;
            lower[i] = _ch.CrowFlies.Bound(unitNodes[i], incident) + offset;
        }
        Array.Sort(lower, order);
        return (order, lower);
    }
}
