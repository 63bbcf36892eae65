namespace FireCommand.Geo.Routing.Hierarchy;

/// <summary>Growable list of (neighbour, weight) pairs of one node while the hierarchy is built.
/// Parallel arcs are merged into the fastest one. Not thread-safe.</summary>
internal sealed class DynamicAdjacency
{
    private int[] _to = new int[4];
    private int[] _w = new int[4];

    public int Count { get; private set; }
    public int To(int i) => _to[i];
    public int Weight(int i) => _w[i];

    /// <summary>Adds an arc or lowers the weight of the existing one to the same neighbour.</summary>
    public void AddOrLower(int to, int w)
    {
        for (int i = 0; i < Count; i++)
            if (_to[i] == to)
            {
                if (w < _w[i]) _w[i] = w;
                return;
            }
        if (Count == _to.Length)
        {
            Array.Resize(ref _to, Count * 2);
            Array.Resize(ref _w, Count * 2);
        }
        _to[Count] = to;
        _w[Count] = w;
        Count++;
    }

    /// <summary>Removes the arc to a neighbour (swap with the last one).</summary>
    public void Remove(int to)
    {
        for (int i = 0; i < Count; i++)
            if (_to[i] == to)
            {
                Count--;
                _to[i] = _to[Count];
                _w[i] = _w[Count];
                return;
            }
    }
}
