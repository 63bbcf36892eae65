using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd;

/// <summary>The risk layer explained in the map's legend, in both languages, only while it is shown.</summary>
public sealed partial class OneMapRiskLayerTests
{
    [Theory]
    [InlineData("zh-CN", "风险", new[] { "重大风险", "较大风险", "一般风险", "低风险" }, "光晕越大")]
    [InlineData("en", "Risk", new[] { "Major risk", "Considerable risk", "General risk", "Low risk" }, "the larger the halo")]
    public async Task Legend_ListsTheRiskLayer_ItsFourColoursAndWhatTheHaloMeans(string language, string heading, string[] levels, string haloNote)
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        var problems = new PageProblems(page);
        await page.GotoAsync("/login.html");
        await page.EvaluateAsync("(lang) => localStorage.setItem('firecommand.lang', lang)", language);
        await page.FillAsync("#login-user", KestrelHost.AdminUserName);
        await page.FillAsync("#login-password", KestrelHost.AdminPassword);
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("body[data-map-ready='true']")).ToBeVisibleAsync(new() { Timeout = 60_000 });

        var section = page.Locator("#legend [data-layer='risk']");
        await Expect(section).ToHaveCountAsync(0); // off by default: nothing to explain
        await page.Locator("#layer-panel input[name='layer-risk']").CheckAsync();
        await Expect(page.Locator("#layer-panel [data-layer='risk']")).ToHaveAttributeAsync("data-state", "loaded", new() { Timeout = 60_000 });

        await Expect(section.Locator("h3")).ToHaveTextAsync(heading);
        await Expect(section.Locator(".fc-legend__label")).ToHaveTextAsync(levels);
        await Expect(section.Locator(".fc-legend__note")).ToContainTextAsync(haloNote);
        // Each level's swatch is the map's own symbol in that level's colour.
        var colours = await section.Locator(".fc-risk__dot").EvaluateAllAsync<string[]>("dots => dots.map(d => getComputedStyle(d).backgroundColor)");
        Assert.Equal(["rgb(229, 57, 53)", "rgb(251, 140, 0)", "rgb(253, 216, 53)", "rgb(30, 136, 229)"], colours);
        problems.AssertNone();
    }
}
