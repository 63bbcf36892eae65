using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd.DispatchConsole;

/// <summary>
/// What the console must never show, driven in Chromium with the server's answers held back by
/// route interception, so that the order in which answers arrive is chosen by the test.
/// </summary>
public sealed class ConsoleSafetyTests(KestrelHost host) : IClassFixture<KestrelHost>
{
    private static readonly Regex RecommendationUrl = new(@"/api/incidents/(\d+)/recommendation", RegexOptions.Compiled);

    /// <summary>
    /// Requests held until the test lets them go; the answer for one incident can then arrive after
    /// another incident has been selected.
    /// </summary>
    private sealed class HeldRoutes
    {
        private readonly List<(long Id, IRoute Route)> _held = [];

        public bool Holding { get; set; } = true;

        public async Task HandleAsync(IRoute route)
        {
            var id = long.Parse(RecommendationUrl.Match(route.Request.Url).Groups[1].Value);
            if (!Holding) { await route.ContinueAsync(); return; }
            lock (_held) _held.Add((id, route));
        }

        public int CountFor(long id)
        {
            lock (_held) return _held.Count(h => h.Id == id);
        }

        /// <summary>Lets every held request of <paramref name="id"/> through and waits for their answers.</summary>
        public async Task ReleaseAsync(IPage page, long id)
        {
            List<IRoute> routes;
            lock (_held)
            {
                routes = [.. _held.Where(h => h.Id == id).Select(h => h.Route)];
                _held.RemoveAll(h => h.Id == id);
            }
            Assert.NotEmpty(routes);
            foreach (var route in routes)
            {
                var url = route.Request.Url;
                await page.RunAndWaitForRequestFinishedAsync(() => route.ContinueAsync(),
                    new() { Predicate = r => r.Url == url, Timeout = 30_000 });
            }
        }
    }

    private static async Task<long> TakeAlarmThroughApiAsync(ConsoleSession session, JsonNode place, string caller)
    {
        var (status, taken) = await session.PostAsync("/api/alarms", new
        {
            source = "Call119", callerNumber = caller, type = "Fire", address = place["name"]!.GetValue<string>(),
            latitude = place["latitude"]!.GetValue<double>(), longitude = place["longitude"]!.GetValue<double>(),
        });
        Assert.Equal(201, status);
        return taken!["incident"]!["id"]!.GetValue<long>();
    }

    private static async Task<HashSet<long>> RecommendedUnitsAsync(ConsoleSession session, long id) =>
        [.. (await session.GetAsync($"/api/incidents/{id}/recommendation"))["recommendation"]!["units"]!.AsArray()
            .Select(u => u!["unitId"]!.GetValue<long>())];

    [Fact]
    public async Task SwitchingIncidents_NeverShowsTheOtherIncidentsRecommendation_AndHoldsDispatchUntilItsOwnArrives()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var session = await ConsoleSession.SignInAsync(chromium, host.BaseAddress, "dispatcher");
        var page = session.Page;
        // Two incidents far enough apart that their recommendations differ.
        var a = await TakeAlarmThroughApiAsync(session, await session.KeyPlaceNearAStationAsync(9), "13600136001");
        var b = await TakeAlarmThroughApiAsync(session, await session.KeyPlaceNearAStationAsync(12), "13600136002");
        var unitsOfA = await RecommendedUnitsAsync(session, a);
        var unitsOfB = await RecommendedUnitsAsync(session, b);
        var onlyA = unitsOfA.Except(unitsOfB).ToList();
        Assert.True(onlyA.Count > 0, "the two incidents' recommendations are the same units; pick places farther apart");
        Assert.NotEmpty(unitsOfB);

        var held = new HeldRoutes { Holding = false };
        await page.RouteAsync(RecommendationUrl, held.HandleAsync);
        await page.GotoAsync($"/console.html?incident={a}");
        await Expect(page.Locator("body[data-console-ready='true']")).ToBeVisibleAsync(ConsoleSession.Slow);
        await Expect(page.Locator("#rec-dispatch")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator($"#recommendation .fc-rec__unit[data-unit-id='{onlyA[0]}']")).ToBeVisibleAsync();

        // From here on, every moment the panel shows B is watched: none of A's units, and no
        // enabled dispatch button before B's own answer has been let through.
        await page.EvaluateAsync(@"({ b, onlyA }) => {
            window.__violations = [];
            window.__bReleased = false;
            const check = () => {
              if (document.getElementById('incident-view')?.dataset.incidentId !== String(b)) return;
              const rec = document.getElementById('recommendation');
              for (const id of onlyA) if (rec.querySelector(`.fc-rec__unit[data-unit-id='${id}']`)) window.__violations.push(`unit ${id} of the other incident`);
              const send = rec.querySelector(""[data-action='dispatch']"");
              if (send && !send.disabled && !window.__bReleased) window.__violations.push('dispatch enabled before its recommendation arrived');
            };
            new MutationObserver(check).observe(document.getElementById('incident-view'), { subtree: true, childList: true, attributes: true });
          }", new { b, onlyA });

        held.Holding = true;
        await page.Locator($"#incident-row-{b}").ClickAsync();
        await Expect(page.Locator("#incident-view")).ToHaveAttributeAsync("data-incident-id", b.ToString());
        await WaitUntilAsync(() => held.CountFor(b) == 1, "the console asked for B's recommendation");

        // Back to A and again to B: A's second answer will arrive while B is shown.
        await page.Locator($"#incident-row-{a}").ClickAsync();
        await WaitUntilAsync(() => held.CountFor(a) == 1, "the console asked for A's recommendation again");
        await page.Locator($"#incident-row-{b}").ClickAsync();
        await WaitUntilAsync(() => held.CountFor(b) == 2, "the console asked for B's recommendation again");
        await held.ReleaseAsync(page, a);
        await Expect(page.Locator("#incident-view")).ToHaveAttributeAsync("data-incident-id", b.ToString());
        await Expect(page.Locator("#recommendation .fc-rec__unit")).ToHaveCountAsync(0);
        await Expect(page.Locator("#recommendation [data-action='dispatch']:enabled")).ToHaveCountAsync(0);

        await page.EvaluateAsync("() => { window.__bReleased = true; }");
        held.Holding = false;
        await held.ReleaseAsync(page, b);
        await Expect(page.Locator("#rec-dispatch")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        var shown = await page.Locator("#recommendation .fc-rec__unit").EvaluateAllAsync<long[]>("rows => rows.map(r => Number(r.dataset.unitId))");
        Assert.Equal(unitsOfB.Order(), shown.Order());
        var violations = await page.EvaluateAsync<string[]>("() => window.__violations");
        Assert.True(violations.Length == 0, "While B was shown: " + string.Join("; ", violations.Distinct()));
        session.Problems.AssertNone();
    }

    [Fact]
    public async Task EnterInTheAddress_NeverTakesASuggestionForAnEarlierText_AndACityCentreIsFlagged()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var session = await ConsoleSession.SignInAsync(chromium, host.BaseAddress, "dispatcher");
        var page = session.Page;
        var place = await session.KeyPlaceNearAStationAsync(15);
        var placeName = place["name"]!.GetValue<string>();
        // A detachment is named after its city: "白江市消防救援支队" → "白江市".
        var city = (await session.GetAsync("/api/jurisdictions")).AsArray()
            .Where(j => j!["level"]!.GetValue<string>() == "Detachment")
            .Select(j => j!["name"]!.GetValue<string>().Replace("消防救援支队", "", StringComparison.Ordinal))
            .First(name => name.EndsWith('市') && !placeName.Contains(name, StringComparison.Ordinal));

        var holding = false;
        var held = new List<IRoute>();
        var firstHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/api/locate?**", async route =>
        {
            if (!holding) { await route.ContinueAsync(); return; }
            lock (held) held.Add(route);
            firstHeld.TrySetResult();
        });
        await session.OpenConsoleAsync();
        await page.ClickAsync("#tab-intake");
        await page.ClickAsync("label[for='intake-type-Fire']");
        var address = page.Locator("#intake-address");

        // The city's name finds the city centre; picking it is flagged before anything is submitted.
        await address.PressSequentiallyAsync(city);
        var cityHit = page.Locator(".fc-suggest__item[data-kind='City']").First;
        await Expect(cityHit).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await address.PressAsync("Enter");
        await Expect(page.Locator("#intake-located")).ToContainTextAsync(city);
        await Expect(page.Locator("#intake-imprecise")).ToBeVisibleAsync();
        await page.ClickAsync("#intake-submit");
        await Expect(page.Locator("#intake-address-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#intake-form")).ToBeVisibleAsync();
        await Expect(page.Locator("#incident-view")).ToBeHiddenAsync(); // nothing was registered

        // Type the city again, wait for its suggestions, then type the place quickly and press Enter
        // while the place's suggestions are still on their way.
        await page.ClickAsync("#intake-reset");
        await page.ClickAsync("label[for='intake-type-Fire']");
        await address.PressSequentiallyAsync(city);
        await Expect(cityHit).ToBeVisibleAsync(new() { Timeout = 30_000 });
        holding = true;
        await address.SelectTextAsync();
        await address.PressSequentiallyAsync(placeName);
        await address.PressAsync("Enter");
        await Expect(page.Locator("#intake-located")).ToBeEmptyAsync();
        await Expect(page.Locator(".fc-suggest__item[data-kind='City']")).ToBeHiddenAsync();
        Assert.Equal(placeName, await address.InputValueAsync());

        // Its own suggestions arrive: Enter, which waited for them, takes the first one. The search is
        // sent after the typing pauses, so on a busy machine it may not have left the page yet: wait for it.
        await firstHeld.Task.WaitAsync(TimeSpan.FromSeconds(30));
        holding = false;
        List<IRoute> release;
        lock (held) { release = [.. held]; held.Clear(); }
        Assert.NotEmpty(release);
        foreach (var route in release) await route.ContinueAsync();
        await Expect(page.Locator("#intake-located")).ToContainTextAsync(placeName, new() { Timeout = 30_000 });
        Assert.DoesNotContain(city, await page.Locator("#intake-located").InnerTextAsync(), StringComparison.Ordinal);
        await Expect(page.Locator("#intake-imprecise")).ToBeHiddenAsync();
        session.Problems.AssertNone();
    }

    [Fact]
    public async Task ALongDistanceReinforcement_IsOfferedApartAndUnticked_AndDispatchAllLeavesItOut()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var session = await ConsoleSession.SignInAsync(chromium, host.BaseAddress, "dispatcher");
        var page = session.Page;
        var id = await TakeAlarmThroughApiAsync(session, await session.KeyPlaceNearAStationAsync(18), "13600136003");
        var recommended = (await RecommendedUnitsAsync(session, id)).ToList();
        Assert.True(recommended.Count >= 2, "the plan recommends fewer than two units here");

        // The server marks a unit beyond the threshold (unit-tested in the recommender); here one of
        // the real answer's units carries that mark, so the console's handling of it is what is tested.
        long far = -1;
        await page.RouteAsync(RecommendationUrl, async route =>
        {
            var response = await route.FetchAsync();
            var body = JsonNode.Parse(await response.TextAsync())!;
            var units = body["recommendation"]!["units"]!.AsArray();
            var last = units[^1]!;
            last["reinforcement"] = true;
            far = last["unitId"]!.GetValue<long>();
            await route.FulfillAsync(new() { Response = response, Body = body.ToJsonString() });
        });
        await page.GotoAsync($"/console.html?incident={id}");
        await Expect(page.Locator("body[data-console-ready='true']")).ToBeVisibleAsync(ConsoleSession.Slow);
        var farRow = page.Locator($"#rec-reinforcements .fc-rec__unit[data-unit-id='{far}']");
        await Expect(farRow).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(farRow.Locator(".fc-flag--far")).ToHaveTextAsync(new Regex("^(跨区)?增援$"));
        await Expect(farRow.Locator("input[type='checkbox']")).Not.ToBeCheckedAsync();
        await Expect(page.Locator("#recommendation > .fc-rec__list .fc-rec__unit")).ToHaveCountAsync(recommended.Count - 1);
        await Expect(page.Locator("#recommendation > .fc-rec__list input[type='checkbox']:not(:checked)")).ToHaveCountAsync(0);

        var send = page.Locator("#rec-dispatch");
        await Expect(send).ToHaveTextAsync("全部调派");
        await send.ClickAsync();
        await Expect(page.Locator("#assigned-units tbody tr")).ToHaveCountAsync(recommended.Count - 1, new() { Timeout = 30_000 });
        await Expect(page.Locator($"#assigned-units tr[data-unit-id='{far}']")).ToHaveCountAsync(0);
        session.Problems.AssertNone();
    }

    [Fact]
    public async Task CommandView_ShowsAKeyPlaceNamedWithMarkup_AsText()
    {
        const string Name = "<img src=x onerror=window.__injected=1><b style=color:red>撤离通知</b>";
        await using var chromium = await Chromium.LaunchAsync();
        var session = await ConsoleSession.SignInAsync(chromium, host.BaseAddress, "commander");
        var page = session.Page;
        var place = await session.KeyPlaceNearAStationAsync(21);
        var id = await TakeAlarmThroughApiAsync(session, place, "13600136004");
        var (status, _) = await session.PostAsync("/api/key-places", new
        {
            name = Name, categories = "HighRise",
            latitude = place["latitude"]!.GetValue<double>() + 0.0006, longitude = place["longitude"]!.GetValue<double>(),
            jurisdictionId = place["jurisdictionId"]!.GetValue<long>(),
        });
        Assert.Equal(201, status);

        await page.GotoAsync($"/incident.html?id={id}");
        await Expect(page.Locator("body[data-command-ready='true']")).ToBeVisibleAsync(ConsoleSession.Slow);
        // The list row is text; clicking it centres the map on the place, whose tooltip the mouse opens.
        var row = page.Locator("#nearby-places button", new() { HasTextString = "撤离通知" });
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(row).ToContainTextAsync(Name);
        // Each key place's marker is told the mouse is over it, until the one with that name opens its tooltip.
        var tooltip = page.Locator(".leaflet-tooltip", new() { HasTextString = "撤离通知" });
        var markers = page.Locator("#command-map .fc-cmd-place");
        for (int i = 0, n = await markers.CountAsync(); i < n && await tooltip.CountAsync() == 0; i++)
        {
            await markers.Nth(i).DispatchEventAsync("mouseover");
            if (await tooltip.CountAsync() == 0) await markers.Nth(i).DispatchEventAsync("mouseout");
        }
        await Expect(tooltip).ToBeVisibleAsync();
        await Expect(tooltip).ToContainTextAsync("<img src=x onerror=window.__injected=1><b style=color:red>撤离通知</b>");

        // Nothing of the name became markup, anywhere on the page.
        await Expect(page.Locator("img[src='x']")).ToHaveCountAsync(0);
        await Expect(page.Locator(".leaflet-tooltip b, .leaflet-popup b, #nearby-places b")).ToHaveCountAsync(0);
        Assert.False(await page.EvaluateAsync<bool>("() => window.__injected === 1"), "the name's script ran");
        session.Problems.AssertNone();
    }

    [Fact]
    public async Task AnotherJurisdictionsIncident_IsAClearPage_AndTheLoginPageLogsNoError()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var dispatcher1 = await ConsoleSession.SignInAsync(chromium, host.BaseAddress, "dispatcher1");
        var id = await TakeAlarmThroughApiAsync(dispatcher1, await dispatcher1.KeyPlaceNearAStationAsync(2), "13600136005");

        var dispatcher2 = await ConsoleSession.SignInAsync(chromium, host.BaseAddress, "dispatcher2");
        var page = dispatcher2.Page;
        await page.GotoAsync($"/incident.html?id={id}");
        await Expect(page.Locator("body[data-command-ready='failed']")).ToBeAttachedAsync(new() { Timeout = 60_000 });
        await Expect(page.Locator("#command-failed")).ToBeVisibleAsync();
        await Expect(page.Locator("#command-error")).ToContainTextAsync(id.ToString());
        await Expect(page.Locator("#command-map, #assigned-units, #water-sources")).ToHaveCountAsync(0);
        await Expect(page.Locator("#live-banner")).ToBeHiddenAsync();

        // A browser without a session on the login page: nothing in its console.
        var fresh = await chromium.NewPageAsync(host.BaseAddress);
        var errors = new List<string>();
        fresh.Console += (_, m) => { if (m.Type == "error") lock (errors) errors.Add(m.Text); };
        await fresh.GotoAsync("/login.html");
        await Expect(fresh.Locator("#login-user")).ToBeFocusedAsync(new() { Timeout = 30_000 });
        await fresh.WaitForLoadStateAsync(LoadState.NetworkIdle);
        lock (errors) Assert.True(errors.Count == 0, "console errors on the login page: " + string.Join("; ", errors));
        dispatcher2.Problems.AssertNone();
    }

    /// <summary>Waits for something the browser does in its own time; fails after 30 s of polling.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (int i = 0; i < 300 && !condition(); i++) await Task.Delay(100);
        Assert.True(condition(), $"Timed out waiting until {what}.");
    }
}
