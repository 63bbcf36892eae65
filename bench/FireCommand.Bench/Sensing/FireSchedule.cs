using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using FireCommand.Core.Sensing.Gb26875;
using Microsoft.AspNetCore.SignalR.Client;

namespace FireCommand.Bench.Sensing;

/// <summary>
/// Fires during the measured window: fire k is a manual call point (which confirms itself) reported by
/// device k, at a key place of its own so no fire merges into another's incident, spread evenly over the
/// window. Each is timed from its frame leaving the device to its incident heard on the console.
/// </summary>
internal sealed class FireSchedule(int count, ConsoleWatch console)
{
    private readonly int[] _due = new int[Math.Max(count, 1)];
    private int _sent;

    public int Count { get; } = count;

    public int SentCount => Volatile.Read(ref _sent);

    /// <summary>The call point of device <paramref name="index"/>; its component key is in the incident's description.</summary>
    public static Gb26875ComponentAddress CallPoint(int index) => Gb26875ComponentAddress.Of(95, (ushort)(index + 1));

    public static string Marker(int index) => Gb26875MessageMapper.ComponentKey(1, 1, 23, CallPoint(index));

    public async Task RunAsync(TimeSpan warmup, TimeSpan window, CancellationToken ct)
    {
        if (Count == 0) return;
        try
        {
            await Task.Delay(warmup, ct);
            var every = window / (Count + 1);
            for (int k = 0; k < Count; k++)
            {
                await Task.Delay(every, ct);
                Volatile.Write(ref _due[k], 1);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>True once, when device <paramref name="index"/> is to report its fire now.</summary>
    public bool Due(int index) => index < Count && Interlocked.Exchange(ref _due[index], 0) == 1;

    public void MarkSent(int index)
    {
        console.Expect(Marker(index), Stopwatch.GetTimestamp());
        Interlocked.Increment(ref _sent);
    }

    public List<double> LatenciesMs() => console.Heard();
}

/// <summary>A dispatcher's console: the SignalR connection the web UI holds, listening for incidents.</summary>
internal sealed class ConsoleWatch : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly ConcurrentDictionary<string, long> _expected = new();
    private readonly ConcurrentDictionary<string, double> _heard = new();

    private ConsoleWatch(HubConnection hub)
    {
        _hub = hub;
        _hub.On<JsonElement>("incidentChanged", OnIncident);
    }

    public static async Task<ConsoleWatch> StartAsync(Uri address, CookieContainer cookies)
    {
        var hub = new HubConnectionBuilder().WithUrl(new Uri(address, "/hubs/dispatch"), o => o.Cookies = cookies).Build();
        var watch = new ConsoleWatch(hub);
        await hub.StartAsync();
        return watch;
    }

    public void Expect(string marker, long sentAt) => _expected[marker] = sentAt;

    public List<double> Heard() => [.. _heard.Values];

    private void OnIncident(JsonElement incident)
    {
        var at = Stopwatch.GetTimestamp();
        var text = incident.GetRawText();
        foreach (var (marker, sentAt) in _expected)
            if (text.Contains(marker, StringComparison.Ordinal) && _expected.TryRemove(marker, out _))
                _heard[marker] = Stopwatch.GetElapsedTime(sentAt, at).TotalMilliseconds;
    }

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();
}
