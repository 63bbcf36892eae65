namespace FireCommand.Geo.Routing.Hierarchy;

/// <summary>
/// K-nearest many-to-one travel times on a <see cref="ContractionHierarchy"/> with buckets.
/// <see cref="SetUnits"/> runs one upward search from each unit and leaves (unit, time) in a bucket at
/// every node it reaches; <see cref="Nearest"/> then runs the downward search from an incident and
/// scans the buckets of the nodes it settles. It stops once the smallest key in its queue exceeds the
/// K-th best time found: every later meeting node is at least that far from the incident.
/// </summary>
/// <remarks>Not thread-safe: one instance per thread; the hierarchy itself can be shared.</remarks>
public sealed partial class NearestUnitsQuery
{
    private readonly ContractionHierarchy _ch;
    private readonly int[] _dist;
    private readonly int[] _stamp;
    private readonly int[] _bucketHead;
    private readonly int[] _bucketStamp;
    private readonly IndexedHeap _heap;
    private int _current;
    private int _bucketCurrent;
    private int[] _entryUnit = new int[1024];
    private int[] _entryTime = new int[1024];
    private int[] _entryNext = new int[1024];
    private int _entryCount;
    private int _unitCount;
    private int[] _best = [];
    private int[] _bestStamp = [];
    private int _queryStamp;
    private readonly List<int> _touched = [];

    /// <summary>Allocates working space for one hierarchy (about 20 bytes per node).</summary>
    public NearestUnitsQuery(ContractionHierarchy hierarchy)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        _ch = hierarchy;
        int n = hierarchy.NodeCount;
        _dist = new int[n]; _stamp = new int[n];
        _bucketHead = new int[n]; _bucketStamp = new int[n];
        _heap = new IndexedHeap(n);
    }

    /// <summary>Nodes taken from the queue by all searches since this instance was created.</summary>
    public long PopCount { get; private set; }

    /// <summary>Bucket entries left by the last <see cref="SetUnits"/>.</summary>
    public int BucketEntryCount => _entryCount;

    /// <summary>Replaces the unit set: units stand at graph nodes and need <paramref name="startOffsets"/>
    /// (graph units, null for none) before they can leave.</summary>
    public void SetUnits(IReadOnlyList<int> unitNodes, IReadOnlyList<int>? startOffsets = null)
    {
        ArgumentNullException.ThrowIfNull(unitNodes);
        if (startOffsets is not null && startOffsets.Count != unitNodes.Count)
            throw new ArgumentException("One start offset per unit.", nameof(startOffsets));
        if (++_bucketCurrent == int.MaxValue) { Array.Clear(_bucketStamp); _bucketCurrent = 1; }
        _entryCount = 0;
        _unitCount = unitNodes.Count;
        if (_best.Length < _unitCount) { _best = new int[_unitCount]; _bestStamp = new int[_unitCount]; _queryStamp = 0; }
        var first = _ch.UpFirst; var head = _ch.UpHead; var time = _ch.UpTime;
        for (int unit = 0; unit < unitNodes.Count; unit++)
        {
            int offset = startOffsets?[unit] ?? 0;
            ArgumentOutOfRangeException.ThrowIfNegative(offset);
            NewSearch();
            Push(_ch.Rank[unitNodes[unit]], offset);
            while (_heap.Count > 0)
            {
                var (v, d) = _heap.Pop();
                PopCount++;
                if (Stalled(v, d, _ch.DownFirst, _ch.DownTail, _ch.DownTime)) continue;
                AddEntry(v, unit, d);
                for (int e = first[v]; e < first[v + 1]; e++) Relax(head[e], (long)d + time[e]);
            }
        }
    }

    /// <summary>The <paramref name="k"/> fastest units to <paramref name="incident"/>, fastest first,
    /// ties by unit index; unreachable units are left out.</summary>
    public List<UnitTravelTime> Nearest(int incident, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var result = new List<UnitTravelTime>(Math.Min(k, _unitCount));
        if (k == 0 || _unitCount == 0) return result;
        if (++_queryStamp == int.MaxValue) { Array.Clear(_bestStamp); _queryStamp = 1; }
        _touched.Clear();
        var first = _ch.DownFirst; var tail = _ch.DownTail; var time = _ch.DownTime;
        long kth = long.MaxValue; // an upper bound on the k-th best time; exact after Refresh
        bool dirty = false;
        NewSearch();
        Push(_ch.Rank[incident], 0);
        while (_heap.Count > 0)
        {
            int key = _heap.PeekKey();
            if (key > kth) break;
            if (dirty && _touched.Count >= k)
            {
                kth = KthBest(k);
                dirty = false;
                if (key > kth) break;
            }
            var (v, d) = _heap.Pop();
            if (Stalled(v, d, _ch.UpFirst, _ch.UpHead, _ch.UpTime)) continue;
            if (_bucketStamp[v] == _bucketCurrent)
                for (int x = _bucketHead[v]; x >= 0; x = _entryNext[x])
                {
                    long t = (long)d + _entryTime[x];
                    if (t > int.MaxValue - 1) continue;
                    int unit = _entryUnit[x];
                    if (_bestStamp[unit] != _queryStamp) { _bestStamp[unit] = _queryStamp; _best[unit] = (int)t; _touched.Add(unit); dirty = true; }
                    else if (t < _best[unit]) { _best[unit] = (int)t; dirty = true; }
                }
            for (int e = first[v]; e < first[v + 1]; e++) Relax(tail[e], (long)d + time[e]);
        }
        _touched.Sort((a, b) => _best[a] != _best[b] ? _best[a].CompareTo(_best[b]) : a.CompareTo(b));
        for (int i = 0; i < _touched.Count && i < k; i++) result.Add(new UnitTravelTime(_touched[i], _best[_touched[i]]));
        return result;
    }

    /// <summary>Convenience: <see cref="SetUnits"/> then <see cref="Nearest"/>.</summary>
    public List<UnitTravelTime> NearestUnits(int incident, IReadOnlyList<int> unitNodes, int k,
        IReadOnlyList<int>? startOffsets = null)
    {
        SetUnits(unitNodes, startOffsets);
        return Nearest(incident, k);
    }

    private long KthBest(int k)
    {
        // Partial selection over at most a few hundred touched units: k passes of a max-of-k set.
        Span<int> top = k <= 64 ? stackalloc int[k] : new int[k];
        int count = 0;
        foreach (int unit in _touched)
        {
            int t = _best[unit];
            if (count < k) { top[count++] = t; continue; }
            int worst = 0;
            for (int i = 1; i < k; i++) if (top[i] > top[worst]) worst = i;
            if (t < top[worst]) top[worst] = t;
        }
        int max = int.MinValue;
        for (int i = 0; i < count; i++) max = Math.Max(max, top[i]);
        return max;
    }

    /// <summary>Stall-on-demand: a node reached more cheaply through a higher neighbour (an arc the
    /// upward search cannot take) is not on any shortest up-down path, so it is neither scanned nor
    /// expanded. Only ever skips non-optimal labels, so answers stay exact.</summary>
    private bool Stalled(int v, int d, int[] first, int[] other, int[] time)
    {
        for (int e = first[v]; e < first[v + 1]; e++)
        {
            int x = other[e];
            if (_stamp[x] == _current && (long)_dist[x] + time[e] < d) return true;
        }
        return false;
    }

    private void AddEntry(int node, int unit, int time)
    {
        if (_entryCount == _entryUnit.Length)
        {
            int size = _entryCount * 2;
            Array.Resize(ref _entryUnit, size); Array.Resize(ref _entryTime, size); Array.Resize(ref _entryNext, size);
        }
        if (_bucketStamp[node] != _bucketCurrent) { _bucketStamp[node] = _bucketCurrent; _bucketHead[node] = -1; }
        _entryUnit[_entryCount] = unit;
        _entryTime[_entryCount] = time;
        _entryNext[_entryCount] = _bucketHead[node];
        _bucketHead[node] = _entryCount++;
    }

    private void NewSearch()
    {
        _heap.Clear();
        if (++_current == int.MaxValue) { Array.Clear(_stamp); _current = 1; }
    }

    private void Push(int node, int time)
    {
        _stamp[node] = _current; _dist[node] = time;
        _heap.Push(node, time);
    }

    private void Relax(int v, long nd)
    {
        if (nd > int.MaxValue - 1) return;
        if (_stamp[v] != _current) Push(v, (int)nd);
        else if (nd < _dist[v]) { _dist[v] = (int)nd; _heap.Decrease(v, (int)nd); }
    }
}
