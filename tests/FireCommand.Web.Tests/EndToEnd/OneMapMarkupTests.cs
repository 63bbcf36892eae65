using System.Net;
using System.Text.Json.Nodes;
using FireCommand.Web.Tests.Dispatch;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd;

/// <summary>
/// Names, addresses and call signs come from users and imports. On the One Map they are shown as
/// text: Leaflet parses a tooltip string as HTML, so markup in a name must arrive escaped.
/// </summary>
public sealed class OneMapMarkupTests(KestrelHost host) : IClassFixture<KestrelHost>
{
    private const string Name = "<img src=x onerror=window.__xss=1><b style=\"font-size:40px\">撤离通知</b>";

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

    [Fact]
    public async Task KeyPlaceNamedWithMarkup_ShowsAsTextInTooltipAndPopup()
    {
        using var api = await new ApiClient(new HttpClient { BaseAddress = host.BaseAddress })
            .SignedInAs(KestrelHost.AdminUserName, KestrelHost.AdminPassword);
        var (lat, lon, jurisdictionId) = await DispatchTestData.SomewhereAsync(api, 3);
        lat += 0.004;
        var created = await api.PostAsync("/api/key-places", new
        {
            name = Name, categories = "HighRise", latitude = lat, longitude = lon, address = "<i>测试</i>路 1 号",
            floors = 30, jurisdictionId,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();

        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        await page.AddInitScriptAsync(CaptureMap);
        await page.GotoAsync("/login.html");
        await page.FillAsync("#login-user", KestrelHost.AdminUserName);
        await page.FillAsync("#login-password", KestrelHost.AdminPassword);
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("body[data-map-ready='true']")).ToBeVisibleAsync(new() { Timeout = 60_000 });

        // Close enough that clustering is off, then mark the place's own icon for the mouse.
        var found = await page.EvaluateAsync<bool>("""
            async ([lat, lon, name]) => {
              const map = window.__fcMap;
              map.setView([lat, lon], 17, { animate: false });
              await new Promise((resolve) => setTimeout(resolve, 1500));
              let target = null;
              map.eachLayer((layer) => {
                if (layer.getLatLng && layer._icon && layer.getTooltip?.() && layer.options.icon?.options.className?.includes('fc-keyplace')
                    && Math.abs(layer.getLatLng().lat - lat) < 2e-5 && Math.abs(layer.getLatLng().lng - lon) < 2e-5) target = layer;
              });
              if (!target) return false;
              target._icon.setAttribute('data-markup-target', 'true');
              return true;
            }
            """, new object[] { lat, lon, Name });
        Assert.True(found, $"key place {id} is not on the map");

        var icon = page.Locator("[data-markup-target='true']");
        await icon.HoverAsync();
        var tooltip = page.Locator(".leaflet-tooltip");
        await Expect(tooltip).ToHaveTextAsync(Name);
        await Expect(tooltip.Locator("img, b")).ToHaveCountAsync(0);

        await icon.ClickAsync();
        var popup = page.Locator(".leaflet-popup");
        await Expect(popup.Locator(".fc-popup__title")).ToHaveTextAsync(Name);
        await Expect(popup).ToContainTextAsync("<i>测试</i>路 1 号");
        await Expect(popup.Locator("img, b, i")).ToHaveCountAsync(0);

        Assert.Equal(0, await page.Locator("#map img[src='x']").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"));
    }
}
