using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd.Dashboard;

/// <summary>The overview dashboard (态势总览) in a real browser against the demo province's 30 days of history.</summary>
public sealed class DashboardTests(KestrelHost host, ITestOutputHelper output) : IClassFixture<KestrelHost>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Slow = new() { Timeout = 60_000 };

    [Fact]
    public async Task Dashboard_EnglishToggle_SwitchesChartTitlesAndTableHeaders()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        var problems = new PageProblems(page);
        await SignInAsync(page);
        await page.GotoAsync("/dashboard.html");
        await Expect(page.Locator("body[data-dashboard-ready='true']")).ToBeVisibleAsync(Slow);

        // Chinese by default: the header marks 态势总览, card titles and the chart's own text are Chinese.
        await Expect(page.Locator("#app-nav [aria-current='page']")).ToHaveTextAsync("态势总览");
        var incidents = page.Locator("#card-incidents");
        await Expect(incidents.Locator(".fc-dash-card__title")).ToHaveTextAsync("警情分类统计（按日）");
        await Expect(incidents.Locator(".fc-dash-card__chart svg")).ToContainTextAsync("火灾扑救");
        await Expect(page.Locator("#card-response-CallProcessing .fc-dash-card__title")).ToHaveTextAsync("接警处理");
        await Expect(page.Locator("#card-response-CallProcessing .fc-dash-card__chart svg")).ToContainTextAsync("标准 64 秒");
        await Expect(page.Locator("#card-units .fc-dash-card__chart svg")).ToContainTextAsync("10 备勤");
        await Screenshots.SaveAsync(page, "dashboard-zh", output);

        await page.ClickAsync("button[data-lang='en']");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("#app-nav [aria-current='page']")).ToHaveTextAsync("Overview");
        await Expect(incidents.Locator(".fc-dash-card__title")).ToHaveTextAsync("Incidents by type and day");
        // The charts are drawn again in English: legend, objective line, status names.
        var chart = incidents.Locator(".fc-dash-card__chart svg");
        await Expect(chart).ToContainTextAsync("Fire");
        await Expect(chart).Not.ToContainTextAsync("火灾扑救");
        await Expect(page.Locator("#card-response-CallProcessing .fc-dash-card__title")).ToHaveTextAsync("Call processing");
        await Expect(page.Locator("#card-response-CallProcessing .fc-dash-card__chart svg")).ToContainTextAsync("Objective 64 s");
        await Expect(page.Locator("#card-units .fc-dash-card__chart svg")).ToContainTextAsync("10 Available");
        await Expect(page.Locator("#card-coverage .fc-dash-card__title")).ToHaveTextAsync("5-minute coverage");
        await Screenshots.SaveAsync(page, "dashboard-en", output);

        // Table views: the headers are English too, and the toggle says what it shows.
        var toggle = incidents.Locator(".fc-dash-card__toggle");
        await Expect(toggle).ToHaveTextAsync("Table");
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(toggle).ToHaveTextAsync("Chart");
        var headers = incidents.Locator("table thead th");
        await Expect(headers.First).ToHaveTextAsync("Day");
        await Expect(headers.Last).ToHaveTextAsync("Total");
        await Expect(incidents.Locator("table thead")).ToContainTextAsync("Fire");
        await Expect(incidents.Locator(".fc-dash-card__chart")).ToBeHiddenAsync();

        var units = page.Locator("#card-units");
        await units.Locator(".fc-dash-card__toggle").ClickAsync();
        await Expect(units.Locator("table thead th").First).ToHaveTextAsync("Status (GA/T 974.39)");
        await Expect(units.Locator("table tbody")).ToContainTextAsync("10 Available");

        var travel = page.Locator("#card-response-FirstEngineTravel");
        await travel.Locator(".fc-dash-card__toggle").ClickAsync();
        await Expect(travel.Locator("table thead th").First).ToHaveTextAsync("Interval (m:ss)");
        await Expect(travel.Locator(".fc-dash-card__stats")).ToContainTextAsync("Within objective");

        // Back to Chinese with a table open: its headers follow at once.
        await page.ClickAsync("button[data-lang='zh-CN']");
        await Expect(headers.First).ToHaveTextAsync("日期");
        await Expect(units.Locator("table thead th").First).ToHaveTextAsync("状态（GA/T 974.39）");
        problems.AssertNone();
    }

    [Fact]
    public async Task Dashboard_Tables_ShowTheSameTotalsAsTheApi()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        var problems = new PageProblems(page);
        await SignInAsync(page);

        // The very answers the page drew from (the 30-day window slides with the clock, so a second
        // request could differ by an incident at its edge).
        var overviewResponse = page.WaitForResponseAsync(r => r.Url.Contains("/api/analytics/overview?days=30") && r.Status == 200);
        var unitsResponse = page.WaitForResponseAsync(r => new Uri(r.Url).AbsolutePath == "/api/units" && r.Status == 200);
        var coverageResponse = page.WaitForResponseAsync(r => r.Url.Contains("/api/map/coverage") && r.Status == 200);
        await page.GotoAsync("/dashboard.html");
        var overview = JsonNode.Parse(await (await overviewResponse).TextAsync())!;
        var unitList = JsonNode.Parse(await (await unitsResponse).TextAsync())!.AsArray();
        var coverage = JsonNode.Parse(await (await coverageResponse).TextAsync())!;
        await Expect(page.Locator("body[data-dashboard-ready='true']")).ToBeVisibleAsync(Slow);
        foreach (var toggle in await page.Locator(".fc-dash-card__toggle").AllAsync()) await toggle.ClickAsync();

        // Incidents: per type and overall.
        var byDay = overview["incidentsByDay"]!.AsArray();
        Assert.NotEmpty(byDay);
        var incidents = page.Locator("#card-incidents table");
        var headers = (await incidents.Locator("thead th").AllTextContentsAsync()).ToList();
        var totals = await incidents.Locator("tfoot tr").First.Locator("th, td").AllTextContentsAsync();
        Assert.Equal("合计", totals[0]);
        Assert.Equal(byDay.Sum(r => r!["count"]!.GetValue<int>()), Number(totals[^1]));
        foreach (var (type, name) in new[] { ("Fire", "火灾扑救"), ("Rescue", "抢险救援"), ("SocialAssistance", "社会救助"), ("SecurityDuty", "安保勤务") })
        {
            var expected = byDay.Where(r => r!["type"]!.GetValue<string>() == type).Sum(r => r!["count"]!.GetValue<int>());
            var column = headers.IndexOf(name);
            Assert.True(expected == 0 ? column < 0 : column > 0, $"{type}: column {column}, expected {expected}");
            if (column > 0) Assert.Equal(expected, Number(totals[column]));
        }
        // One row per day of the period, each row adding up.
        foreach (var row in await incidents.Locator("tbody tr").AllAsync())
        {
            var cells = (await row.Locator("th, td").AllTextContentsAsync()).Skip(1).Select(Number).ToList();
            Assert.Equal(cells[^1], cells[..^1].Sum());
        }

        // Units by status: the live list, status by status.
        var units = page.Locator("#card-units table");
        Assert.Equal(unitList.Count, Number((await units.Locator("tfoot td").AllTextContentsAsync())[0]));
        foreach (var group in unitList.GroupBy(u => u!["status"]!.GetValue<int>()))
        {
            var row = units.Locator("tbody tr").Filter(new() { HasTextRegex = new Regex($"^{group.Key} ") });
            await Expect(row.Locator("td")).ToHaveTextAsync(group.Count().ToString("N0", CultureInfo.InvariantCulture));
        }

        // Response times: each histogram's table adds up to the API's bins and names its sample count.
        foreach (var entry in overview["responseTimes"]!.AsArray())
        {
            var interval = entry!["interval"]!.GetValue<string>();
            var card = page.Locator($"#card-response-{interval}");
            var histogram = entry["histogram"]!.AsArray();
            await Expect(card.Locator("tbody tr")).ToHaveCountAsync(histogram.Count);
            var total = (await card.Locator("tfoot td").AllTextContentsAsync())[0];
            Assert.Equal(histogram.Sum(b => b!["count"]!.GetValue<int>()), Number(total));
            await Expect(card.Locator(".fc-dash-card__subtitle")).ToContainTextAsync(
                $"样本 {entry["count"]!.GetValue<int>().ToString("N0", CultureInfo.InvariantCulture)}");
        }

        // Coverage: the shares computed for the available units.
        var coverageRows = page.Locator("#card-coverage tbody tr");
        await Expect(coverageRows.Nth(0).Locator("td")).ToHaveTextAsync(Percent(coverage["coveredPopulationShare"]!.GetValue<double>()));
        await Expect(coverageRows.Nth(1).Locator("td")).ToHaveTextAsync(Percent(coverage["coveredRoadShare"]!.GetValue<double>()));
        await Expect(coverageRows.Nth(2).Locator("td")).ToHaveTextAsync(coverage["availableUnits"]!.GetValue<int>().ToString("N0", CultureInfo.InvariantCulture));
        await Screenshots.SaveAsync(page, "dashboard-tables-zh", output);
        problems.AssertNone();
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/login.html");
        await page.FillAsync("#login-user", KestrelHost.AdminUserName);
        await page.FillAsync("#login-password", KestrelHost.AdminPassword);
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("#user-name")).Not.ToBeEmptyAsync(new() { Timeout = 30_000 });
    }

    /// <summary>A count as printed ("1,028").</summary>
    private static int Number(string text) => int.Parse(text.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    /// <summary>A share as the page prints it, one decimal: computed as Intl does, from the decimal value.</summary>
    private static string Percent(double share) =>
        Math.Round((decimal)share * 100m, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
