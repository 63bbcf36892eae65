using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd.DispatchConsole;

/// <summary>
/// The dispatcher console and the command view in a real browser against the real platform with
/// the demo province (nothing simulated: every change here is made by the test). The tests
/// share one host and use different places, so they do not depend on each other's order.
/// </summary>
public sealed class ConsoleTests(KestrelHost host, ITestOutputHelper output) : IClassFixture<KestrelHost>
{
    [Fact]
    public async Task Dispatcher_TakesAlarmByChineseAddress_DispatchesAll_AndRunsTheUnitFromTheBoard()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var session = await ConsoleSession.SignInAsync(chromium, host.BaseAddress, "dispatcher");
        var page = session.Page;
        var place = await session.KeyPlaceNearAStationAsync(0);
        var placeName = place["name"]!.GetValue<string>();
        await session.OpenConsoleAsync();
        await Expect(page.Locator("#intake-form")).ToBeVisibleAsync();

        var (id, number) = await session.TakeAlarmAsync(placeName, "13800138000", async () =>
        {
            await page.FillAsync("#intake-caller-name", "王女士");
            await page.FillAsync("#intake-description", "三楼厨房起火，浓烟进入楼道");
            await page.EvaluateAsync("() => document.activeElement?.blur()");
            await Screenshots.SaveAsync(page, "console-intake-zh", output);
        });
        await Expect(page.Locator("#incident-address")).ToContainTextAsync(placeName);
        var row = page.Locator($"#incident-row-{id}");
        await Expect(row).ToHaveAttributeAsync("data-state", "Received");

        // 全部调派: every recommended unit goes; the incident row and the board follow.
        var dispatchAll = page.Locator("#rec-dispatch");
        await Expect(dispatchAll).ToHaveTextAsync("全部调派", new() { Timeout = 30_000 });
        var recommended = await page.Locator("#recommendation .fc-rec__unit").CountAsync();
        Assert.True(recommended > 0, "nothing was recommended");
        await dispatchAll.ClickAsync();
        var assigned = page.Locator("#assigned-units tbody tr");
        await Expect(assigned).ToHaveCountAsync(recommended, new() { Timeout = 30_000 });
        await Expect(row).ToHaveAttributeAsync("data-state", "Dispatched");
        await Expect(page.Locator("#timeline-list [data-kind='dispatch']")).ToHaveCountAsync(1);

        // The first unit reports 21 途中 then 22 到场 from the board, by keyboard.
        var unitId = await assigned.First.GetAttributeAsync("data-unit-id");
        var tile = page.Locator($".fc-tile[data-unit-id='{unitId}']");
        await Expect(tile).ToHaveAttributeAsync("data-status", "20");
        await tile.FocusAsync();
        await page.Keyboard.PressAsync("1");
        await Expect(tile).ToHaveAttributeAsync("data-status", "21");
        await Expect(page.Locator($"#assigned-units tr[data-unit-id='{unitId}']")).ToHaveAttributeAsync("data-status", "21");
        await Expect(page.Locator("#timeline-list [data-kind='enroute']")).ToHaveCountAsync(1);
        await tile.FocusAsync();
        await page.Keyboard.PressAsync("2");
        await Expect(tile).ToHaveAttributeAsync("data-status", "22");
        await Expect(row).ToHaveAttributeAsync("data-state", "Working");
        await Expect(row.Locator(".fc-timer")).ToHaveAttributeAsync("data-kind", "Response");
        await Expect(page.Locator("#timeline-list [data-kind='onscene']")).ToHaveCountAsync(1);

        await page.EvaluateAsync("() => document.activeElement?.blur()"); // no focus ring in the screenshot
        await Screenshots.SaveAsync(page, "console-zh", output);

        // An illegal move (22 → 10) is refused with the server's reason, and nothing changes.
        await tile.FocusAsync();
        await page.Keyboard.PressAsync("0");
        await Expect(page.Locator("#board-notice")).ToContainTextAsync("状态不能由 22 到场 直接改为 10 备勤");
        await Expect(tile).ToHaveAttributeAsync("data-status", "22");

        await page.ClickAsync("button[data-lang='en']");
        await Expect(page.Locator("#tab-incident")).ToHaveTextAsync("Incident");
        await Expect(page.Locator("#queue-title")).ToHaveTextAsync("Incident queue");
        await Expect(page.Locator($"#assigned-units tr[data-unit-id='{unitId}']")).ToContainTextAsync("22 On scene");
        // Each unit's task (stored as the plan slot's Chinese name) reads in English too.
        var slots = await page.Locator("#assigned-units .fc-assigned__slot").AllInnerTextsAsync();
        Assert.NotEmpty(slots);
        Assert.All(slots, slot => Assert.Matches("^[^\\u4e00-\\u9fff]+$", slot));
        // What was on screen before the switch follows it: the board's refusal, the toasts.
        await Expect(page.Locator("#board-notice")).ToContainTextAsync("cannot go from 22 On scene straight to 10 Available");
        await Expect(page.Locator("#toasts")).Not.ToContainTextAsync(new System.Text.RegularExpressions.Regex("[\\u4e00-\\u9fff]"));
        await Screenshots.SaveAsync(page, "console-en", output);
        await page.ClickAsync("button[data-lang='zh-CN']");

        // The command view: the routes of the units still on their way, water by road, places around.
        await page.GotoAsync($"/incident.html?id={id}");
        await Expect(page.Locator("body[data-command-ready='true']")).ToBeVisibleAsync(ConsoleSession.Slow);
        await Expect(page.Locator("#incident-number")).ToHaveTextAsync(number);
        await Expect(page.Locator("#command-map path.fc-route").First).ToBeVisibleAsync(ConsoleSession.Slow);
        await Expect(page.Locator("#water-list li").First).ToBeVisibleAsync();
        await Expect(page.Locator("#assigned-units tbody tr")).ToHaveCountAsync(recommended);
        await Expect(page.Locator(".fc-cmd-label__row")).ToHaveCountAsync(recommended);
        await Screenshots.SaveAsync(page, "incident-zh", output);
        await page.ClickAsync("button[data-lang='en']");
        await Expect(page.Locator("#units-title")).ToContainTextAsync("Units");
        await Expect(page.Locator(".fc-cmd-label__status").First).Not.ToHaveTextAsync(new System.Text.RegularExpressions.Regex("[\\u4e00-\\u9fff]"));
        await Expect(page.Locator("#assigned-units .fc-assigned__slot").First).Not.ToHaveTextAsync(new System.Text.RegularExpressions.Regex("[\\u4e00-\\u9fff]"));
        await Screenshots.SaveAsync(page, "incident-en", output);
        await page.ClickAsync("button[data-lang='zh-CN']");
        session.Problems.AssertNone();
    }

    [Fact]
    public async Task DispatchNotice_ListsEveryUnitSent_AsASecondOrderAndAnotherConsolesOrderFollow()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var session = await ConsoleSession.SignInAsync(chromium, host.BaseAddress, "dispatcher");
        var page = session.Page;
        var place = await session.KeyPlaceNearAStationAsync(9);
        await session.OpenConsoleAsync();
        await Expect(page.Locator("#live-indicator[data-state='connected']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var (id, _) = await session.TakeAlarmAsync(place["name"]!.GetValue<string>(), "13600136000");
        var notice = page.Locator("#rec-sent");

        // Two orders from this console, one unit each: the first recommended unit alone.
        var sent = new List<string>();
        for (var order = 1; order <= 2; order++)
        {
            var send = page.Locator("#rec-dispatch");
            await Expect(send).ToBeEnabledAsync(new() { Timeout = 30_000 });
            var rows = page.Locator("#recommendation .fc-rec__unit");
            var count = await rows.CountAsync();
            Assert.True(count >= 1, $"order {order}: nothing recommended");
            sent.Add((await rows.First.Locator(".fc-rec__callsign").InnerTextAsync()).Trim());
            for (var i = 1; i < count; i++) await rows.Nth(i).Locator("input[type='checkbox']").UncheckAsync();
            await Expect(send).ToHaveTextAsync("调派所选（1）");
            await send.ClickAsync();
            await Expect(notice).ToHaveAttributeAsync("data-count", order.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 30_000 });
            foreach (var callSign in sent) await Expect(notice).ToContainTextAsync(callSign);
        }
        await Expect(notice).ToContainTextAsync("已向 2 辆车下达出动命令");

        // A third unit sent from elsewhere (another console, the command view) joins the notice live.
        var taken = (await session.GetAsync($"/api/incidents/{id}"))["assignments"]!.AsArray().Select(a => a!["unitId"]!.GetValue<long>()).ToHashSet();
        var third = (await session.GetAsync("/api/units")).AsArray()
            .First(u => u!["status"]!.GetValue<int>() == 10 && !taken.Contains(u["id"]!.GetValue<long>()))!;
        var (status, _) = await session.PostAsync($"/api/incidents/{id}/dispatch", new { units = new[] { new { unitId = third["id"]!.GetValue<long>() } } });
        Assert.Equal(200, status);
        await Expect(notice).ToHaveAttributeAsync("data-count", "3", new() { Timeout = 15_000 });
        foreach (var callSign in sent.Append(third["callSign"]!.GetValue<string>())) await Expect(notice).ToContainTextAsync(callSign);
        session.Problems.AssertNone();
    }

    [Fact]
    public async Task SecondConsole_SeesTheNewIncidentAndTheUnitStatus_WithoutReloading()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var watcher = await ConsoleSession.SignInAsync(chromium, host.BaseAddress, "commander");
        await watcher.OpenConsoleAsync();
        await Expect(watcher.Page.Locator("#live-indicator[data-state='connected']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // A page that reloads loses this; it must still be there at the end.
        await watcher.Page.EvaluateAsync("() => { window.__sameDocument = true; }");

        var dispatcher = await ConsoleSession.SignInAsync(chromium, host.BaseAddress, "dispatcher1");
        var place = await dispatcher.KeyPlaceNearAStationAsync(3);
        await dispatcher.OpenConsoleAsync();
        await Expect(dispatcher.Page.Locator("#live-indicator[data-state='connected']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var (id, number) = await dispatcher.TakeAlarmAsync(place["name"]!.GetValue<string>(), "13900139000");

        var row = watcher.Page.Locator($".fc-queue__row[data-number='{number}']");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(row).ToHaveAttributeAsync("data-state", "Received");

        await dispatcher.Page.ClickAsync("#rec-dispatch");
        var assigned = dispatcher.Page.Locator("#assigned-units tbody tr");
        await Expect(assigned.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(row).ToHaveAttributeAsync("data-state", "Dispatched", new() { Timeout = 15_000 });

        // The commander opens the incident (its units' brigades open on the board) and watches.
        await row.ClickAsync();
        var unitId = await assigned.First.GetAttributeAsync("data-unit-id");
        var watchedTile = watcher.Page.Locator($".fc-tile[data-unit-id='{unitId}']");
        await Expect(watchedTile).ToHaveAttributeAsync("data-status", "20", new() { Timeout = 15_000 });

        var tile = dispatcher.Page.Locator($".fc-tile[data-unit-id='{unitId}']");
        await tile.FocusAsync();
        await dispatcher.Page.Keyboard.PressAsync("1");
        await Expect(tile).ToHaveAttributeAsync("data-status", "21");
        await Expect(watchedTile).ToHaveAttributeAsync("data-status", "21", new() { Timeout = 15_000 });
        await Expect(watcher.Page.Locator($"#assigned-units tr[data-unit-id='{unitId}']")).ToHaveAttributeAsync("data-status", "21");
        await Expect(watcher.Page.Locator("#timeline-list [data-kind='enroute']")).ToHaveCountAsync(1);

        Assert.True(await watcher.Page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the commander's console reloaded");
        Assert.Equal(id, long.Parse(await watcher.Page.GetAttributeAsync("#incident-view", "data-incident-id") ?? "0"));
        await Screenshots.SaveAsync(watcher.Page, "console-commander-live-zh", output);
        watcher.Problems.AssertNone();
        dispatcher.Problems.AssertNone();
    }

    [Fact]
    public async Task Viewer_CannotDispatch_AndAnotherDetachment_DoesNotSeeTheIncident()
    {
        await using var chromium = await Chromium.LaunchAsync();
        // An incident taken in dispatcher1's detachment (through the API: this test is about who sees it).
        var dispatcher1 = await ConsoleSession.SignInAsync(chromium, host.BaseAddress, "dispatcher1");
        var place = await dispatcher1.KeyPlaceNearAStationAsync(6);
        var (status, taken) = await dispatcher1.PostAsync("/api/alarms", new
        {
            source = "Call119", callerNumber = "13700137000", type = "Fire", address = place["name"]!.GetValue<string>(),
            latitude = place["latitude"]!.GetValue<double>(), longitude = place["longitude"]!.GetValue<double>(),
        });
        Assert.Equal(201, status);
        var id = taken!["incident"]!["id"]!.GetValue<long>();
        var number = taken["incident"]!["number"]!.GetValue<string>();

        // The viewer sees the incident, read-only: no intake form, no dispatch or action buttons.
        var viewer = await ConsoleSession.SignInAsync(chromium, host.BaseAddress, "viewer");
        await viewer.OpenConsoleAsync();
        var page = viewer.Page;
        await Expect(page.Locator("#read-only-note")).ToBeVisibleAsync();
        await Expect(page.Locator("#intake-form")).ToHaveCountAsync(0);
        await Expect(page.Locator("#tab-intake")).ToBeHiddenAsync();
        await page.Locator($".fc-queue__row[data-number='{number}']").ClickAsync();
        await Expect(page.Locator("#incident-number")).ToHaveTextAsync(number);
        await Expect(page.Locator("#recommendation .fc-rec__unit").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-action='dispatch']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#recommendation input[type='checkbox']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#action-escalate, #action-close, #action-merge")).ToHaveCountAsync(0);
        // A corps-wide board starts with its brigades folded; open one: its tiles take no status keys.
        await page.Locator(".fc-board__brigade-head").First.ClickAsync();
        await Expect(page.Locator(".fc-tile").First).ToHaveAttributeAsync("aria-disabled", "true");
        await page.Locator(".fc-tile").First.FocusAsync();
        await page.Keyboard.PressAsync("1");
        await Expect(page.Locator(".fc-menu")).ToHaveCountAsync(0);
        await Expect(page.Locator("#board-notice")).ToBeHiddenAsync();
        await Screenshots.SaveAsync(page, "console-viewer-zh", output);

        // Forced calls from the viewer's own session are refused by the server.
        var (alarmStatus, _) = await viewer.PostAsync("/api/alarms", new
        {
            source = "Call119", type = "Fire", latitude = place["latitude"]!.GetValue<double>(), longitude = place["longitude"]!.GetValue<double>(),
        });
        Assert.Equal(403, alarmStatus);
        var unitId = (await viewer.GetAsync($"/api/incidents/{id}/recommendation"))["recommendation"]!["units"]!.AsArray()[0]!["unitId"]!.GetValue<long>();
        var (dispatchStatus, _) = await viewer.PostAsync($"/api/incidents/{id}/dispatch", new { units = new[] { new { unitId } } });
        Assert.Equal(403, dispatchStatus);

        // dispatcher2 works another detachment: the incident is not in its queue, nor in its API.
        var dispatcher2 = await ConsoleSession.SignInAsync(chromium, host.BaseAddress, "dispatcher2");
        await dispatcher2.OpenConsoleAsync();
        // The queue has rendered what the console loaded (every open incident dispatcher2 may see)
        // before the missing row counts for anything.
        var visible = (await dispatcher2.GetAsync("/api/incidents")).AsArray().Count(i => i!["state"]!.GetValue<string>() != "Closed");
        await Expect(dispatcher2.Page.Locator("#queue-title")).Not.ToBeEmptyAsync();
        await Expect(dispatcher2.Page.Locator("#queue-list .fc-queue__row")).ToHaveCountAsync(visible);
        await Expect(dispatcher2.Page.Locator($".fc-queue__row[data-number='{number}']")).ToHaveCountAsync(0);
        var hidden = await dispatcher2.Page.Context.APIRequest.GetAsync($"/api/incidents/{id}");
        Assert.Equal(404, hidden.Status);
        // The incident is there for dispatcher1, so its absence above is the jurisdiction at work.
        await dispatcher1.OpenConsoleAsync();
        await Expect(dispatcher1.Page.Locator($".fc-queue__row[data-number='{number}']")).ToBeVisibleAsync();

        viewer.Problems.AssertNone();
        dispatcher2.Problems.AssertNone();
    }

    /// <summary>
    /// A workstation whose browser runs on another zone (here New York, 13 hours behind Beijing in
    /// December) still shows the corps' clock: the status-bar clock and an incident's received time
    /// are Beijing time, as in the radio log and the incident number.
    /// </summary>
    [Fact]
    public async Task ClockTimes_AreInTheCorpsTimeZone_NotTheBrowsers()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var session = await ConsoleSession.SignInAsync(chromium, host.BaseAddress, "dispatcher", timeZone: "America/New_York");
        var page = session.Page;
        var place = await session.KeyPlaceNearAStationAsync(11);
        var (status, taken) = await session.PostAsync("/api/alarms", new
        {
            source = "Call119", callerNumber = "13600136011", type = "Fire", address = place["name"]!.GetValue<string>(),
            latitude = place["latitude"]!.GetValue<double>(), longitude = place["longitude"]!.GetValue<double>(),
        });
        Assert.Equal(201, status);
        var incident = taken!["incident"]!;
        var beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var received = TimeZoneInfo.ConvertTime(incident["receivedAt"]!.GetValue<DateTimeOffset>(), beijing);

        await page.GotoAsync($"/console.html?incident={incident["id"]!.GetValue<long>()}");
        await Expect(page.Locator("body[data-console-ready='true']")).ToBeVisibleAsync(ConsoleSession.Slow);
        await Expect(page.Locator("#incident-view")).ToContainTextAsync(
            "接警 " + received.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));

        // The status-bar clock ticks every second; a minute either way still tells Beijing from New York.
        var shown = TimeOnly.ParseExact(await page.Locator("#server-clock").InnerTextAsync(), "HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var now = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, beijing).DateTime);
        var apart = Math.Abs((shown.ToTimeSpan() - now.ToTimeSpan()).TotalMinutes);
        Assert.True(Math.Min(apart, 1440 - apart) <= 1, $"the status-bar clock shows {shown}, Beijing time is {now}");
        session.Problems.AssertNone();
    }
}
