using System.Runtime.CompilerServices;

namespace FireCommand.Geo.Routing;

/// <summary>
/// Binary min-heap of nodes keyed by travel time, with decrease-key. Key and node are packed into one
/// ulong (time in the high half) so a comparison is a single integer compare and a sift touches one
/// array, the same layout that lets the C reference stay cache-friendly. Not thread-safe.
/// </summary>
internal sealed class IndexedHeap
{
    private readonly ulong[] _items;
    private readonly int[] _position; // valid only while the node is in the heap
    private int _count;

    public IndexedHeap(int capacity)
    {
        _items = new ulong[Math.Max(capacity, 1)];
        _position = new int[Math.Max(capacity, 1)];
    }

    public int Count => _count;

    public void Clear() => _count = 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(int node, int key)
    {
        int i = _count++;
        SiftUp(i, ((ulong)(uint)key << 32) | (uint)node);
    }

    /// <summary>Lowers the key of a node already in the heap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Decrease(int node, int key) =>
        SiftUp(_position[node], ((ulong)(uint)key << 32) | (uint)node);

    /// <summary>Removes the minimum; returns it as (node, key).</summary>
    public (int Node, int Key) Pop()
    {
        ulong top = _items[0];
        ulong last = _items[--_count];
        if (_count > 0) SiftDown(last);
        return ((int)(uint)top, (int)(top >> 32));
    }

    /// <summary>Key of the minimum without removing it.</summary>
    public int PeekKey() => (int)(_items[0] >> 32);

    private void SiftUp(int i, ulong item)
    {
        var items = _items; var pos = _position;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            ulong p = items[parent];
            if (p <= item) break;
            items[i] = p;
            pos[(int)(uint)p] = i;
            i = parent;
        }
        items[i] = item;
        pos[(int)(uint)item] = i;
    }

    private void SiftDown(ulong item)
    {
        var items = _items; var pos = _position;
        int n = _count, i = 0;
        while (true)
        {
            int c = 2 * i + 1;
            if (c >= n) break;
            ulong child = items[c];
            if (c + 1 < n && items[c + 1] < child) child = items[++c];
            if (child >= item) break;
            items[i] = child;
            pos[(int)(uint)child] = i;
            i = c;
        }
        items[i] = item;
        pos[(int)(uint)item] = i;
    }
}
