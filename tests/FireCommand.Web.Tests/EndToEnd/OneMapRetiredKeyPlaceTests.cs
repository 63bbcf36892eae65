using System.Net;
using System.Text.Json.Nodes;
using FireCommand.Web.Tests.Dispatch;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd;

/// <summary>
/// A key place dropped from the register stays on the One Map, marked as a retired station is: a grey glyph,
/// "(retired)" after its name in the tooltip and the popup, in both languages. The layer's answer is taken from
/// the real host and only the place's <c>retired</c> flag is set on the way, so the page draws what a re-import
/// would have left (the flag itself is checked against the register in ProvinceReimportTests).
/// </summary>
public sealed class OneMapRetiredKeyPlaceTests(KestrelHost host, ITestOutputHelper output) : IClassFixture<KestrelHost>
{
    private const string Name = "撤销测试旧仓库";

    // The map object is not a global; the test takes it from Leaflet's own init hook, set before any page script runs.
    private const string CaptureMap = """
        (() => {
          let leaflet;
          Object.defineProperty(window, 'L', {
            configurable: true,
            get: () => leaflet,
            set: (value) => {
              leaflet = value;
              value?.Map?.addInitHook?.(function () { window.__fcMap = this; });
            },
          });
        })();
        """;

    [Theory]
    [InlineData("zh-CN", "撤销测试旧仓库（已撤销）", "已撤销：不在最新登记中")]
    [InlineData("en", "撤销测试旧仓库 (retired)", "Retired: no longer in the register")]
    public async Task RetiredKeyPlace_IsGreyAndLabelled(string language, string shownName, string registerText)
    {
        using var api = await new ApiClient(new HttpClient { BaseAddress = host.BaseAddress })
            .SignedInAs(KestrelHost.AdminUserName, KestrelHost.AdminPassword);
        var (lat, lon, jurisdictionId) = await DispatchTestData.SomewhereAsync(api, 7);
        lat += language == "en" ? 0.006 : 0.005;
        var retired = await CreateAsync(api, Name, lat, lon, jurisdictionId);
        var inService = await CreateAsync(api, "撤销测试在册商场", lat, lon + 0.0006, jurisdictionId);

        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        await page.AddInitScriptAsync(CaptureMap);
        await page.AddInitScriptAsync($"localStorage.setItem('firecommand.lang', '{language}')");
        await page.RouteAsync("**/api/map/key-places", async route =>
        {
            var response = await route.FetchAsync();
            var layer = JsonNode.Parse(await response.TextAsync())!;
            foreach (var f in layer["features"]!.AsArray())
                if (f!["properties"]!["id"]!.GetValue<long>() == retired) f["properties"]!["retired"] = true;
            await route.FulfillAsync(new() { Response = response, Body = layer.ToJsonString() });
        });
        await page.GotoAsync("/login.html");
        await page.FillAsync("#login-user", KestrelHost.AdminUserName);
        await page.FillAsync("#login-password", KestrelHost.AdminPassword);
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("body[data-map-ready='true']")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));

        // Close enough that clustering is off; each place's icon is marked by id for the locators below.
        var marked = await page.EvaluateAsync<int>("""
            async ([lat, lon, ids]) => {
              const map = window.__fcMap;
              map.setView([lat, lon + 0.0003], 18, { animate: false });
              await new Promise((resolve) => setTimeout(resolve, 1500));
              let count = 0;
              map.eachLayer((layer) => {
                if (!(layer.getLatLng && layer._icon && layer.options.icon?.options.className?.includes('fc-keyplace'))) return;
                ids.forEach((id, i) => {
                  const [plat, plon] = [lat, lon + i * 0.0006];
                  if (Math.abs(layer.getLatLng().lat - plat) < 2e-5 && Math.abs(layer.getLatLng().lng - plon) < 2e-5) {
                    layer._icon.setAttribute('data-place', String(id));
                    count++;
                  }
                });
              });
              return count;
            }
            """, new object[] { lat, lon, new[] { retired, inService } });
        Assert.Equal(2, marked);

        var retiredIcon = page.Locator($"[data-place='{retired}']");
        var inServiceIcon = page.Locator($"[data-place='{inService}']");
        await Expect(retiredIcon).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bfc-keyplace--retired\b"));
        await Expect(inServiceIcon).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bfc-keyplace--retired\b"));
        // Grey, the retired stations' colour, against the category's colour of the place still in the register.
        Assert.Equal("rgb(158, 158, 158)", await Background(retiredIcon));
        Assert.NotEqual("rgb(158, 158, 158)", await Background(inServiceIcon));

        await retiredIcon.HoverAsync();
        await Expect(page.Locator(".leaflet-tooltip")).ToHaveTextAsync(shownName);
        await retiredIcon.ClickAsync();
        var popup = page.Locator(".leaflet-popup");
        await Expect(popup.Locator(".fc-popup__title")).ToHaveTextAsync(shownName);
        await Expect(popup).ToContainTextAsync(registerText);
        await Screenshots.SaveAsync(page, $"map-retired-key-place-{(language == "en" ? "en" : "zh")}", output);

        await page.Locator(".leaflet-popup-close-button").ClickAsync();
        await inServiceIcon.HoverAsync();
        await Expect(page.Locator(".leaflet-tooltip")).ToHaveTextAsync("撤销测试在册商场");
    }

    private static async Task<long> CreateAsync(ApiClient api, string name, double lat, double lon, long jurisdictionId)
    {
        var created = await api.PostAsync("/api/key-places", new
        {
            name, categories = "LargeComplex", latitude = lat, longitude = lon, address = "撤销测试路 1 号", jurisdictionId,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
    }

    private static Task<string> Background(ILocator icon) =>
        icon.Locator(".fc-keyplace__body").EvaluateAsync<string>("(el) => getComputedStyle(el).backgroundColor");
}
