using System.Net;
using System.Text.Json.Nodes;
using FireCommand.Web.Tests.Infrastructure;

namespace FireCommand.Web.Tests.Dispatch;

/// <summary>Places, units and calls the dispatch tests start from.</summary>
public static class DispatchTestData
{
    /// <summary>A point well inside the demo province: a station's own location.</summary>
    public static async Task<(double Lat, double Lon, long JurisdictionId)> SomewhereAsync(ApiClient client, int nth = 0)
    {
        var station = (await client.GetJsonAsync("/api/stations")).AsArray()[nth]!;
        return (station["latitude"]!.GetValue<double>() + 0.002, station["longitude"]!.GetValue<double>() + 0.002,
            station["jurisdictionId"]!.GetValue<long>());
    }

    public static async Task<List<long>> AvailableUnitsAsync(ApiClient client, int count) =>
        [.. (await client.GetJsonAsync("/api/units")).AsArray()
            .Where(u => u!["status"]!.GetValue<int>() == 10).Select(u => u!["id"]!.GetValue<long>())
            .Skip(Random.Shared.Next(0, 150)).Take(count)];

    public static async Task<JsonNode> TakeAlarmAsync(ApiClient client, double lat, double lon, string address = "测试路1号")
    {
        var response = await client.PostAsync("/api/alarms", new
        {
            source = "Call119", callerNumber = "13800000000", latitude = lat, longitude = lon, address,
            type = "Fire", subtype = "住宅火灾", description = "三楼冒烟", trapped = 0, injured = 0,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ApiClient.ReadJsonAsync(response))["incident"]!;
    }

    /// <summary>
    /// The station farthest from any other station (straight line) that has available units, and
    /// those units: taking them away leaves a district that no neighbour can cover instead.
    /// </summary>
    public static async Task<(long Id, List<long> Units)> StationUnitsAsync(ApiClient client)
    {
        var stations = (await client.GetJsonAsync("/api/stations")).AsArray()
            .Select(s => (Id: s!["id"]!.GetValue<long>(), Lat: s["latitude"]!.GetValue<double>(), Lon: s["longitude"]!.GetValue<double>())).ToList();
        var available = (await client.GetJsonAsync("/api/units")).AsArray().Where(u => u!["status"]!.GetValue<int>() == 10)
            .GroupBy(u => u!["homeStationId"]!.GetValue<long>(), u => u!["id"]!.GetValue<long>())
            .ToDictionary(g => g.Key, g => g.ToList());
        static double Sq(double a) => a * a;
        var loneliest = stations.Where(s => available.ContainsKey(s.Id))
            .MaxBy(s => stations.Where(o => o.Id != s.Id).Min(o => Sq(o.Lat - s.Lat) + Sq((o.Lon - s.Lon) * Math.Cos(s.Lat * Math.PI / 180))));
        return (loneliest.Id, available[loneliest.Id]);
    }
}
