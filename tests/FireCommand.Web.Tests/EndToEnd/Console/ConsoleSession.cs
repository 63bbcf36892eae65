using System.Text.Json;
using System.Text.Json.Nodes;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd.DispatchConsole;

/// <summary>
/// A signed-in browser for the console tests: logs in through the login page, and calls the API with
/// the browser's own session (cookies and anti-forgery token), so setup and forced calls are exactly
/// what that user could send.
/// </summary>
internal sealed class ConsoleSession
{
    private ConsoleSession(IPage page, PageProblems problems)
    {
        Page = page;
        Problems = problems;
    }

    public IPage Page { get; }

    public PageProblems Problems { get; }

    /// <summary>Console and command view load the demo province's roads (~25k lines): allow for it.</summary>
    public static readonly LocatorAssertionsToBeVisibleOptions Slow = new() { Timeout = 60_000 };

    public static async Task<ConsoleSession> SignInAsync(Chromium chromium, Uri baseAddress, string userName,
        string password = KestrelHost.DemoPassword, string? timeZone = null)
    {
        var page = await chromium.NewPageAsync(baseAddress, timeZone);
        var problems = new PageProblems(page);
        await page.GotoAsync("/login.html");
        await page.FillAsync("#login-user", userName);
        await page.FillAsync("#login-password", password);
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("#user-name")).Not.ToBeEmptyAsync(new() { Timeout = 30_000 });
        return new ConsoleSession(page, problems);
    }

    public async Task OpenConsoleAsync()
    {
        await Page.GotoAsync("/console.html");
        await Expect(Page.Locator("body[data-console-ready='true']")).ToBeVisibleAsync(Slow);
    }

    /// <summary>
    /// Takes an alarm the way a call-taker does: caller number, type, the place typed in Chinese and
    /// picked from the address search, the preview awaited (then <paramref name="beforeSubmit"/>, if
    /// given); returns the new incident's id and number.
    /// </summary>
    public async Task<(long Id, string Number)> TakeAlarmAsync(string placeName, string caller, Func<Task>? beforeSubmit = null)
    {
        var page = Page;
        await page.ClickAsync("#tab-intake");
        await page.FillAsync("#intake-caller", caller);
        await page.ClickAsync("label[for='intake-type-Fire']");
        await page.Locator("#intake-address").PressSequentiallyAsync(placeName);
        var suggestion = page.Locator(".fc-suggest__item").Filter(new() { Has = page.Locator(".fc-suggest__name", new() { HasTextString = placeName }) });
        await Expect(suggestion.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await suggestion.First.ClickAsync();
        await Expect(page.Locator("#intake-located")).Not.ToBeEmptyAsync();

        // The preview while the caller is on the line: jurisdiction, suggested level with reasons, units.
        await Expect(page.Locator("#preview[data-state='ready']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("#preview-jurisdiction")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#preview-level .fc-level")).ToBeVisibleAsync();
        await Expect(page.Locator("#preview-reasons li").First).ToBeVisibleAsync();
        await Expect(page.Locator("#preview-recommendation .fc-rec__unit").First).ToBeVisibleAsync();
        await Expect(page.Locator(".fc-levels__option.is-suggested")).ToHaveCountAsync(1);
        if (beforeSubmit is not null) await beforeSubmit();

        await page.ClickAsync("#intake-submit");
        var number = page.Locator("#incident-number");
        await Expect(number).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{8}-\d{5}$"), new() { Timeout = 30_000 });
        var id = long.Parse(await page.GetAttributeAsync("#incident-view", "data-incident-id") ?? "0");
        Assert.True(id > 0, "the console did not select the new incident");
        return (id, await number.InnerTextAsync());
    }

    public async Task<JsonNode> GetAsync(string url)
    {
        var response = await Page.Context.APIRequest.GetAsync(url);
        Assert.True(response.Ok, $"GET {url}: {response.Status} {await response.TextAsync()}");
        return JsonNode.Parse(await response.TextAsync())!;
    }

    /// <summary>POST with the session's anti-forgery token; returns the status and the body.</summary>
    public async Task<(int Status, JsonNode? Body)> PostAsync(string url, object body)
    {
        var token = await GetAsync("/api/auth/antiforgery");
        var response = await Page.Context.APIRequest.PostAsync(url, new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string>
            {
                [token["headerName"]?.GetValue<string>() ?? "X-XSRF-TOKEN"] = token["token"]!.GetValue<string>(),
                ["Content-Type"] = "application/json",
            },
            Data = JsonSerializer.Serialize(body, ApiClient.Json),
        });
        var text = await response.TextAsync();
        return (response.Status, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text));
    }

    /// <summary>
    /// A key place this user can see, with a Chinese name the address search finds, within 2 km of
    /// a station (units reach it in minutes, so the recommendation has units). <paramref name="nth"/>
    /// picks different places for different tests.
    /// </summary>
    public async Task<JsonNode> KeyPlaceNearAStationAsync(int nth)
    {
        var stations = (await GetAsync("/api/stations")).AsArray()
            .Select(s => (Lat: s!["latitude"]!.GetValue<double>(), Lon: s["longitude"]!.GetValue<double>())).ToList();
        var places = (await GetAsync("/api/key-places")).AsArray()
            .Where(p => p!["name"]!.GetValue<string>().Length >= 4)
            .Where(p => stations.Any(s => Meters(s.Lat, s.Lon, p!["latitude"]!.GetValue<double>(), p["longitude"]!.GetValue<double>()) < 2000))
            .ToList();
        Assert.True(places.Count > nth, "the demo province has too few key places near stations in this jurisdiction");
        // Spread the picks: neighbours in the list are neighbours on the ground.
        return places[(nth * 7919) % places.Count]!;
    }

    private static double Meters(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6_371_008.8;
        double rad = Math.PI / 180, dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad;
        double h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(lat1 * rad) * Math.Cos(lat2 * rad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Sqrt(h));
    }
}
