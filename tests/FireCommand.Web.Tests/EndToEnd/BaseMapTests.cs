using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FireCommand.Web.Tests.Infrastructure;
using FireCommand.Web.Tests.Map.Tiles;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd;

/// <summary>
/// The demo platform configured with a base map from an MBTiles file that the test writes: every
/// tile of zooms 0–7 magenta, except the south-west tile of zoom 1, cyan.
/// </summary>
public sealed class BaseMapHost : KestrelHost
{
    public const string Attribution = "© 测试底图";

    protected override async Task<Dictionary<string, string?>?> PrepareAsync()
    {
        var settings = await base.PrepareAsync();
        var path = Path.Combine(DataDirectory, "base.mbtiles");
        TestTiles.WriteMbTiles(path, maxZoom: 7, TestTiles.SolidPng(TestTiles.Magenta),
            $"<a href=\"https://example.invalid/\">{Attribution}</a>",
            new Dictionary<(int, int, int), byte[]> { [(1, 0, 0)] = TestTiles.SolidPng(TestTiles.Cyan) });
        settings!["Map:BaseLayer:Kind"] = "mbtiles";
        settings["Map:BaseLayer:Path"] = path;
        return settings;
    }
}

public sealed class BaseMapTests(BaseMapHost host, ITestOutputHelper output) : IClassFixture<BaseMapHost>
{
    [Fact]
    public async Task Tiles_AreServedFromTheFile_ToSignedInUsersOnly_WithTmsRowsFlipped()
    {
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        var refused = await anonymous.GetAsync("/api/map/tiles/1/0/0");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.NotEqual("image/png", refused.Content.Headers.ContentType?.MediaType);

        using var api = await new ApiClient(new HttpClient { BaseAddress = host.BaseAddress })
            .SignedInAs(KestrelHost.AdminUserName, KestrelHost.AdminPassword);
        // XYZ row 1 at zoom 1 is the southern half: TMS row 0, where the cyan tile is stored.
        var south = await api.GetAsync("/api/map/tiles/1/0/1");
        Assert.Equal(HttpStatusCode.OK, south.StatusCode);
        Assert.Equal("image/png", south.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TestTiles.SolidPng(TestTiles.Cyan), await south.Content.ReadAsByteArrayAsync());
        var north = await api.GetAsync("/api/map/tiles/1/0/0");
        Assert.Equal(TestTiles.SolidPng(TestTiles.Magenta), await north.Content.ReadAsByteArrayAsync());
        Assert.True(north.Headers.CacheControl?.Private, "tiles for signed-in users must not sit in shared caches");
        var etag = north.Headers.ETag ?? throw new Xunit.Sdk.XunitException("no ETag");
        Assert.NotEqual(etag, south.Headers.ETag);

        var again = new HttpRequestMessage(HttpMethod.Get, "/api/map/tiles/1/0/0");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await api.Http.SendAsync(again)).StatusCode);

        // Beyond the file's zooms: no tile, no error.
        Assert.Equal(HttpStatusCode.NoContent, (await api.GetAsync("/api/map/tiles/8/0/0")).StatusCode);
        var outside = await api.GetAsync("/api/map/tiles/3/8/0");
        var problem = await ApiClient.AssertProblemAsync(outside, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]?["x"]);

        var config = (await api.GetJsonAsync("/api/map/config"))["baseLayer"]!;
        Assert.Equal("mbtiles", config["kind"]!.GetValue<string>());
        Assert.Equal("/api/map/tiles/{z}/{x}/{y}", config["url"]!.GetValue<string>());
        Assert.Equal(7, config["maxZoom"]!.GetValue<int>());
        Assert.Equal("png", config["format"]!.GetValue<string>());
        // The file's credit is a link; the map gets its text only.
        Assert.Equal(BaseMapHost.Attribution, config["attribution"]!.GetValue<string>());
    }

    [Fact]
    public async Task OneMap_DrawsTheFilesTiles_FromThePlatform_AndSwitchesBetweenBaseMapAndOwnRoads()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        var problems = new PageProblems(page);
        var tileRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.ResourceType == "image") lock (tileRequests) tileRequests.Add(request.Url);
        };
        await page.GotoAsync("/login.html");
        await page.FillAsync("#login-user", KestrelHost.AdminUserName);
        await page.FillAsync("#login-password", KestrelHost.AdminPassword);
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("body[data-map-ready='true']")).ToBeVisibleAsync(new() { Timeout = 60_000 });

        var tiles = page.Locator("#map img.leaflet-tile-loaded");
        await Expect(tiles.First).ToBeAttachedAsync(new() { Timeout = 30_000 });
        var sizes = await tiles.EvaluateAllAsync<int[]>("imgs => imgs.map(i => i.naturalWidth)");
        Assert.All(sizes, w => Assert.Equal(256, w));
        var tilePath = new Regex($"^{Regex.Escape(host.BaseAddress.ToString().TrimEnd('/'))}/api/map/tiles/7/\\d+/\\d+$");
        lock (tileRequests)
        {
            Assert.NotEmpty(tileRequests);
            // Every image the map asked for came from the platform (the file's deepest zoom, enlarged), none from outside.
            Assert.All(tileRequests.Where(u => u.Contains("/tiles/", StringComparison.Ordinal)), u => Assert.Matches(tilePath, u));
            Assert.DoesNotContain(tileRequests, u => !u.StartsWith(host.BaseAddress.ToString(), StringComparison.Ordinal));
        }
        await Expect(page.Locator(".leaflet-control-attribution")).ToContainTextAsync(BaseMapHost.Attribution);
        await Expect(page.Locator("#base-switch input[value='both']")).ToBeCheckedAsync();
        await Screenshots.SaveAsync(page, "map-basemap-zh", output);

        // Base map only: the magenta tiles fill most of the screen.
        await page.Locator("#base-switch input[value='base']").CheckAsync();
        await Expect(page.Locator("#map")).ToHaveAttributeAsync("data-base-mode", "base");
        var baseShare = await MagentaShareAsync(page);
        Assert.True(baseShare > 0.3, $"magenta share with the base map only: {baseShare:P1}");
        // Own roads only: no tile on the map, not a magenta pixel.
        await page.Locator("#base-switch input[value='own']").CheckAsync();
        await Expect(page.Locator("#map .leaflet-tile")).ToHaveCountAsync(0);
        var ownShare = await MagentaShareAsync(page);
        Assert.True(ownShare < 0.001, $"magenta share with own roads only: {ownShare:P2}");
        // The choice is kept for the next visit.
        await page.ReloadAsync();
        await Expect(page.Locator("body[data-map-ready='true']")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.Locator("#base-switch input[value='own']")).ToBeCheckedAsync();

        await page.Locator("#base-switch input[value='both']").CheckAsync();
        await page.EvaluateAsync("() => localStorage.setItem('firecommand.lang', 'en')");
        await page.ReloadAsync();
        await Expect(page.Locator("body[data-map-ready='true']")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.Locator("#base-switch legend")).ToHaveTextAsync("Base map");
        await Expect(page.Locator("#map img.leaflet-tile-loaded").First).ToBeAttachedAsync();
        await Screenshots.SaveAsync(page, "map-basemap-en", output);
        problems.AssertNone();
    }

    /// <summary>The share of the screenshot's pixels that are the tiles' magenta, counted in the page's own canvas.</summary>
    private static async Task<double> MagentaShareAsync(IPage page)
    {
        await page.WaitForTimeoutAsync(300); // let the canvas panes repaint after the switch
        var png = await page.ScreenshotAsync();
        return await page.EvaluateAsync<double>("""
            async (b64) => {
              const img = new Image();
              img.src = 'data:image/png;base64,' + b64;
              await img.decode();
              const canvas = document.createElement('canvas');
              canvas.width = img.width;
              canvas.height = img.height;
              const ctx = canvas.getContext('2d');
              ctx.drawImage(img, 0, 0);
              const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
              let n = 0;
              for (let i = 0; i < d.length; i += 4) if (d[i] > 245 && d[i + 1] < 10 && d[i + 2] > 245) n++;
              return n / (d.length / 4);
            }
            """, Convert.ToBase64String(png));
    }
}
