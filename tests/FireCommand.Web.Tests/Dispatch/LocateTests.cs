using System.Net;
using FireCommand.Web.Tests.Infrastructure;

namespace FireCommand.Web.Tests.Dispatch;

/// <summary>Address search for the call-taker, through the API.</summary>
[Collection(SqliteCollection.Name)]
public sealed class LocateTests(SqliteHost host) : PlatformTest<SqliteHost>(host)
{
    [Fact]
    public async Task Locate_FindsAKeyPlaceByName_AndByOneWrongCharacter()
    {
        using var dispatcher = await Demo("dispatcher");
        var place = (await dispatcher.GetJsonAsync("/api/key-places")).AsArray()
            .First(p => p!["name"]!.GetValue<string>().Length >= 5)!;
        var name = place["name"]!.GetValue<string>();

        var exact = (await dispatcher.GetJsonAsync($"/api/locate?q={Uri.EscapeDataString(name)}")).AsArray();
        Assert.Equal(name, exact[0]!["name"]!.GetValue<string>());
        Assert.Equal(place["latitude"]!.GetValue<double>(), exact[0]!["latitude"]!.GetValue<double>(), 5);
        Assert.Equal(place["id"]!.GetValue<long>(), exact[0]!["keyPlaceId"]!.GetValue<long>());

        var typo = name[..2] + (name[2] == '东' ? '西' : '东') + name[3..];
        var fuzzy = (await dispatcher.GetJsonAsync($"/api/locate?q={Uri.EscapeDataString(typo)}")).AsArray();
        Assert.Contains(fuzzy.Take(3), m => m!["name"]!.GetValue<string>() == name);
    }

    [Fact]
    public async Task Locate_HidesOtherDetachmentsStations_AndRejectsBadQueries()
    {
        using var admin = await Admin();
        using var local = await Demo("dispatcher1");
        var mine = (await local.GetJsonAsync("/api/stations")).AsArray().Select(s => s!["name"]!.GetValue<string>()).ToHashSet();
        var foreign = (await admin.GetJsonAsync("/api/stations")).AsArray()
            .Select(s => s!["name"]!.GetValue<string>()).First(n => !mine.Contains(n));
        var found = (await local.GetJsonAsync($"/api/locate?q={Uri.EscapeDataString(foreign)}")).AsArray();
        Assert.DoesNotContain(found, m => m!["name"]!.GetValue<string>() == foreign && m["kind"]!.GetValue<string>() == "Station");

        await ApiClient.AssertProblemAsync(await local.GetAsync("/api/locate?q="), HttpStatusCode.BadRequest);
        await ApiClient.AssertProblemAsync(await local.GetAsync($"/api/locate?q={new string('路', 201)}"), HttpStatusCode.BadRequest);
        await ApiClient.AssertProblemAsync(await local.GetAsync("/api/locate?q=abc&near=north"), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await local.GetAsync("/api/locate?q=%E8%B7%AF&limit=50")).StatusCode);
    }
}
