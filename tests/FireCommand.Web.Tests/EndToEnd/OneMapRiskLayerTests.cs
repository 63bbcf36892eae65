using System.Text.RegularExpressions;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd;

/// <summary>
/// The One Map's risk layer on the demo province's first start: the demo places have no monitoring yet,
/// so their static facts alone score them; one symbol per place the API lists, and a popup whose
/// reasons are named in the user's language, never by their codes.
/// </summary>
public sealed partial class OneMapRiskLayerTests(KestrelHost host, ITestOutputHelper output) : IClassFixture<KestrelHost>
{
    private const string Markers = "#map .leaflet-marker-pane .fc-risk";

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    [Theory]
    [InlineData("zh-CN", "主要因素", "map-risk-zh")]
    [InlineData("en", "Main factors", "map-risk-en")]
    public async Task RiskLayer_ShowsEveryPlaceTheApiLists_WithTranslatedReasons(string language, string reasonsLabel, string screenshot)
    {
        using var api = await new ApiClient(new HttpClient { BaseAddress = host.BaseAddress })
            .SignedInAs(KestrelHost.AdminUserName, KestrelHost.AdminPassword);
        var listed = (await api.GetJsonAsync("/api/sensing/risk?limit=10000")).AsArray();
        Assert.True(listed.Count > 0, "the demo key places have no risk score");
        var codes = listed.SelectMany(p => p!["reasons"]!.AsArray().Select(r => r!["code"]!.GetValue<string>())).ToHashSet();

        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        var problems = new PageProblems(page);
        await page.GotoAsync("/login.html");
        await page.EvaluateAsync("(lang) => localStorage.setItem('firecommand.lang', lang)", language);
        await page.FillAsync("#login-user", KestrelHost.AdminUserName);
        await page.FillAsync("#login-password", KestrelHost.AdminPassword);
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("body[data-map-ready='true']")).ToBeVisibleAsync(new() { Timeout = 60_000 });

        var box = page.Locator("#layer-panel input[name='layer-risk']");
        await Expect(box).ToBeEnabledAsync();
        await box.CheckAsync();
        var row = page.Locator("#layer-panel [data-layer='risk']");
        await Expect(row).ToHaveAttributeAsync("data-state", "loaded", new() { Timeout = 60_000 });
        Assert.Equal(listed.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), await row.GetAttributeAsync("data-count"));
        await Expect(page.Locator(Markers)).ToHaveCountAsync(listed.Count);

        // The place most at risk is drawn on top; open its card.
        var top = listed[0]!;
        await page.Locator($"{Markers}.fc-risk--{top["level"]!.GetValue<string>().ToLowerInvariant()}").First.DispatchEventAsync("click");
        var popup = page.Locator(".leaflet-popup .fc-popup");
        await Expect(popup).ToBeVisibleAsync();
        await Expect(popup).ToContainTextAsync(reasonsLabel);
        var items = popup.Locator(".fc-risk-reasons li");
        Assert.True(await items.CountAsync() > 0, "the popup lists no reasons");
        foreach (var text in await items.AllInnerTextsAsync())
        {
            // In English a plain code ("height") is also a plain word; compound codes never are.
            Assert.DoesNotContain(codes.Where(c => language == "zh-CN" || c.Contains('.') || c.Any(char.IsUpper)),
                code => text.Contains(code, StringComparison.Ordinal));
            Assert.DoesNotContain("riskReason", text, StringComparison.Ordinal);
            Assert.Equal(language == "zh-CN", Chinese().IsMatch(text));
        }
        var card = await popup.InnerTextAsync();
        // English level names hold the word ("Low risk"), so the raw names are looked for in Chinese only.
        if (language == "zh-CN")
            foreach (var level in new[] { "Low", "General", "Considerable", "Major", "Rising", "Steady", "Falling" })
                Assert.DoesNotContain(level, card, StringComparison.Ordinal);
        await Expect(popup.Locator(".fc-risk-trend")).ToHaveTextAsync(new Regex("^[↑→↓] \\S"));
        await Screenshots.SaveAsync(page, screenshot, output);
        problems.AssertNone();
    }
}
