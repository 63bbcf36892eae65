namespace FireCommand.Geo.Graph;

/// <summary>Growable struct-of-arrays list of directed arcs, the input of <see cref="GraphAssembler"/>.
/// Not thread-safe.</summary>
internal sealed class ArcList
{
    private int[] _tail = new int[1024];
    private int[] _head = new int[1024];
    private int[] _time = new int[1024];
    private float[] _length = new float[1024];

    public int Count { get; private set; }
    public ReadOnlySpan<int> Tails => _tail.AsSpan(0, Count);
    public ReadOnlySpan<int> Heads => _head.AsSpan(0, Count);
    public ReadOnlySpan<int> Times => _time.AsSpan(0, Count);
    public ReadOnlySpan<float> Lengths => _length.AsSpan(0, Count);

    public ArcList(int capacity = 1024)
    {
        capacity = Math.Max(capacity, 16);
        _tail = new int[capacity];
        _head = new int[capacity];
        _time = new int[capacity];
        _length = new float[capacity];
    }

    // lengthMeters is NaN when the source gives no length.
    public void Add(int tail, int head, int time, float lengthMeters)
    {
        if (time < 0) throw new ArgumentOutOfRangeException(nameof(time), time, "Travel times cannot be negative.");
        if (Count == _tail.Length)
        {
            int size = _tail.Length * 2;
            Array.Resize(ref _tail, size);
            Array.Resize(ref _head, size);
            Array.Resize(ref _time, size);
            Array.Resize(ref _length, size);
        }
        _tail[Count] = tail;
        _head[Count] = head;
        _time[Count] = time;
        _length[Count] = lengthMeters;
        Count++;
    }
}
