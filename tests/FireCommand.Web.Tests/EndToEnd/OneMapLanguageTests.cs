using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Core.Map;
using FireCommand.Core.Resources;
using FireCommand.Web.Tests.Dispatch;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd;

/// <summary>
/// No code reaches the screen: the rendered One Map, console, command view and overview, in both
/// languages, contain no member name of the domain's enums as a word. The names come from the C#
/// enums by reflection, not from the resource files under test.
/// </summary>
public sealed class OneMapLanguageTests(KestrelHost host, ITestOutputHelper output) : IClassFixture<KestrelHost>
{
    private static readonly Type[] ShownEnums =
    [
        typeof(IncidentType), typeof(IncidentState), typeof(ApparatusType), typeof(UnitStatus), typeof(KeyPlaceCategory),
        typeof(WaterSourceKind), typeof(StationKind), typeof(SettlementKind), typeof(JurisdictionLevel), typeof(AlarmSource),
        typeof(RoadClass), typeof(DispatchTimerKind), typeof(TimerState), typeof(ShortfallCause), typeof(UnitCapability),
    ];

    private static readonly string[] Languages = ["zh-CN", "en"];

    /// <summary>
    /// Enum names to look for. A one-word name ("Fire", "Ladder") is plain English, so in English
    /// only compound names ("MainPumper", "HighRise") count; in Chinese every name does.
    /// </summary>
    private static IReadOnlyList<string> Forbidden(string language)
    {
        var names = ShownEnums.SelectMany(Enum.GetNames).Where(n => n is not ("None" or "Unknown") && n.Length > 2)
            .Distinct(StringComparer.Ordinal).ToList();
        return language == "en" ? [.. names.Where(n => n.Skip(1).Any(char.IsUpper))] : names;
    }

    private static async Task<string> VisibleTextAsync(IPage page) => await page.EvaluateAsync<string>("""
        () => [document.body.innerText,
               ...[...document.querySelectorAll('[title], [placeholder], [aria-label]')]
                 .filter((el) => el.offsetParent !== null)
                 .flatMap((el) => [el.getAttribute('title'), el.getAttribute('placeholder'), el.getAttribute('aria-label')])]
             .filter(Boolean).join('\n')
        """);

    [Fact]
    public async Task RenderedPages_ShowNoEnumNames_InEitherLanguage()
    {
        using var api = await new ApiClient(new HttpClient { BaseAddress = host.BaseAddress })
            .SignedInAs(KestrelHost.AdminUserName, KestrelHost.AdminPassword);
        // An open rescue with a subtype, a fire and a dispatched unit, so queue, details and map carry every kind of label.
        var (lat, lon, _) = await DispatchTestData.SomewhereAsync(api, 5);
        var taken = await api.PostAsync("/api/alarms", new
        {
            source = "Police110", callerNumber = "13900000001", latitude = lat, longitude = lon, address = "语言测试路 3 号",
            type = "Rescue", subtype = IncidentSubtypes.Traffic, description = "两车相撞", trapped = 1, injured = 1,
        });
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        var incidentId = (await ApiClient.ReadJsonAsync(taken))["incident"]!["id"]!.GetValue<long>();
        var fire = await DispatchTestData.TakeAlarmAsync(api, lat + 0.01, lon, "语言测试路 5 号");
        var unit = (await DispatchTestData.AvailableUnitsAsync(api, 1)).Single();
        var sent = await api.PostAsync($"/api/incidents/{fire["id"]!.GetValue<long>()}/dispatch", new { units = new[] { new { unitId = unit } } });
        Assert.True(sent.IsSuccessStatusCode, $"dispatch answered {sent.StatusCode}");

        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        await page.GotoAsync("/login.html");
        await page.FillAsync("#login-user", KestrelHost.AdminUserName);
        await page.FillAsync("#login-password", KestrelHost.AdminPassword);
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("body[data-map-ready='true']")).ToBeVisibleAsync(new() { Timeout = 60_000 });

        var pages = new (string Url, string Ready)[]
        {
            ("/", "map"), ("/console.html", "console"), ($"/incident.html?id={incidentId}", "command"), ("/dashboard.html", "dashboard"),
        };
        var found = new List<string>();
        foreach (var language in Languages)
        {
            var forbidden = Forbidden(language);
            Assert.Contains("MainPumper", forbidden);
            await page.EvaluateAsync("(lang) => localStorage.setItem('firecommand.lang', lang)", language);
            foreach (var (url, ready) in pages)
            {
                await page.GotoAsync(url);
                await Expect(page.Locator($"body[data-{ready}-ready='true']")).ToBeVisibleAsync(new() { Timeout = 60_000 });
                Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
                await page.WaitForTimeoutAsync(500); // late panels (recommendation, timers) fill in after "ready"
                var text = await VisibleTextAsync(page);
                foreach (var name in forbidden)
                    foreach (Match m in Regex.Matches(text, $@"(?<![A-Za-z]){name}(?![A-Za-z])"))
                        found.Add($"{language} {url}: {name} in \"…{Around(text, m.Index)}…\"");
            }
        }
        foreach (var f in found) output.WriteLine(f);
        Assert.True(found.Count == 0, "enum names on screen:\n" + string.Join('\n', found.Distinct().Take(40)));
    }

    private static string Around(string text, int index)
    {
        var from = Math.Max(0, index - 25);
        return text[from..Math.Min(text.Length, index + 35)].ReplaceLineEndings(" ");
    }
}
