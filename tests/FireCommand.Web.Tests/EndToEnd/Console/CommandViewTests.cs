using System.Net;
using System.Text.Json.Nodes;
using FireCommand.Web.Tests.Dispatch;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd.DispatchConsole;

/// <summary>
/// The command view's map and surroundings in a real browser: many units around one incident stay
/// readable, and what lies across the border is shown as such.
/// </summary>
public sealed class CommandViewTests(KestrelHost host, ITestOutputHelper output) : IClassFixture<KestrelHost>
{
    private sealed record Box(double X, double Y, double Width, double Height)
    {
        public bool Intersects(Box o) => X < o.X + o.Width && o.X < X + Width && Y < o.Y + o.Height && o.Y < Y + Height;
    }

    private async Task<ApiClient> AdminAsync() =>
        await new ApiClient(new HttpClient { BaseAddress = host.BaseAddress }).SignedInAs(KestrelHost.AdminUserName, KestrelHost.AdminPassword);

    [Fact]
    public async Task TwelveUnitsAroundOneIncident_HaveLabelsThatDoNotOverlap_AndEachNamesItsStation()
    {
        using var admin = await AdminAsync();
        var stations = (await admin.GetJsonAsync("/api/stations")).AsArray()
            .ToDictionary(s => s!["id"]!.GetValue<long>(), s => s!);
        var available = (await admin.GetJsonAsync("/api/units")).AsArray().Where(u => u!["status"]!.GetValue<int>() == 10).ToList();
        // The incident is at the station with the most units ready: their dots lie under its pin.
        var home = available.GroupBy(u => u!["homeStationId"]!.GetValue<long>()).MaxBy(g => g.Count())!.Key;
        double lat = stations[home]["latitude"]!.GetValue<double>(), lon = stations[home]["longitude"]!.GetValue<double>();
        // A call sign without its station, as a corps may register it: the label must add the station.
        var bare = await admin.PostAsync("/api/units", new { callSign = "水罐9", type = "WaterTender", homeStationId = home });
        Assert.Equal(HttpStatusCode.Created, bare.StatusCode);
        var bareId = (await ApiClient.ReadJsonAsync(bare))["id"]!.GetValue<long>();

        var incident = await DispatchTestData.TakeAlarmAsync(admin, lat, lon, "多车标注测试路 1 号");
        var id = incident["id"]!.GetValue<long>();
        static double Sq(double a) => a * a;
        // Six from the station at the scene, the rest from the nearest stations around it.
        var atHome = available.Where(u => u!["homeStationId"]!.GetValue<long>() == home).Take(6);
        var around = available.Where(u => u!["homeStationId"]!.GetValue<long>() != home)
            .OrderBy(u => Sq(u!["latitude"]!.GetValue<double>() - lat) + Sq(u["longitude"]!.GetValue<double>() - lon)).Take(5);
        var sent = atHome.Concat(around).Select(u => u!["id"]!.GetValue<long>()).Append(bareId).ToList();
        var dispatched = await admin.PostAsync($"/api/incidents/{id}/dispatch", new { units = sent.Select(u => new { unitId = u }) });
        Assert.Equal(HttpStatusCode.OK, dispatched.StatusCode);
        var units = (await admin.GetJsonAsync("/api/units")).AsArray().Where(u => sent.Contains(u!["id"]!.GetValue<long>()))
            .ToDictionary(u => u!["id"]!.GetValue<long>(), u => u!);
        Assert.Equal(12, units.Count);

        await using var chromium = await Chromium.LaunchAsync();
        var session = await ConsoleSession.SignInAsync(chromium, host.BaseAddress, KestrelHost.AdminUserName, KestrelHost.AdminPassword);
        var page = session.Page;
        await page.SetViewportSizeAsync(1600, 900);
        await page.GotoAsync($"/incident.html?id={id}");
        await Expect(page.Locator("body[data-command-ready='true']")).ToBeVisibleAsync(ConsoleSession.Slow);
        var rows = page.Locator(".fc-cmd-label__row");
        await Expect(rows).ToHaveCountAsync(sent.Count, new() { Timeout = 30_000 });
        await AssertLabelsAsync(page, units, stations, bareId, "the first view");
        await Screenshots.SaveAsync(page, "incident-units-zh", output);

        // Zoomed out, the stations close in on the incident: still no overlap.
        for (var step = 1; step <= 3; step++)
        {
            var before = await ZoomAsync(page);
            await page.ClickAsync(".leaflet-control-zoom-out");
            await page.WaitForFunctionAsync($"() => Number(document.querySelector('.fc-cmd-labels')?.dataset.zoom) < {before.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            await AssertLabelsAsync(page, units, stations, bareId, $"zoom {await ZoomAsync(page)}");
        }
        await Screenshots.SaveAsync(page, "incident-units-far-zh", output);
        session.Problems.AssertNone();
    }

    [Fact]
    public async Task AReinforcementFromAnotherCity_IsOnTheMap_LabelledWithItsStation()
    {
        using var admin = await AdminAsync();
        using var city1 = await new ApiClient(new HttpClient { BaseAddress = host.BaseAddress }).SignedInAs("dispatcher1", KestrelHost.DemoPassword);
        using var city2 = await new ApiClient(new HttpClient { BaseAddress = host.BaseAddress }).SignedInAs("dispatcher2", KestrelHost.DemoPassword);
        var (lat, lon, _) = await DispatchTestData.SomewhereAsync(city1, 4);
        var id = (await DispatchTestData.TakeAlarmAsync(city1, lat, lon, "跨市增援测试路 3 号"))["id"]!.GetValue<long>();
        var theirs = (await city2.GetJsonAsync("/api/units")).AsArray().First(u => u!["status"]!.GetValue<int>() == 10)!;
        var unitId = theirs["id"]!.GetValue<long>();
        // Not in the city's own unit list: the command view must place it from what the incident says.
        Assert.DoesNotContain((await city1.GetJsonAsync("/api/units")).AsArray(), u => u!["id"]!.GetValue<long>() == unitId);
        var dispatched = await admin.PostAsync($"/api/incidents/{id}/dispatch", new { units = new[] { new { unitId } } });
        Assert.Equal(HttpStatusCode.OK, dispatched.StatusCode);

        await using var chromium = await Chromium.LaunchAsync();
        var session = await ConsoleSession.SignInAsync(chromium, host.BaseAddress, "dispatcher1");
        var page = session.Page;
        await page.GotoAsync($"/incident.html?id={id}");
        await Expect(page.Locator("body[data-command-ready='true']")).ToBeVisibleAsync(ConsoleSession.Slow);
        var row = page.Locator($".fc-cmd-label__row[data-unit-id='{unitId}']");
        await Expect(row).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(row.Locator(".fc-cmd-label__name")).ToHaveTextAsync(theirs["callSign"]!.GetValue<string>());
        await Expect(page.Locator("#units-title")).ToContainTextAsync("（1）");
        session.Problems.AssertNone();
    }

    [Fact]
    public async Task KeyPlaceAcrossTheBorder_IsListedAndMappedAsAnotherJurisdictions_WithNameAndCategoriesOnly()
    {
        using var admin = await AdminAsync();
        using var city1 = await new ApiClient(new HttpClient { BaseAddress = host.BaseAddress }).SignedInAs("dispatcher1", KestrelHost.DemoPassword);
        using var city2 = await new ApiClient(new HttpClient { BaseAddress = host.BaseAddress }).SignedInAs("dispatcher2", KestrelHost.DemoPassword);
        var (lat, lon, _) = await DispatchTestData.SomewhereAsync(city1, 2);
        var theirs = "邻市危化仓库-" + Guid.NewGuid().ToString("N")[..6];
        var created = await admin.PostAsync("/api/key-places", new
        {
            name = theirs, categories = "Petrochemical", latitude = lat + 0.003, longitude = lon, address = "保密地址9号",
            responsiblePerson = "李四", phone = "13700001111", occupants = 40,
            jurisdictionId = (await city2.GetJsonAsync("/api/auth/me"))["jurisdiction"]!["id"]!.GetValue<long>(),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ours = "本辖区商场-" + Guid.NewGuid().ToString("N")[..6];
        var ownCreated = await admin.PostAsync("/api/key-places", new
        {
            name = ours, categories = "LargeComplex", latitude = lat - 0.003, longitude = lon, address = "本辖区路1号",
            jurisdictionId = (await city1.GetJsonAsync("/api/auth/me"))["jurisdiction"]!["id"]!.GetValue<long>(),
        });
        Assert.Equal(HttpStatusCode.Created, ownCreated.StatusCode);
        var ownId = (await ApiClient.ReadJsonAsync(ownCreated))["id"]!.GetValue<long>();
        var id = (await DispatchTestData.TakeAlarmAsync(city1, lat, lon, "边界测试路 2 号"))["id"]!.GetValue<long>();

        await using var chromium = await Chromium.LaunchAsync();
        var session = await ConsoleSession.SignInAsync(chromium, host.BaseAddress, "dispatcher1");
        var page = session.Page;
        await page.GotoAsync($"/incident.html?id={id}");
        await Expect(page.Locator("body[data-command-ready='true']")).ToBeVisibleAsync(ConsoleSession.Slow);

        var foreign = page.Locator("#nearby-list .fc-cmd-list__row").Filter(new() { HasText = theirs });
        await Expect(foreign).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(foreign).ToHaveAttributeAsync("data-other-jurisdiction", "true");
        await Expect(foreign.Locator(".fc-flag")).ToHaveTextAsync("相邻辖区");
        await Expect(foreign.Locator(".fc-cmd-list__sub")).ToHaveTextAsync("石油化工");
        Assert.Null(await foreign.GetAttributeAsync("data-place-id"));
        // Our own place next to it carries its id and no such mark.
        var own = page.Locator($"#nearby-list .fc-cmd-list__row[data-place-id='{ownId}']");
        await Expect(own).ToContainTextAsync(ours);
        await Expect(own.Locator(".fc-flag")).ToHaveCountAsync(0);
        await Expect(page.Locator("#nearby-list .fc-cmd-list__row:not([data-place-id])")).ToHaveCountAsync(
            await page.Locator("#nearby-list .fc-cmd-list__row[data-other-jurisdiction='true']").CountAsync());
        // On the map: a marked symbol whose tooltip says whose it is.
        var marker = page.Locator(".fc-cmd-place.is-other-jurisdiction");
        Assert.True(await marker.CountAsync() >= 1, "no place of another jurisdiction marked on the map");
        // Nothing of the record beyond name, categories and position reaches the page.
        var text = await page.Locator("body").InnerTextAsync();
        foreach (var secret in new[] { "保密地址9号", "李四", "13700001111", "undefined", "null" }) Assert.DoesNotContain(secret, text);

        await page.ClickAsync("button[data-lang='en']");
        await Expect(foreign.Locator(".fc-flag")).ToHaveTextAsync("Another jurisdiction");
        await Expect(foreign.Locator(".fc-cmd-list__sub")).ToHaveTextAsync("Petrochemical");
        await page.ClickAsync("button[data-lang='zh-CN']");
        session.Problems.AssertNone();
    }

    /// <summary>
    /// Every unit has one row; no two label boxes intersect, nor a box and the incident pin; every row
    /// starts with its station's name as call signs shorten it: characters of the name in order, two
    /// of them adjacent as in the name, ending as the name ends (德雅特勤站 for 白江市南阳区德雅特勤站,
    /// 城北站 for 城北消防救援站).
    /// </summary>
    private static async Task AssertLabelsAsync(IPage page, Dictionary<long, JsonNode> units, Dictionary<long, JsonNode> stations,
        long bareId, string when)
    {
        var boxes = new List<Box>();
        foreach (var label in await page.Locator(".fc-cmd-label").AllAsync())
        {
            var b = (await label.BoundingBoxAsync())!;
            boxes.Add(new Box(b.X, b.Y, b.Width, b.Height));
        }
        for (var i = 0; i < boxes.Count; i++)
            for (var j = i + 1; j < boxes.Count; j++)
                Assert.False(boxes[i].Intersects(boxes[j]), $"{when}: labels {i} {boxes[i]} and {j} {boxes[j]} overlap");
        var pin = (await page.Locator(".fc-cmd-pin").BoundingBoxAsync())!;
        var pinBox = new Box(pin.X, pin.Y, pin.Width, pin.Height);
        Assert.All(boxes, b => Assert.False(b.Intersects(pinBox), $"{when}: a label {b} covers the incident pin {pinBox}"));

        var seen = new HashSet<long>();
        foreach (var row in await page.Locator(".fc-cmd-label__row").AllAsync())
        {
            var unitId = long.Parse((await row.GetAttributeAsync("data-unit-id"))!);
            Assert.True(seen.Add(unitId), $"{when}: unit {unitId} labelled twice");
            var name = (await row.Locator(".fc-cmd-label__name").InnerTextAsync()).Trim();
            var unit = units[unitId];
            var station = stations[unit["homeStationId"]!.GetValue<long>()]["name"]!.GetValue<string>();
            var space = name.IndexOf(' ', StringComparison.Ordinal);
            Assert.True(space > 0, $"{when}: label '{name}' has no station part");
            var prefix = name[..space];
            Assert.True(prefix.Length >= 3 && station.Contains(prefix[..2], StringComparison.Ordinal) && prefix[^1] == station[^1]
                && IsInOrderWithin(prefix, station),
                $"{when}: label '{name}' does not name its station {station}");
            var callSign = unit["callSign"]!.GetValue<string>();
            Assert.EndsWith(callSign[(callSign.LastIndexOf(' ') + 1)..], name, StringComparison.Ordinal);
            if (unitId == bareId) Assert.Equal($"{prefix} 水罐9", name);
        }
        Assert.Equal(units.Keys.Order(), seen.Order());
    }

    private static async Task<double> ZoomAsync(IPage page) =>
        double.Parse(await page.GetAttributeAsync(".fc-cmd-labels", "data-zoom") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsInOrderWithin(string part, string whole)
    {
        var at = 0;
        foreach (var c in part)
        {
            at = whole.IndexOf(c, at) + 1;
            if (at == 0) return false;
        }
        return true;
    }
}
