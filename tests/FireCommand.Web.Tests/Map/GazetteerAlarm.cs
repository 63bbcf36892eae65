using System.Globalization;
using FireCommand.Core.Map.Province;
using FireCommand.Geo;
using FireCommand.Geo.Graph;
using FireCommand.Geo.Storage;
using FireCommand.Tests;
using FireCommand.Web.Tests.Infrastructure;
using static FireCommand.Web.Tests.Dispatch.DispatchTestData;

namespace FireCommand.Web.Tests.Map;

/// <summary>
/// The check every real extract must pass: a call-taker finds a real name of the extract through the
/// address search, takes the alarm there, and the first recommended unit comes from the station that is
/// nearest by road. "Nearest by road" is worked out here, apart from the platform: the package's graph
/// with the plainest Dijkstra, from the road node nearest each station to the road node nearest the name.
/// Only a name whose nearest station wins by a clear margin is used, so snapping differences between
/// this reference and the engine cannot decide the outcome.
/// </summary>
internal static class GazetteerAlarm
{
    /// <summary>How much sooner than the runner-up the nearest station must arrive for a name to be used.</summary>
    private const double MarginSeconds = 60;

    /// <summary>The name used and the station expected first, for the caller's own assertions.</summary>
    public sealed record Answer(string Name, StationRecord Station, double ReferenceSeconds, double EtaSeconds);

    public static async Task<Answer> AssertAnsweredByRoadAsync(ApiClient dispatcher, ProvincePackage package, params string[] kinds)
    {
        var records = package.Records;
        var graph = RoadNetworkFile.Load(package.GraphPath).Graph;
        Assert.Equal(TravelTimeUnit.Deciseconds, graph.TimeUnit);
        var reference = ReferenceDijkstra.From(graph);
        var fromStations = records.Stations.Select(s => (Station: s, Times: reference.FromSources((Nearest(graph, s.Latitude, s.Longitude), 0))))
            .ToList();

        // Names of the wanted kinds (unique in the extract), in a fixed order; the first that the address search
        // finds at a place one station reaches well before any other is used.
        var names = records.Names.Where(n => kinds.Contains(n.Kind) && records.Names.Count(o => o.Name == n.Name) == 1)
            .OrderBy(n => Array.IndexOf(kinds, n.Kind)).ThenBy(n => n.Name, StringComparer.Ordinal).Take(40).ToList();
        Assert.True(names.Count > 0, $"the package has no unique name of kind {string.Join("/", kinds)}");
        foreach (var name in names)
        {
            // The call-taker types the name; the search puts it where the extract does (a street: somewhere along it).
            var near = string.Create(CultureInfo.InvariantCulture, $"{name.Latitude},{name.Longitude}");
            var found = (await dispatcher.GetJsonAsync($"/api/locate?q={Uri.EscapeDataString(name.Name)}&limit=10&near={near}")).AsArray()
                .Where(m => m!["name"]!.GetValue<string>() == name.Name)
                .Select(m => new GeoPoint(m!["latitude"]!.GetValue<double>(), m["longitude"]!.GetValue<double>()))
                .OrderBy(p => p.DistanceMetersTo(new GeoPoint(name.Latitude, name.Longitude))).ToList();
            Assert.True(found.Count > 0, $"'{name.Name}' ({name.Kind}) not found by the address search");
            var at = found[0];
            if (name.Kind != "street")
                Assert.True(at.DistanceMetersTo(new GeoPoint(name.Latitude, name.Longitude)) < 50, $"'{name.Name}' found away from the extract's place");

            var node = Nearest(graph, at.Latitude, at.Longitude);
            if (graph.Coordinate(node).DistanceMetersTo(at) > 60) continue;
            var ranked = fromStations.Select(f => (f.Station, Seconds: f.Times[node] == long.MaxValue ? double.MaxValue : f.Times[node] / 10.0))
                .OrderBy(t => t.Seconds).ToList();
            if (ranked[0].Seconds == double.MaxValue || ranked.Count > 1 && ranked[1].Seconds - ranked[0].Seconds < MarginSeconds) continue;
            return await AnswerAsync(dispatcher, name, at, ranked);
        }
        throw new Xunit.Sdk.XunitException($"no name of kind {string.Join("/", kinds)} is clearly nearer one station by road");
    }

    private static async Task<Answer> AnswerAsync(ApiClient dispatcher, NameRecord name, GeoPoint at,
        List<(StationRecord Station, double Seconds)> ranked)
    {
        var id = (await TakeAlarmAsync(dispatcher, at.Latitude, at.Longitude, name.Name))["id"]!.GetValue<long>();
        var first = (await dispatcher.GetJsonAsync($"/api/incidents/{id}/recommendation"))["recommendation"]!["units"]!.AsArray()[0]!;
        var expected = ranked[0];
        Assert.True(expected.Station.Units.Any(u => u.Id == first["unitId"]!.GetValue<long>()),
            $"'{name.Name}': first unit {first.ToJsonString()} is not from {expected.Station.Name} ({expected.Seconds:F0} s by road; next {(ranked.Count > 1 ? ranked[1].Seconds : 0):F0} s)");
        // The engine's travel time agrees with the reference within what snapping to a road part-way can change.
        var eta = first["etaSeconds"]?.GetValue<double>() ?? throw new Xunit.Sdk.XunitException(first.ToJsonString());
        Assert.InRange(eta, expected.Seconds * 0.75 - 30, expected.Seconds * 1.25 + 30);
        return new Answer(name.Name, expected.Station, expected.Seconds, eta);
    }

    private static int Nearest(RoadGraph graph, double latitude, double longitude)
    {
        var at = new GeoPoint(latitude, longitude);
        var best = 0;
        var bestMeters = double.MaxValue;
        for (var node = 0; node < graph.NodeCount; node++)
        {
            var meters = graph.Coordinate(node).DistanceMetersTo(at);
            if (meters < bestMeters) (best, bestMeters) = (node, meters);
        }
        return best;
    }
}
